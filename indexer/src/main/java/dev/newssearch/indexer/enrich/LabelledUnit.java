package dev.newssearch.indexer.enrich;

import java.util.List;
import java.util.Set;

/**
 * A unit of scored text (one dev page, one corpus sentence, one seed file): its paragraphs as the recogniser
 * sees them and the names labelled for it. Persons labelled with one character (a surname alone) are left out
 * by whoever builds the unit: a facet never shows them.
 */
public record LabelledUnit(String name, List<String> paragraphs, Set<String> persons, Set<String> places,
                           Set<String> organizations) {
  public LabelledUnit {
    paragraphs = List.copyOf(paragraphs);
    persons = Set.copyOf(persons);
    places = Set.copyOf(places);
    organizations = Set.copyOf(organizations);
  }
}

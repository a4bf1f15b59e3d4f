package dev.newssearch.indexer.eval;

import java.util.List;
import java.util.Set;

/**
 * A unit of scored text (one dev page, one corpus sentence, one seed file): its paragraphs as the recogniser
 * sees them and the names labelled for it. Persons labelled with one character (a surname alone) are left out
 * by whoever builds the unit: a facet never shows them.
 */
public record LabelledUnit(String name, List<String> paragraphs, Set<String> persons, Set<String> places,
                           Set<String> organizations, Set<String> credited) {
  public LabelledUnit(String name, List<String> paragraphs, Set<String> persons, Set<String> places,
                      Set<String> organizations) {
    this(name, paragraphs, persons, places, organizations, Set.of());
  }

  /** {@code credited}: names the unit prints in bylines (reporters), which no label lists as persons. */
  public LabelledUnit {
    credited = Set.copyOf(credited);
    paragraphs = List.copyOf(paragraphs);
    persons = Set.copyOf(persons);
    places = Set.copyOf(places);
    organizations = Set.copyOf(organizations);
  }
}

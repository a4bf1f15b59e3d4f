package dev.newssearch.indexer.eval;

import java.util.List;
import java.util.Set;

/**
 * A unit of scored text (one dev page, one corpus sentence, one seed file): its paragraphs as the recogniser
 * sees them and the names labelled for it. Persons labelled with one character (a surname alone) are left out
 * by whoever builds the unit: a facet never shows them.
 *
 * <p>{@code credited}: names the unit prints in bylines (reporters), which no label lists as persons.
 * {@code bylined}: labelled persons the pipeline read as the story's reporters (a corpus sentence that opens
 * with 本报…电 记者吴志华报道): they are shown in the reporters facet, not the persons facet, so the persons
 * score leaves them out and the evaluation says how many there were.
 */
public record LabelledUnit(String name, List<String> paragraphs, Set<String> persons, Set<String> places,
                           Set<String> organizations, Set<String> credited, Set<String> bylined) {
  public LabelledUnit(String name, List<String> paragraphs, Set<String> persons, Set<String> places,
                      Set<String> organizations) {
    this(name, paragraphs, persons, places, organizations, Set.of(), Set.of());
  }

  public LabelledUnit {
    credited = Set.copyOf(credited);
    bylined = Set.copyOf(bylined);
    paragraphs = List.copyOf(paragraphs);
    persons = Set.copyOf(persons);
    places = Set.copyOf(places);
    organizations = Set.copyOf(organizations);
  }
}

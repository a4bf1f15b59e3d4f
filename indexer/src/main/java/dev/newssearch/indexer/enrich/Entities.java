package dev.newssearch.indexer.enrich;

import java.util.List;

/** Named entities found in one paragraph: canonical names, one value per entity, in order of first mention. */
public record Entities(List<String> persons, List<String> places, List<String> organizations) {
  public static final Entities NONE = new Entities(List.of(), List.of(), List.of());

  public Entities {
    persons = List.copyOf(persons);
    places = List.copyOf(places);
    organizations = List.copyOf(organizations);
  }
}

package dev.newssearch.indexer.eval.devpages;

import java.util.List;

/**
 * One labelled sentence of the development corpus: its text and its person, place and organisation
 * mentions in the order they occur (as labelled by hand; a person may be a lone surname).
 */
public record DevSentence(String text, List<String> persons, List<String> places, List<String> organizations) {
  public DevSentence {
    persons = List.copyOf(persons);
    places = List.copyOf(places);
    organizations = List.copyOf(organizations);
  }
}

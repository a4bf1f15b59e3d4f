package dev.newssearch.indexer.enrich;

import java.util.Map;
import java.util.Set;

/**
 * Everything the recogniser knows that is not a statistical model: the curated lists under
 * {@code src/main/resources/enrich/}. Loaded once; immutable.
 */
record Lexicon(
    Map<String, String> knownPersons,
    Set<String> personTitles,
    Set<String> speechVerbs,
    Set<String> nameFollowers,
    Set<String> rejectedPersons,
    Set<String> surnames,
    Set<String> nameStopChars,
    Map<String, String> places,
    Set<String> placeSuffixes,
    Set<String> rejectedPlaces,
    Map<String, String> organizations,
    Set<String> organizationSuffixes,
    Set<String> rejectedOrganizations) {

  static Lexicon loadDefault() {
    return new Lexicon(
        Map.copyOf(Resources.aliases("known_persons.tsv")),
        Set.copyOf(Resources.words("person_titles.txt")),
        Set.copyOf(Resources.words("speech_verbs.txt")),
        Set.copyOf(Resources.words("name_followers.txt")),
        Set.copyOf(Resources.words("rejected_persons.txt")),
        Set.copyOf(Resources.words("surnames.txt")),
        Set.copyOf(Resources.words("name_stop_chars.txt")),
        Map.copyOf(Resources.aliases("places.tsv")),
        Set.copyOf(Resources.words("place_suffixes.txt")),
        Set.copyOf(Resources.words("rejected_places.txt")),
        Map.copyOf(Resources.aliases("organizations.tsv")),
        Set.copyOf(Resources.words("organization_suffixes.txt")),
        Set.copyOf(Resources.words("rejected_organizations.txt")));
  }
}

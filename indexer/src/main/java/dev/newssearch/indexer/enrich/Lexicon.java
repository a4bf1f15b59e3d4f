package dev.newssearch.indexer.enrich;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Everything the recogniser knows that is not a statistical model: the general lists under
 * {@code src/main/resources/enrich/general/} and, unless left out, the user's corrections under
 * {@code enrich/overrides/}. Loaded once; immutable.
 */
record Lexicon(
    Map<String, String> knownPersons,
    Set<String> notPersons,
    Set<String> personTitles,
    Set<String> honorifics,
    Set<String> speechVerbs,
    Set<String> nameFollowers,
    Set<String> surnames,
    Set<String> japaneseSurnames,
    Set<String> nameStopChars,
    Set<Character> transliterationChars,
    Map<String, String> places,
    Set<String> notPlaces,
    Set<String> placeSuffixes,
    Set<String> facilityEndings,
    Map<String, String> placeAbbreviations,
    Map<String, String> organizations,
    Set<String> notOrganizations,
    Set<String> organizationSuffixes) {

  /** General knowledge plus the user's overrides: what indexing uses. */
  static Lexicon loadDefault() {
    return load(true);
  }

  /** General knowledge only, overrides left out: what every reported evaluation figure is measured with. */
  static Lexicon general() {
    return load(false);
  }

  private static Lexicon load(boolean withOverrides) {
    Set<Character> transliteration = new HashSet<>();
    for (String line : Resources.lines("general/transliteration_chars.txt")) {
      line.chars().forEach(c -> transliteration.add((char) c));
    }
    return new Lexicon(
        merged("general/known_persons.tsv", "overrides/persons.tsv", withOverrides),
        words("overrides/not_persons.txt", withOverrides),
        Set.copyOf(Resources.words("general/person_titles.txt")),
        Set.copyOf(Resources.words("general/honorifics.txt")),
        Set.copyOf(Resources.words("general/speech_verbs.txt")),
        Set.copyOf(Resources.words("general/name_followers.txt")),
        Set.copyOf(Resources.words("general/surnames.txt")),
        Set.copyOf(Resources.words("general/japanese_surnames.txt")),
        Set.copyOf(Resources.words("general/name_stop_chars.txt")),
        Set.copyOf(transliteration),
        merged("general/places.tsv", "overrides/places.tsv", withOverrides),
        words("overrides/not_places.txt", withOverrides),
        Set.copyOf(Resources.words("general/place_suffixes.txt")),
        Set.copyOf(Resources.words("general/facility_endings.txt")),
        abbreviations("general/place_abbreviations.tsv"),
        organizations(withOverrides),
        words("overrides/not_organizations.txt", withOverrides),
        Set.copyOf(Resources.words("general/organization_suffixes.txt")));
  }

  /**
   * Organisations with their aliases: the shared synonyms file (one maintained list, also used by search)
   * gives the aliases of every organisation listed in {@code general/organizations.tsv}.
   */
  private static Map<String, String> organizations(boolean withOverrides) {
    Map<String, String> all = new HashMap<>(merged("general/organizations.tsv", "overrides/organizations.tsv", withOverrides));
    for (String line : Resources.classpathLines("/synonyms/news-synonyms.txt")) {
      if (line.contains("=>")) {
        continue;
      }
      String[] terms = line.split(",");
      String canonical = terms[0].strip();
      if (!canonical.equals(all.get(canonical))) {
        continue;
      }
      for (int i = 1; i < terms.length; i++) {
        String alias = terms[i].strip();
        if (!alias.isEmpty() && alias.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
          all.putIfAbsent(alias, canonical);
        }
      }
    }
    return Map.copyOf(all);
  }

  /** One-character abbreviations to the name they stand for (美 -> 美国); the canonical spellings left out. */
  private static Map<String, String> abbreviations(String name) {
    Map<String, String> all = new HashMap<>(Resources.aliases(name));
    all.keySet().removeIf(spelling -> spelling.length() != 1);
    return Map.copyOf(all);
  }

  private static Map<String, String> merged(String general, String override, boolean withOverrides) {
    Map<String, String> all = new HashMap<>(Resources.aliases(general));
    if (withOverrides) {
      all.putAll(Resources.aliases(override));
    }
    return Map.copyOf(all);
  }

  private static Set<String> words(String override, boolean withOverrides) {
    return withOverrides ? Set.copyOf(Resources.words(override)) : Set.of();
  }
}

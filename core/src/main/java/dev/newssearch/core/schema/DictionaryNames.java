package dev.newssearch.core.schema;

import java.util.List;

/**
 * The names IK must keep whole, as one rule for both sides: the indexer writes them into the nodes'
 * dictionary ({@code learned_names.dic}), the API reads them back from the index to cut what users
 * type the same way.
 */
public final class DictionaryNames {
  /** The fields whose values are learned names. */
  public static final List<String> FIELDS =
      List.of(Fields.PERSONS, Fields.REPORTERS, Fields.PLACES, Fields.ORGANIZATIONS);

  private DictionaryNames() {}

  /**
   * The dictionary form of a name, or null when it cannot be one: IK reads one word a line, so a name
   * with a space or a line break would be split or dropped, and a single character is no name.
   */
  public static String word(String name) {
    if (name == null) {
      return null;
    }
    String word = name.strip();
    return word.length() >= 2 && word.codePoints().noneMatch(Character::isWhitespace) ? word : null;
  }
}

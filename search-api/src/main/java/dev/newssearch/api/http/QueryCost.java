package dev.newssearch.api.http;

import dev.newssearch.api.query.QueryText;
import dev.newssearch.api.query.QueryText.Clause;
import java.util.List;

/**
 * What a parsed query will cost Elasticsearch, judged before it is sent.
 *
 * <p>Every word and phrase becomes, among others, a {@code match_phrase} on the one-character-per-token
 * {@code text.chars} field: Elasticsearch walks the positions of each character in every paragraph that
 * has all of them, so the cost grows with the number of characters and of clauses, most of all for
 * common characters. Both are capped (a 400 naming {@code q}), and a query above the {@link #heavy}
 * line runs in the narrow lane of {@link Admission}.
 *
 * @param clauses words and phrases, counting OR alternatives and excluded ones
 * @param chars   characters in all of them, the total phrase length Elasticsearch matches
 */
public record QueryCost(int clauses, int chars) {
  /** Words and phrases per query: more than a person types, fewer than a pasted paragraph. */
  public static final int MAX_CLAUSES = 16;
  /** Characters in all words and phrases: a long quoted sentence fits, a pasted page does not. */
  public static final int MAX_CHARS = 120;
  /** Above this many characters or clauses a query is expensive (one lane for all clients). */
  public static final int HEAVY_CHARS = 24;
  public static final int HEAVY_CLAUSES = 6;

  public static QueryCost of(QueryText query) {
    int clauses = 0;
    int chars = 0;
    for (List<Clause> group : query.groups()) {
      for (Clause c : group) {
        clauses++;
        chars += c.text().codePointCount(0, c.text().length());
      }
    }
    for (Clause c : query.excluded()) {
      clauses++;
      chars += c.text().codePointCount(0, c.text().length());
    }
    return new QueryCost(clauses, chars);
  }

  /** Refuses a query above the caps, naming {@code q} and the cap. */
  public QueryCost checked() {
    if (clauses > MAX_CLAUSES) {
      throw ApiException.badParameter("q", "q has " + clauses + " words and phrases; at most " + MAX_CLAUSES
          + " are searched at once");
    }
    if (chars > MAX_CHARS) {
      throw ApiException.badParameter("q", "q has " + chars + " characters in its words and phrases; at most "
          + MAX_CHARS + " are searched at once");
    }
    return this;
  }

  public boolean heavy() {
    return chars > HEAVY_CHARS || clauses > HEAVY_CLAUSES;
  }
}

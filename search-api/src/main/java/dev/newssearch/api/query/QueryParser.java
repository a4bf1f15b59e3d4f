package dev.newssearch.api.query;

import dev.newssearch.api.query.QueryText.Clause;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the small query language of the search box: words, {@code "exact phrase"}, {@code -exclude},
 * {@code OR} between two clauses. It never fails: an unbalanced quote closes at the end of the input,
 * a lone {@code -} or a dangling {@code OR} is ignored. The result is turned into typed queries; user
 * input never reaches {@code query_string}.
 */
public final class QueryParser {
  private final Synonyms synonyms;

  public QueryParser(Synonyms synonyms) {
    this.synonyms = synonyms;
  }

  public Synonyms synonyms() {
    return synonyms;
  }

  public QueryText parse(String raw) {
    String text = TextNormalizer.normalize(raw).strip();
    if (text.isEmpty()) {
      return QueryText.EVERYTHING;
    }
    List<Token> tokens = tokenize(text);
    List<List<Clause>> groups = new ArrayList<>();
    List<Clause> excluded = new ArrayList<>();
    boolean pendingOr = false;
    for (Token token : tokens) {
      if (token.isOr()) {
        pendingOr = !groups.isEmpty();
        continue;
      }
      Clause clause = new Clause(token.text, token.phrase);
      if (token.negated) {
        excluded.add(clause);
        pendingOr = false;
      } else if (pendingOr) {
        groups.get(groups.size() - 1).add(clause);
        pendingOr = false;
      } else {
        groups.add(new ArrayList<>(List.of(clause)));
      }
    }
    return new QueryText(groups, excluded);
  }

  private record Token(String text, boolean phrase, boolean negated) {
    boolean isOr() {
      return !phrase && !negated && text.equals("OR");
    }
  }

  private static List<Token> tokenize(String s) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      boolean negated = false;
      if (c == '-') {
        negated = true;
        i++;
        if (i >= n || Character.isWhitespace(s.charAt(i))) {
          continue; // a lone "-" means nothing
        }
        c = s.charAt(i);
      }
      if (c == '"') {
        int end = s.indexOf('"', i + 1);
        String inner = end < 0 ? s.substring(i + 1) : s.substring(i + 1, end);
        i = end < 0 ? n : end + 1;
        String phrase = clean(inner);
        if (!phrase.isEmpty()) {
          tokens.add(new Token(phrase, true, negated));
        }
        continue;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '"') {
        i++;
      }
      String word = clean(s.substring(start, i));
      if (!word.isEmpty()) {
        tokens.add(new Token(word, false, negated));
      }
    }
    // OR at either end joins nothing
    while (!tokens.isEmpty() && tokens.get(0).isOr()) {
      tokens.remove(0);
    }
    while (!tokens.isEmpty() && tokens.get(tokens.size() - 1).isOr()) {
      tokens.remove(tokens.size() - 1);
    }
    return tokens;
  }

  /** Keeps letters, digits and inner spaces; everything else is noise for the analyzer anyway. */
  private static String clean(String s) {
    return s.replaceAll("[\\p{Cc}\\p{Cf}]", "").replaceAll("\\s+", " ").strip();
  }
}

package dev.newssearch.api.query;

import dev.newssearch.api.query.QueryText.Clause;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the small query language of the search box: words, {@code "exact phrase"}, {@code -exclude}
 * or {@code NOT exclude}, {@code OR} between two clauses, {@code AND} (the default, so it changes
 * nothing), parentheses (grouping marks only: {@code (a OR b) c} reads as {@code a OR b c}). Operators
 * are upper case; {@code and}, {@code or}, {@code not} in lower case are words. It never fails: an
 * unbalanced quote closes at the end of the input, unbalanced or empty parentheses are dropped, a lone
 * {@code -}, a dangling {@code OR}/{@code AND}/{@code NOT} is ignored. The result is turned into typed
 * queries; user input never reaches {@code query_string}.
 */
public final class QueryParser {
  private final Synonyms synonyms;

  public QueryParser(Synonyms synonyms) {
    this.synonyms = synonyms;
    WordSplitter.shared().addWords(synonyms.terms());
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
      if (token.isAnd()) {
        continue;
      }
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

    boolean isAnd() {
      return !phrase && !negated && text.equals("AND");
    }

    boolean isOperator() {
      return isOr() || isAnd() || isNot();
    }

    boolean isNot() {
      return !phrase && !negated && text.equals("NOT");
    }

    Token negate() {
      return new Token(text, phrase, true);
    }
  }

  private static List<Token> tokenize(String s) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || isParen(c)) {
        i++;
        continue;
      }
      boolean negated = false;
      if (c == '-') {
        negated = true;
        i++;
        if (i >= n || Character.isWhitespace(s.charAt(i)) || isParen(s.charAt(i))) {
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
      while (i < n && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '"' && !isParen(s.charAt(i))) {
        i++;
      }
      String word = clean(s.substring(start, i));
      if (!word.isEmpty()) {
        tokens.add(new Token(word, false, negated));
      }
    }
    // NOT applies to the clause after it; a NOT with nothing after it is dropped
    List<Token> out = new ArrayList<>();
    for (int k = 0; k < tokens.size(); k++) {
      Token t = tokens.get(k);
      if (t.isNot()) {
        if (k + 1 < tokens.size() && !tokens.get(k + 1).isOperator()) {
          out.add(tokens.get(++k).negate());
        }
        continue;
      }
      out.add(t);
    }
    // OR or AND at either end joins nothing
    while (!out.isEmpty() && out.get(0).isOperator()) {
      out.remove(0);
    }
    while (!out.isEmpty() && out.get(out.size() - 1).isOperator()) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  /** ASCII and full-width parentheses (NFKC folds the latter, but brackets of other kinds stay). */
  private static boolean isParen(char c) {
    return c == '(' || c == ')';
  }

  /** Keeps letters, digits and inner spaces; everything else is noise for the analyzer anyway. */
  private static String clean(String s) {
    return s.replaceAll("[\\p{Cc}\\p{Cf}]", "").replaceAll("\\s+", " ").strip();
  }
}

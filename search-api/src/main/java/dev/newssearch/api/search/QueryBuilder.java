package dev.newssearch.api.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import dev.newssearch.api.query.QueryText;
import dev.newssearch.api.query.QueryText.Clause;
import dev.newssearch.api.query.Synonyms;
import dev.newssearch.api.query.TextNormalizer;
import dev.newssearch.api.query.WordSplitter;
import dev.newssearch.core.schema.Fields;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns understood query text and filters into typed Elasticsearch queries. No I/O.
 *
 * <p>Matching is in tiers (see {@link Tier}); one request asks for the paragraphs that hold every word
 * ({@link Level#ALL}), ranking those that hold each clause exactly first; only when that finds nothing
 * does the service ask again at {@link Level#ANY}, ranking paragraphs by how many words they hold.
 * Words are what IK's smart mode cuts the typed text into ({@link WordSplitter}), each matched as an
 * exact substring of the paragraph's own text. The title adds score, it is not a way to match.
 */
public final class QueryBuilder {
  /** Which tier a search answered from, reported as {@code match}. */
  public enum Tier {
    /** every clause appears exactly as typed */
    EXACT,
    /** every word appears, not always as typed */
    ALL,
    /** at least {@link #mostOf} of the words appear */
    MOST,
    /** some of the words appear */
    ANY;

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** What a request requires: every word, or any. */
  public enum Level { ALL, ANY }

  /**
   * Only for highlighting {@code text} and {@code title}: ik_smart cuts the query into its coarsest
   * words (脱贫攻坚 stays one word), so marks are whole words rather than 脱贫 and 攻坚 everywhere.
   */
  static final String HIGHLIGHT_ANALYZER = "ik_smart";

  /**
   * Added when the text holds a clause exactly as typed: the exact tier ranks above paragraphs that
   * only hold the words apart (BM25 of a short query stays below about 30 on this index).
   */
  static final float EXACT_BOOST = 50f;

  /** Added when the title holds a clause: a boost among paragraphs of one tier, not a tier itself. */
  static final float TITLE_BOOST = 5f;

  /** Per word held, at {@link Level#ANY}: more words rank higher whatever their BM25. */
  static final float WORD_BOOST = 30f;

  /** BM25 of the title counts this much against BM25 of the paragraph's own text. */
  static final float TITLE_BM25_BOOST = 0.3f;

  static final String EXACT_NAME = "exact:";
  static final String WORD_NAME = "word:";

  private final Synonyms synonyms;
  private final WordSplitter splitter;
  private final boolean bigrams;

  public QueryBuilder(Synonyms synonyms) {
    this(synonyms, true);
  }

  /**
   * @param bigrams match substrings of two or more characters as phrases of the index-time bigram
   *                field {@code text.bigrams} (true), or as phrases of one-character tokens on
   *                {@code text.chars} (false, the former way; kept to measure both)
   */
  public QueryBuilder(Synonyms synonyms, boolean bigrams) {
    this.synonyms = synonyms;
    this.splitter = WordSplitter.shared();
    this.bigrams = bigrams;
  }

  /** The scoring part at {@link Level#ALL}: the query text plus the date range (dates are not a facet). */
  public Query mainQuery(QueryText text, Filters filters) {
    return mainQuery(text, filters, Level.ALL);
  }

  public Query mainQuery(QueryText text, Filters filters, Level level) {
    return Query.of(q -> q.bool(b -> {
      if (text.matchesEverything()) {
        b.must(Query.of(m -> m.matchAll(a -> a)));
      } else if (level == Level.ALL) {
        for (int g = 0; g < text.groups().size(); g++) {
          List<Clause> group = text.groups().get(g);
          List<Query> alternatives = new ArrayList<>();
          List<Query> exact = new ArrayList<>();
          List<Query> title = new ArrayList<>();
          for (Clause clause : group) {
            for (String variant : synonyms.expand(clause.text())) {
              alternatives.add(clause.phrase() ? bodyContains(variant) : allWords(variant));
              exact.add(bodyContains(variant));
              title.add(titleHas(variant));
            }
          }
          b.must(anyOf(alternatives));
          String name = EXACT_NAME + g;
          b.should(Query.of(s -> s.constantScore(c -> c.filter(anyOf(exact)).boost(EXACT_BOOST).queryName(name))));
          b.should(Query.of(s -> s.constantScore(c -> c.filter(anyOf(title)).boost(TITLE_BOOST))));
        }
      } else {
        List<String> words = words(text);
        List<Query> each = new ArrayList<>();
        for (int j = 0; j < words.size(); j++) {
          Query w = anyWordForm(words.get(j));
          each.add(w);
          String name = WORD_NAME + j;
          b.should(Query.of(s -> s.constantScore(c -> c.filter(w).boost(WORD_BOOST).queryName(name))));
        }
        each.add(relevance(text));
        b.must(anyOf(each));
        for (List<Clause> group : text.groups()) {
          for (Clause clause : group) {
            b.should(Query.of(s -> s.constantScore(c -> c.filter(bodyContains(clause.text())).boost(EXACT_BOOST))));
          }
        }
      }
      if (!text.matchesEverything()) {
        b.should(relevance(text));
      }
      for (Clause clause : text.excluded()) {
        for (String variant : synonyms.expand(clause.text())) {
          b.mustNot(bodyContains(variant));
          if (!clause.phrase()) {
            b.mustNot(titleContains(variant));
          }
        }
      }
      Query range = dateRange(filters.dateFrom(), filters.dateTo());
      if (range != null) {
        b.filter(range);
      }
      return b;
    }));
  }

  /** The words of the positive clauses, in order, once each: a phrase is one word, a word is IK's pieces. */
  public List<String> words(QueryText text) {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (List<Clause> group : text.groups()) {
      for (Clause clause : group) {
        if (clause.phrase()) {
          out.add(clause.text());
        } else {
          out.addAll(pieces(clause.text()));
        }
      }
    }
    return List.copyOf(out);
  }

  /** "Most words": 2 of 3, 3 of 4, 4 of 5 … (two thirds, rounded up). */
  public static int mostOf(int words) {
    return Math.max(1, (int) Math.ceil(words * 2 / 3.0));
  }

  /** The tier a hit answers from, given the names of the queries it matched. */
  public static Tier tierOf(Level level, List<String> matched, int groups, int words) {
    if (level == Level.ALL) {
      long exact = matched.stream().filter(n -> n.startsWith(EXACT_NAME)).count();
      return exact >= groups ? Tier.EXACT : Tier.ALL;
    }
    long held = matched.stream().filter(n -> n.startsWith(WORD_NAME)).count();
    if (held >= words) {
      return Tier.ALL;
    }
    return held >= mostOf(words) && words > 2 ? Tier.MOST : Tier.ANY;
  }

  List<String> pieces(String text) {
    List<String> pieces = splitter.split(text);
    return pieces.isEmpty() ? List.of(text) : pieces;
  }

  /**
   * How a typed word (or one of its synonyms) is found at {@link Level#ALL}: every one of its IK pieces, each as
   * one of its forms (as written, or a synonym: a query piece 世卫组织 also finds 世界卫生组织) or as its finer
   * words {@linkplain #heldApart held apart}; or, for a word of Latin letters, its pinyin. {@link #allWords} builds
   * the query from it, and {@link #everyHitHoldsAnExactPhrase} reads from it when the word is found only as typed.
   */
  private record WordMatch(String word, List<Piece> pieces, Query pinyin) {
    record Piece(String text, List<String> forms, List<String> apart) {}

    /** The forms that alone find the word: IK keeps it whole, nothing finer stands for it, no pinyin; else null. */
    List<String> onlyForms() {
      boolean asTyped = pieces.size() == 1 && pieces.get(0).text().equals(word) && pieces.get(0).apart().isEmpty()
          && pinyin == null;
      return asTyped ? pieces.get(0).forms() : null;
    }
  }

  private WordMatch wordMatch(String word) {
    List<WordMatch.Piece> pieces = pieces(word).stream()
        .map(p -> new WordMatch.Piece(p, synonyms.expand(p), heldApart(p))).toList();
    return new WordMatch(word, pieces, pinyin(word));
  }

  /** Every IK word of the text appears in the paragraph's text, each as an exact substring. */
  private Query allWords(String text) {
    WordMatch match = wordMatch(text);
    List<Query> each = new ArrayList<>();
    for (WordMatch.Piece piece : match.pieces()) {
      Query forms = anyOf(piece.forms().stream().map(this::bodyContains).toList());
      if (!piece.apart().isEmpty()) {
        List<Query> parts = piece.apart().stream().map(this::bodyContains).toList();
        each.add(anyOf(List.of(forms, Query.of(q -> q.bool(b -> b.filter(parts))))));
      } else {
        each.add(forms);
      }
    }
    Query all = each.size() == 1 ? each.get(0) : Query.of(q -> q.bool(b -> b.filter(each)));
    return match.pinyin() == null ? all : anyOf(List.of(all, match.pinyin()));
  }

  /**
   * The finer words a paragraph may hold apart instead of the piece itself; none when it must hold the piece (or
   * one of its synonyms). Typed together, two words can form a longer word across their boundary (中国+人民): a
   * paragraph holding its finer words apart still holds every word typed.
   */
  private List<String> heldApart(String piece) {
    List<String> finer = piece.length() >= 3 ? splitter.finest(piece) : List.of(piece);
    return finer.size() > 1 && synonyms.expand(piece).size() == 1 ? finer : List.of();
  }

  /**
   * Whether every paragraph found at {@link Level#ALL} holds one of the {@linkplain #exactPhrases exact phrases}:
   * some group of clauses matches only by them (phrases, and words {@linkplain WordMatch#onlyForms found only as
   * typed} or as a synonym that is itself an exact phrase).
   */
  boolean everyHitHoldsAnExactPhrase(QueryText text) {
    if (text.matchesEverything()) {
      return false;
    }
    Set<String> exact = Set.copyOf(exactPhrases(text));
    return text.groups().stream().anyMatch(group -> group.stream().allMatch(clause -> clause.phrase()
        || synonyms.expand(clause.text()).stream().allMatch(v -> {
          List<String> only = wordMatch(v).onlyForms();
          return only != null && exact.containsAll(only);
        })));
  }

  /** A word or one of its synonyms, anywhere in the text (for the ANY level). */
  private Query anyWordForm(String word) {
    List<Query> forms = new ArrayList<>();
    for (String variant : synonyms.expand(word)) {
      forms.add(bodyContains(variant));
    }
    Query pinyin = pinyin(word);
    if (pinyin != null) {
      forms.add(pinyin);
    }
    return anyOf(forms);
  }

  /**
   * Full pinyin ({@code tuopin}) or, for names, initials ({@code xjp}): terms of the index-time pinyin
   * subfields (the plugin's {@code news_pinyin} filter). Null unless the word is all Latin letters.
   */
  static Query pinyin(String word) {
    String w = word.toLowerCase(java.util.Locale.ROOT);
    if (w.length() < 2 || !w.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
      return null;
    }
    return Query.of(q -> q.bool(b -> b
        .should(s -> s.term(t -> t.field(Fields.TEXT_TERMS).value(w)))
        .should(s -> s.term(t -> t.field(Fields.PERSONS_PINYIN).value(w)))
        .should(s -> s.term(t -> t.field(Fields.PLACES_PINYIN).value(w)))
        .minimumShouldMatch("1")));
  }

  /** BM25 of the words in the paragraph's text, the title counting less: order within a tier. */
  private static Query relevance(QueryText text) {
    StringBuilder all = new StringBuilder();
    for (List<Clause> group : text.groups()) {
      for (Clause clause : group) {
        all.append(clause.text()).append(' ');
      }
    }
    String q = all.toString().strip();
    return Query.of(o -> o.bool(b -> b
        .should(s -> s.match(m -> m.field(Fields.TEXT).query(q)))
        .should(s -> s.match(m -> m.field(Fields.TITLE).query(q).boost(TITLE_BM25_BOOST)))));
  }

  /**
   * The text holds the characters in this order. Two or more letters or digits: a phrase of the
   * index-time bigram field ({@code text.bigrams}: 脱贫攻坚 is the three terms 脱贫 贫攻 攻坚, far rarer
   * than the four single characters); one character: a term of {@code text.chars}; with punctuation
   * or spaces inside: a phrase of {@code text.chars} (whose analyzer drops them).
   */
  Query bodyContains(String s) {
    String folded = s.strip();
    boolean plain = folded.codePoints().allMatch(Character::isLetterOrDigit);
    if (bigrams && plain && folded.codePointCount(0, folded.length()) >= 2) {
      return Query.of(q -> q.matchPhrase(m -> m.field(Fields.TEXT_BIGRAMS).query(folded).slop(0)));
    }
    return charsContains(folded);
  }

  static Query charsContains(String s) {
    return Query.of(q -> q.matchPhrase(m -> m.field(Fields.TEXT_CHARS).query(s).slop(0)));
  }

  /**
   * The title holds the characters in this order: {@code match_phrase} on {@code title.chars}, one Han
   * character per token. No wildcard, which clusters with
   * {@code search.allow_expensive_queries: false} refuse.
   */
  static Query titleContains(String s) {
    return Query.of(q -> q.matchPhrase(m -> m.field(Fields.TITLE_CHARS).query(s).slop(0)));
  }

  private static Query titleHas(String s) {
    return titleContains(s);
  }

  private static Query anyOf(List<Query> alternatives) {
    return alternatives.size() == 1
        ? alternatives.get(0)
        : Query.of(o -> o.bool(ob -> ob.should(alternatives).minimumShouldMatch("1")));
  }

  // ---------------------------------------------------------------- highlighting

  /** Every positive clause's variants; excluded clauses are never highlighted. */
  private List<Clause> positive(QueryText text, boolean phrases, boolean words) {
    List<Clause> out = new ArrayList<>();
    for (List<Clause> group : text.groups()) {
      for (Clause c : group) {
        if (c.phrase() ? phrases : words) {
          for (String v : synonyms.expand(c.text())) {
            out.add(new Clause(v, c.phrase()));
          }
        }
      }
    }
    return out;
  }

  /**
   * What a search at one {@link Level} asks the node to highlight, field by field (null: not asked), and what the
   * API marks in each hit itself: the {@linkplain #exactPhrases exact phrases} in the text, and in the title when
   * {@code titleMarkedExactly}. Worked out once per search, so its request and the marks of its hits agree.
   */
  public record Highlighting(Query text, Query title, Query pieces, Query pinyin, List<String> exactPhrases,
      boolean titleMarkedExactly) {}

  public Highlighting highlighting(QueryText text, Level level) {
    boolean titleExactly = titleMarkedExactly(text);
    return new Highlighting(textHighlight(text, level), titleExactly ? null : titleHighlight(text),
        piecesHighlight(text), pinyinHighlight(text), exactPhrases(text), titleExactly);
  }

  /**
   * What to mark in {@code text} on the node: the query words, cut by ik_smart, all of a word's pieces present.
   * Phrases are left to the {@linkplain #exactPhrases exact marks}, which mark only their exact occurrences.
   * Null when there is nothing to mark, and when the IK marks could add nothing to the exact marks: every word
   * is {@linkplain #markedExactly marked exactly} anyway; or, at {@link Level#ALL} when every paragraph found holds
   * an exact phrase ({@link #everyHitHoldsAnExactPhrase}), every other word is one IK {@linkplain
   * #cutIntoCharacters cuts into its characters}, whose one-character marks {@code Highlights.union} drops beside
   * an exact mark (防控 in {@code 疫情 防控}).
   */
  Query textHighlight(QueryText text, Level level) {
    List<Clause> words = positive(text, false, true);
    if (!words.isEmpty() && words.stream().allMatch(c -> markedExactly(c.text()))) {
      return null;
    }
    // the words first: most queries stop there, before the exact phrases and synonyms of every group are worked out
    if (level == Level.ALL && !words.isEmpty()
        && words.stream().allMatch(c -> markedExactly(c.text()) || cutIntoCharacters(c.text()))
        && everyHitHoldsAnExactPhrase(text)) {
      return null;
    }
    return wordHighlight(Fields.TEXT, words);
  }

  /** A word of Han characters that IK has no word for, not even a part: ik_smart cuts it into its characters. */
  public boolean cutIntoCharacters(String word) {
    List<String> pieces = pieces(word);
    return TextNormalizer.onlyHan(word) && pieces.size() > 1
        && pieces.stream().allMatch(p -> p.codePointCount(0, p.length()) == 1);
  }

  /**
   * A word of Han characters that IK keeps whole (疫情, 习近平): the {@code text} highlight marks it
   * only where its characters stand together, and the {@linkplain #exactPhrases exact marks} mark every such
   * place, so the union of the two ({@code Highlights.union}) is the exact marks alone. The node is then spared
   * the second highlight of every hit (a third of the hits search's time on the benchmark's query).
   */
  public boolean markedExactly(String word) {
    return TextNormalizer.onlyHan(word) && pieces(word).equals(List.of(word));
  }

  /**
   * What the exact marks mark ({@link ExactMarks}, made by the API from each hit's text): every positive word
   * and phrase as typed, and its synonyms.
   */
  List<String> exactPhrases(QueryText text) {
    return positive(text, true, true).stream().map(Clause::text).distinct().toList();
  }

  /**
   * What to mark when a paragraph holds the words apart: each IK word of a clause (and its synonyms) of
   * two or more characters, on {@code text.bigrams}. Null when every clause is one word.
   */
  private Query piecesHighlight(QueryText text) {
    LinkedHashSet<String> marks = new LinkedHashSet<>();
    for (Clause c : positive(text, false, true)) {
      List<String> pieces = pieces(c.text());
      if (pieces.size() > 1) {
        for (String piece : pieces) {
          if (piece.codePointCount(0, piece.length()) >= 2 && piece.codePoints().allMatch(Character::isLetterOrDigit)) {
            marks.addAll(synonyms.expand(piece));
          }
        }
      }
    }
    List<Query> out = new ArrayList<>();
    for (String m : marks) {
      out.add(Query.of(q -> q.matchPhrase(p -> p.field(Fields.TEXT_BIGRAMS).query(m).slop(0))));
    }
    return out.isEmpty() ? null : anyOf(out);
  }

  /**
   * What to mark for words typed in pinyin: their terms in {@code text.terms}, whose pinyin tokens carry
   * the offsets of the characters they were made from (so {@code tuopin} marks 脱贫). Null without such words.
   */
  private Query pinyinHighlight(QueryText text) {
    List<Query> out = new ArrayList<>();
    for (Clause c : positive(text, false, true)) {
      if (pinyin(c.text()) != null) {
        String w = c.text().toLowerCase(java.util.Locale.ROOT);
        out.add(Query.of(q -> q.term(t -> t.field(Fields.TEXT_TERMS).value(w))));
      }
    }
    return out.isEmpty() ? null : anyOf(out);
  }

  /**
   * What to mark in {@code title} on the node, unless it is {@linkplain #titleMarkedExactly marked by its exact
   * occurrences}: words as in the text, phrases as IK phrases (best effort).
   */
  private Query titleHighlight(QueryText text) {
    List<Query> out = new ArrayList<>();
    Query words = wordHighlight(Fields.TITLE, positive(text, false, true));
    if (words != null) {
      out.add(words);
    }
    for (Clause c : positive(text, true, false)) {
      out.add(Query.of(q -> q.matchPhrase(m -> m.field(Fields.TITLE).query(c.text()))));
    }
    return out.isEmpty() ? null : anyOf(out);
  }

  /**
   * Whether the title's marks are the {@linkplain #exactPhrases exact marks} of the query: it has words and no
   * phrase, and each word (and each synonym) is one IK keeps whole, so {@code ik_max_word} has it as a token
   * wherever its characters stand ({@code ExactMatchIT} checks it on the index's titles), or one IK
   * {@linkplain #cutIntoCharacters cuts into its characters}: the title is marked where they stand together
   * (防控), never character by character, as the text is beside an exact mark. A title is a boost: the title
   * boost of the ranking is its exact occurrences too.
   */
  boolean titleMarkedExactly(QueryText text) {
    List<Clause> clauses = positive(text, true, true);
    return !clauses.isEmpty()
        && clauses.stream().allMatch(c -> !c.phrase() && (markedExactly(c.text()) || cutIntoCharacters(c.text())));
  }

  private static Query wordHighlight(String field, List<Clause> words) {
    List<Query> out = new ArrayList<>();
    for (Clause c : words) {
      out.add(Query.of(q -> q.match(m -> m.field(field).query(c.text())
          .analyzer(HIGHLIGHT_ANALYZER).operator(Operator.And))));
    }
    return out.isEmpty() ? null : anyOf(out);
  }

  static Query dateRange(LocalDate from, LocalDate to) {
    if (from == null && to == null) {
      return null;
    }
    return Query.of(q -> q.range(r -> r.date(d -> {
      d.field(Fields.DATE).format("yyyy-MM-dd");
      if (from != null) {
        d.gte(from.toString());
      }
      if (to != null) {
        d.lte(to.toString());
      }
      return d;
    })));
  }

  /** Facet filters, all of them except those in {@code except}; null when there is none. */
  public Query facetFilter(Filters filters, Set<Facet> except) {
    List<Query> clauses = new ArrayList<>();
    filters.facets().forEach((facet, values) -> {
      if (!except.contains(facet)) {
        clauses.add(termsQuery(facet.field(), values));
      }
    });
    if (clauses.isEmpty()) {
      return null;
    }
    return Query.of(q -> q.bool(b -> b.filter(clauses)));
  }

  /** Every filter, facets included, as one query (for aggregations that are not multi-select). */
  public Query fullQuery(QueryText text, Filters filters) {
    Query main = mainQuery(text, filters);
    Query facets = facetFilter(filters, Set.of());
    if (facets == null) {
      return main;
    }
    return Query.of(q -> q.bool(b -> b.must(main).filter(facets)));
  }

  static Query termsQuery(String field, List<String> values) {
    List<FieldValue> fv = values.stream().map(FieldValue::of).toList();
    return Query.of(q -> q.terms(t -> t.field(field).terms(tv -> tv.value(fv))));
  }
}

package dev.newssearch.api.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import dev.newssearch.api.query.QueryText;
import dev.newssearch.api.query.QueryText.Clause;
import dev.newssearch.api.query.Synonyms;
import dev.newssearch.core.schema.Fields;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Turns understood query text and filters into typed Elasticsearch queries. No I/O. */
public final class QueryBuilder {
  /** Title matches weigh more than body matches. */
  static final List<String> TEXT_FIELDS = List.of(Fields.TITLE + "^3", Fields.TEXT);

  /**
   * Only for highlighting {@code text} and {@code title}: ik_smart cuts the query into its coarsest
   * words (脱贫攻坚 stays one word), so marks are whole words rather than 脱贫 and 攻坚 everywhere.
   * Not for matching: against the ik_max_word index it misses 69 % of phrase and 42 % of AND
   * queries cut from the seeds (indexer/src/test/resources/index/analyzer-measurement.md); the
   * fields' own search analyzer (text_search = ik_max_word + synonyms) misses about half as many.
   */
  static final String HIGHLIGHT_ANALYZER = "ik_smart";

  /**
   * Added when the title holds the query string exactly. With {@link #EXACT_BOOST} these are tiers
   * above any BM25 score of a short query (which stays below about 30 on this index): exact in the
   * title, then exact in the text, then IK words only, BM25 ordering within a tier.
   */
  static final float TITLE_BOOST = 100f;

  /** Added when the text holds a query word exactly (see {@link #TITLE_BOOST}). */
  static final float EXACT_BOOST = 50f;

  private final Synonyms synonyms;

  public QueryBuilder(Synonyms synonyms) {
    this.synonyms = synonyms;
  }

  /** The scoring part: the query text plus the date range (dates are not a facet). */
  public Query mainQuery(QueryText text, Filters filters) {
    return Query.of(q -> q.bool(b -> {
      if (text.matchesEverything()) {
        b.must(Query.of(m -> m.matchAll(a -> a)));
      }
      for (List<Clause> group : text.groups()) {
        List<Query> alternatives = new ArrayList<>();
        for (Clause clause : group) {
          alternatives.addAll(clauseQueries(clause));
        }
        b.must(anyOf(alternatives));
      }
      for (Clause clause : text.excluded()) {
        b.mustNot(clauseQueries(clause));
      }
      Query range = dateRange(filters.dateFrom(), filters.dateTo());
      if (range != null) {
        b.filter(range);
      }
      return b;
    }));
  }

  /** One clause and its synonyms: any one of them matches. */
  List<Query> clauseQueries(Clause clause) {
    List<Query> out = new ArrayList<>();
    for (String variant : synonyms.expand(clause.text())) {
      out.add(clause.phrase() ? phraseQuery(variant) : wordQuery(variant));
    }
    return out;
  }

  /**
   * A word matches a paragraph that contains it as a substring of its text (exact, on the
   * one-character-per-token {@code text.chars}: IK cannot miss it, even when the word cuts across
   * IK's words) or of its title, or whose IK words all appear in the text or all in the title (so
   * 疫情防控 still finds 疫情的防控). Scores add up: the IK clause (BM25, title 3×), a constant
   * {@link #EXACT_BOOST} for the exact substring in the text and {@link #TITLE_BOOST} for it in the
   * title. Constants, not BM25 on the characters: a character phrase over a short common word (讲话)
   * scored up to 5 and lifted body-only paragraphs above title matches, and a substring cutting
   * across IK words (贫攻坚成效) must rank above paragraphs that only have its IK pieces apart.
   */
  private static Query wordQuery(String word) {
    Query words = Query.of(q -> q.multiMatch(m -> m
        .query(word)
        .fields(TEXT_FIELDS)
        .type(TextQueryType.BestFields)
        .operator(Operator.And)));
    Query exact = Query.of(q -> q.constantScore(c -> c.filter(bodyContains(word)).boost(EXACT_BOOST)));
    return anyOf(List.of(exact, words, titleContains(word)));
  }

  /**
   * A quoted phrase is exact: the paragraph text must hold its characters in sequence
   * ({@code match_phrase}, slop 0, on {@code text.chars}). The title only adds score: as an
   * alternative it would let every paragraph of an article whose title holds the phrase match.
   */
  private static Query phraseQuery(String phrase) {
    return Query.of(q -> q.bool(b -> b.must(bodyContains(phrase)).should(titleContains(phrase))));
  }

  /** The text holds the characters in this order (the standard analyzer drops punctuation and spaces). */
  static Query bodyContains(String s) {
    return Query.of(q -> q.matchPhrase(m -> m.field(Fields.TEXT_CHARS).query(s).slop(0)));
  }

  /**
   * The title holds the characters in this order: {@code match_phrase} on {@code title.chars}, one Han
   * character per token like {@code text.chars}. A constant score, for the reason given at
   * {@link #wordQuery}; and no wildcard, which clusters with
   * {@code search.allow_expensive_queries: false} refuse.
   */
  static Query titleContains(String s) {
    return Query.of(q -> q.constantScore(c -> c
        .filter(f -> f.matchPhrase(m -> m.field(Fields.TITLE_CHARS).query(s).slop(0)))
        .boost(TITLE_BOOST)));
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
   * What to mark in {@code text}: the query words, cut by ik_smart, all of a word's pieces present.
   * Phrases are left to {@link #charsHighlight}, which marks only their exact occurrences. Null when
   * there is nothing to mark.
   */
  public Query textHighlight(QueryText text) {
    return wordHighlight(Fields.TEXT, positive(text, false, true));
  }

  /** What to mark in {@code text.chars}: every exact occurrence of a word or phrase. */
  public Query charsHighlight(QueryText text) {
    List<Query> out = new ArrayList<>();
    for (Clause c : positive(text, true, true)) {
      out.add(bodyContains(c.text()));
    }
    return out.isEmpty() ? null : anyOf(out);
  }

  /** What to mark in {@code title}: words as in the text, phrases as IK phrases (best effort). */
  public Query titleHighlight(QueryText text) {
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

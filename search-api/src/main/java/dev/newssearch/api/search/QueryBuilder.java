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
   * The query side is cut with ik_smart, the coarsest segmentation: 脱贫攻坚 stays one word, which the
   * ik_max_word index holds too, so hits and highlights are whole words rather than 脱贫 and 攻坚
   * everywhere. Synonyms are expanded here, in Java, from synonyms.txt.
   */
  static final String QUERY_ANALYZER = "ik_smart";

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
        b.must(alternatives.size() == 1
            ? alternatives.get(0)
            : Query.of(o -> o.bool(ob -> ob.should(alternatives).minimumShouldMatch("1"))));
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

  /** A word with spaces inside is several words that must all appear. */
  private static Query wordQuery(String words) {
    return Query.of(q -> q.multiMatch(m -> m
        .query(words)
        .fields(TEXT_FIELDS)
        .type(TextQueryType.BestFields)
        .analyzer(QUERY_ANALYZER)
        .operator(Operator.And)));
  }

  /**
   * An ordered, nearly gap-free sequence of the phrase's tokens. Not {@code match_phrase}: the
   * ik_max_word analyzer gives overlapping words consecutive positions (脱贫攻坚战 → 脱贫攻坚战, 脱贫攻坚,
   * 脱贫, 攻坚战, 攻坚), so the positions of a phrase's tokens depend on the words around it and a
   * strict phrase query misses real occurrences. An ordered intervals query with a few gaps, one
   * per character at most, accepts those extra overlapping words and still keeps the order.
   */
  private static Query phraseQuery(String phrase) {
    int gaps = Math.max(2, phrase.codePointCount(0, phrase.length()));
    Query body = Query.of(q -> q.intervals(i -> i.field(Fields.TEXT)
        .match(m -> m.query(phrase).analyzer(QUERY_ANALYZER).ordered(true).maxGaps(gaps))));
    Query title = Query.of(q -> q.intervals(i -> i.field(Fields.TITLE).boost(3f)
        .match(m -> m.query(phrase).analyzer(QUERY_ANALYZER).ordered(true).maxGaps(gaps))));
    return Query.of(q -> q.bool(b -> b.should(title, body).minimumShouldMatch("1")));
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

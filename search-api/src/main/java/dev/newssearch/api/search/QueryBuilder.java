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
      // a word with spaces inside is several words that must all appear; a phrase keeps its order
      out.add(Query.of(q -> q.multiMatch(m -> m
          .query(variant)
          .fields(TEXT_FIELDS)
          .type(clause.phrase() ? TextQueryType.Phrase : TextQueryType.BestFields)
          .operator(Operator.And))));
    }
    return out;
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

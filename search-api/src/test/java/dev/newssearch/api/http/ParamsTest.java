package dev.newssearch.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch._types.FieldValue;
import dev.newssearch.api.query.QueryParser;
import dev.newssearch.api.query.Synonyms;
import dev.newssearch.api.search.Cursor;
import dev.newssearch.api.search.Facet;
import dev.newssearch.api.search.Interval;
import dev.newssearch.api.search.SearchRequest;
import dev.newssearch.api.search.SortOrder;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ParamsTest {
  private final QueryParser parser = new QueryParser(Synonyms.none());

  private SearchRequest parse(String... pairs) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
    }
    return new Params(map).searchRequest(parser);
  }

  private static void assertRefused(ThrowingCallable call, String parameter, String detailContains) {
    assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.problem("/api/search").parameter()).isEqualTo(parameter);
      assertThat(e.getMessage()).contains(detailContains);
    });
  }

  @Test
  void defaults_are_relevance_ten_hits_day_histogram_and_collapse() {
    SearchRequest r = parse();
    assertThat(r.query().matchesEverything()).isTrue();
    assertThat(r.sort()).isEqualTo(SortOrder.RELEVANCE);
    assertThat(r.size()).isEqualTo(10);
    assertThat(r.page()).isEqualTo(1);
    assertThat(r.facetSize()).isEqualTo(10);
    assertThat(r.interval()).isEqualTo(Interval.DAY);
    assertThat(r.collapse()).isTrue();
    assertThat(r.cursor()).isNull();
  }

  @Test
  void repeated_filter_values_are_kept_and_blank_ones_dropped() {
    SearchRequest r = parse("person", "习近平", "person", "李克强", "person", " ", "org", "国务院",
        "date_from", "2020-01-01", "date_to", "2020-12-31");
    assertThat(r.filters().selected(Facet.PERSONS)).containsExactly("习近平", "李克强");
    assertThat(r.filters().selected(Facet.ORGANIZATIONS)).containsExactly("国务院");
    assertThat(r.filters().dateFrom()).isEqualTo(LocalDate.of(2020, 1, 1));
  }

  @Test
  void every_invalid_value_names_its_parameter() {
    assertRefused(() -> parse("date_from", "2020-13-01"), "date_from", "ISO date");
    assertRefused(() -> parse("date_to", "yesterday"), "date_to", "ISO date");
    assertRefused(() -> parse("date_from", "2020-02-01", "date_to", "2020-01-01"), "date_to", "before");
    assertRefused(() -> parse("size", "101"), "size", "between 0 and 100");
    assertRefused(() -> parse("size", "ten"), "size", "whole number");
    assertRefused(() -> parse("sort", "newest"), "sort", "relevance, date_desc, date_asc");
    assertRefused(() -> parse("interval", "hour"), "interval", "day, week, month, year");
    assertRefused(() -> parse("facet_size", "201"), "facet_size", "200");
    assertRefused(() -> parse("collapse", "yes"), "collapse", "true or false");
    assertRefused(() -> parse("page", "0"), "page", "between 1");
    assertRefused(() -> parse("cursor", "bogus!"), "cursor", "next_cursor");
    assertRefused(() -> parse("q", "字".repeat(501)), "q", "500");
  }

  @Test
  void a_date_the_index_cannot_hold_is_refused_naming_its_parameter() {
    assertRefused(() -> parse("date_from", "0000-01-01"), "date_from", "between 0001-01-01 and 9999-12-31");
    assertRefused(() -> parse("date_to", "+10000-01-01"), "date_to", "between 0001-01-01 and 9999-12-31");
    assertThat(parse("date_from", "0001-01-01", "date_to", "9999-12-31").filters().dateTo())
        .isEqualTo(LocalDate.of(9999, 12, 31));
  }

  @Test
  void a_query_above_the_cost_caps_is_refused_naming_q() {
    String seventeenWords = String.join(" ", java.util.Collections.nCopies(17, "疫情"));
    assertRefused(() -> parse("q", seventeenWords), "q", "at most 16");
    String longPhrase = "\"" + "脱贫攻坚战取得决定性成就".repeat(11) + "\"";
    assertRefused(() -> parse("q", longPhrase), "q", "at most 120");
    assertThat(parse("q", "\"" + "脱贫攻坚战取得决定性成就".repeat(10) + "\"").query().groups()).hasSize(1);
  }

  @Test
  void long_words_and_many_clauses_are_expensive_short_queries_are_not() {
    assertThat(QueryCost.of(parser.parse("脱贫攻坚 习近平")).heavy()).isFalse();
    assertThat(QueryCost.of(parser.parse("\"" + "在决战决胜脱贫攻坚的关键时刻我们要" + "坚定信心\"")).heavy()).isFalse();
    assertThat(QueryCost.of(parser.parse("\"" + "的是在了和有".repeat(5) + "\"")).heavy()).isTrue();
    assertThat(QueryCost.of(parser.parse("a b c d e f g")).heavy()).isTrue();
  }

  @Test
  void a_page_beyond_ten_thousand_results_points_to_the_cursor() {
    assertThat(parse("page", "100", "size", "100").page()).isEqualTo(100);
    assertRefused(() -> parse("page", "101", "size", "100"), "page", "use cursor");
    assertRefused(() -> parse("page", "1001"), "page", "use cursor");
  }

  @Test
  void a_cursor_turns_collapse_off_and_must_match_the_sort() {
    String c = new Cursor(SortOrder.DATE_DESC, List.of(FieldValue.of(1L), FieldValue.of("x"))).encode();
    SearchRequest r = parse("cursor", c, "sort", "date_desc");
    assertThat(r.collapse()).isFalse();
    assertThat(r.from()).isZero();
    assertRefused(() -> parse("cursor", c), "cursor", "sort=date_desc");
    assertRefused(() -> parse("cursor", c, "sort", "date_desc", "collapse", "true"), "cursor", "collapse=false");
    assertRefused(() -> parse("cursor", c, "sort", "date_desc", "page", "3"), "page", "either page or cursor");
  }

  @Test
  void size_zero_is_allowed_for_facets_only() {
    assertThat(parse("size", "0").size()).isZero();
  }
}

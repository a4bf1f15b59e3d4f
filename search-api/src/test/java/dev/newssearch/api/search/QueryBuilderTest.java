package dev.newssearch.api.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import dev.newssearch.api.query.QueryParser;
import dev.newssearch.api.query.Synonyms;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryBuilderTest {
  private final Synonyms synonyms = Synonyms.parse(List.of("世卫组织,世界卫生组织"));
  private final QueryParser parser = new QueryParser(synonyms);
  private final QueryBuilder builder = new QueryBuilder(synonyms);

  private static String json(Query q) {
    return JsonpUtils.toJsonString(q, new JacksonJsonpMapper());
  }

  @Test
  void an_empty_query_matches_all() {
    assertThat(json(builder.mainQuery(parser.parse(""), Filters.NONE))).contains("match_all");
  }

  @Test
  void words_search_title_with_more_weight_than_text() {
    String json = json(builder.mainQuery(parser.parse("脱贫攻坚"), Filters.NONE));
    assertThat(json).contains("\"title^3\"", "\"text\"", "\"operator\":\"and\"", "best_fields");
    assertThat(json).doesNotContain("query_string");
  }

  @Test
  void a_phrase_is_a_phrase_query_and_an_exclusion_is_must_not() {
    String json = json(builder.mainQuery(parser.parse("\"脱贫攻坚\" -美国"), Filters.NONE));
    assertThat(json).contains("match_phrase", "text.chars", "must_not", "美国").doesNotContain("intervals");
  }

  @Test
  void a_phrase_must_be_in_the_text_and_the_title_only_adds_score() {
    String json = json(builder.mainQuery(parser.parse("\"发表重要讲话\""), Filters.NONE));
    assertThat(json).contains("{\"bool\":{\"must\":[{\"bool\":{\"must\":[{\"match_phrase\":{\"text.chars\"",
        "\"should\":[{\"constant_score\":{\"boost\":100.0,\"filter\":{\"match_phrase\":{\"title.chars\"");
    assertThat(json).doesNotContain("minimum_should_match", "ik_smart");
  }

  @Test
  void a_word_is_an_exact_substring_or_all_its_ik_words_and_never_uses_ik_smart() {
    String json = json(builder.mainQuery(parser.parse("领导人特别峰会"), Filters.NONE));
    assertThat(json).contains("\"text.chars\"", "\"slop\":0", "multi_match", "\"operator\":\"and\"",
        "\"minimum_should_match\":\"1\"", "\"title.chars\"");
    assertThat(json).doesNotContain("ik_smart", "\"analyzer\"");
  }

  @Test
  void no_query_is_a_wildcard_so_clusters_that_refuse_expensive_queries_still_answer() {
    String json = json(builder.mainQuery(parser.parse("领导人特别峰会 \"重要讲话\" -美国"), Filters.NONE));
    assertThat(json).doesNotContain("wildcard", "query_string", "regexp");
  }

  @Test
  void highlights_mark_ik_smart_words_in_text_and_exact_occurrences_in_text_chars() {
    var q = parser.parse("脱贫攻坚 \"重要讲话\" -美国");
    assertThat(json(builder.textHighlight(q))).contains("ik_smart", "脱贫攻坚").doesNotContain("重要讲话", "美国");
    assertThat(json(builder.charsHighlight(q))).contains("text.chars", "脱贫攻坚", "重要讲话").doesNotContain("美国");
    assertThat(builder.textHighlight(parser.parse(""))).isNull();
  }

  @Test
  void synonyms_become_alternatives() {
    String json = json(builder.mainQuery(parser.parse("世卫组织"), Filters.NONE));
    assertThat(json).contains("世卫组织", "世界卫生组织", "should");
  }

  @Test
  void dates_are_an_inclusive_range_in_the_main_query() {
    String json = json(builder.mainQuery(parser.parse(""),
        new Filters(Map.of(), LocalDate.of(2020, 1, 1), LocalDate.of(2020, 3, 31))));
    assertThat(json).contains("\"gte\":\"2020-01-01\"", "\"lte\":\"2020-03-31\"");
  }

  @Test
  void a_facet_filter_leaves_out_its_own_facet() {
    Filters f = new Filters(Map.of(Facet.PERSONS, List.of("习近平", "李克强"), Facet.SOURCES, List.of("新华社")),
        null, null);
    String all = json(builder.facetFilter(f, Set.of()));
    assertThat(all).contains("persons", "习近平", "李克强", "source", "新华社");
    String others = json(builder.facetFilter(f, Set.of(Facet.PERSONS)));
    assertThat(others).doesNotContain("persons").contains("新华社");
    assertThat(builder.facetFilter(Filters.NONE, Set.of())).isNull();
  }
}

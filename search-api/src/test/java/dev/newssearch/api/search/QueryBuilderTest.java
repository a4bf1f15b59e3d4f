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
  void an_unsegmented_query_requires_each_of_its_ik_words_as_an_exact_substring_of_the_text() {
    var q = parser.parse("海南美丽乡村");
    assertThat(builder.words(q)).containsExactly("海南", "美丽", "乡村");
    String json = json(builder.mainQuery(q, Filters.NONE));
    assertThat(json).contains("{\"match_phrase\":{\"text.bigrams\":{\"query\":\"海南\",\"slop\":0}}",
        "{\"match_phrase\":{\"text.bigrams\":{\"query\":\"乡村\",\"slop\":0}}", "\"_name\":\"exact:0\"");
    assertThat(json).doesNotContain("ik_smart", "multi_match");
  }

  @Test
  void one_character_words_are_terms_of_the_character_field_and_the_former_way_is_kept_for_measuring() {
    assertThat(json(builder.bodyContains("贫"))).contains("text.chars");
    assertThat(json(builder.bodyContains("力，有"))).contains("text.chars");
    assertThat(json(new QueryBuilder(synonyms, false).bodyContains("脱贫攻坚"))).contains("text.chars");
    assertThat(json(builder.bodyContains("脱贫攻坚"))).contains("text.bigrams");
  }

  @Test
  void a_phrase_must_be_in_the_text_and_the_title_only_adds_a_small_score() {
    String json = json(builder.mainQuery(parser.parse("\"发表重要讲话\""), Filters.NONE));
    assertThat(json).contains("\"must\":[{\"match_phrase\":{\"text.bigrams\":{\"query\":\"发表重要讲话\"",
        "{\"constant_score\":{\"boost\":5.0,\"filter\":{\"match_phrase\":{\"title.chars\"");
    assertThat(json).doesNotContain("ik_smart");
  }

  @Test
  void the_partial_level_names_each_word_so_the_tier_of_a_hit_can_be_told() {
    String json = json(builder.mainQuery(parser.parse("中欧班列 跨境直邮"), Filters.NONE, QueryBuilder.Level.ANY));
    assertThat(json).contains("\"_name\":\"word:0\"", "\"_name\":\"word:1\"", "\"minimum_should_match\":\"1\"");
    assertThat(QueryBuilder.tierOf(QueryBuilder.Level.ANY, List.of("word:0", "word:1"), 1, 3))
        .isEqualTo(QueryBuilder.Tier.MOST);
    assertThat(QueryBuilder.tierOf(QueryBuilder.Level.ANY, List.of("word:0"), 1, 3)).isEqualTo(QueryBuilder.Tier.ANY);
    assertThat(QueryBuilder.tierOf(QueryBuilder.Level.ANY, List.of("word:0"), 1, 2)).isEqualTo(QueryBuilder.Tier.ANY);
    assertThat(QueryBuilder.tierOf(QueryBuilder.Level.ALL, List.of("exact:0", "exact:1"), 2, 0))
        .isEqualTo(QueryBuilder.Tier.EXACT);
    assertThat(QueryBuilder.tierOf(QueryBuilder.Level.ALL, List.of("exact:0"), 2, 0)).isEqualTo(QueryBuilder.Tier.ALL);
  }

  @Test
  void most_words_is_two_thirds_rounded_up() {
    assertThat(List.of(1, 2, 3, 4, 5, 6).stream().map(QueryBuilder::mostOf)).containsExactly(1, 2, 2, 3, 4, 4);
  }

  @Test
  void a_latin_word_also_looks_up_the_index_time_pinyin_fields() {
    String json = json(builder.mainQuery(parser.parse("xjp"), Filters.NONE));
    assertThat(json).contains("persons.pinyin", "places.pinyin", "text.terms", "\"xjp\"");
    assertThat(json(builder.mainQuery(parser.parse("G20"), Filters.NONE))).doesNotContain("pinyin");
  }

  @Test
  void no_query_is_a_wildcard_so_clusters_that_refuse_expensive_queries_still_answer() {
    String json = json(builder.mainQuery(parser.parse("领导人特别峰会 \"重要讲话\" -美国"), Filters.NONE));
    assertThat(json).doesNotContain("wildcard", "query_string", "regexp");
  }

  @Test
  void highlights_mark_ik_smart_words_in_text_and_exact_phrases_are_every_positive_word_and_phrase() {
    var q = parser.parse("脱贫攻坚成效 \"重要讲话\" -美国");
    assertThat(json(builder.textHighlight(q, QueryBuilder.Level.ALL))).contains("ik_smart", "脱贫攻坚成效").doesNotContain("重要讲话", "美国");
    assertThat(builder.exactPhrases(q)).contains("脱贫攻坚成效", "重要讲话").doesNotContain("美国");
    assertThat(builder.textHighlight(parser.parse(""), QueryBuilder.Level.ALL)).isNull();
  }

  @Test
  void words_ik_keeps_whole_are_marked_by_their_exact_occurrences_alone() {
    assertThat(builder.textHighlight(parser.parse("脱贫攻坚 疫情"), QueryBuilder.Level.ALL)).as("two words IK keeps whole").isNull();
    assertThat(builder.exactPhrases(parser.parse("脱贫攻坚 疫情"))).contains("脱贫攻坚", "疫情");
    assertThat(builder.highlighting(parser.parse("脱贫攻坚 疫情"), QueryBuilder.Level.ALL).title()).as("nor in the title")
        .isNull();
    assertThat(builder.titleMarkedExactly(parser.parse("脱贫攻坚 疫情"))).isTrue();
    assertThat(builder.titleMarkedExactly(parser.parse("\"脱贫攻坚\" 疫情"))).as("a phrase").isFalse();
    assertThat(builder.titleMarkedExactly(parser.parse("脱贫攻坚成效"))).as("a word IK cuts in two").isFalse();
    assertThat(builder.highlighting(parser.parse("脱贫攻坚成效"), QueryBuilder.Level.ALL).title())
        .as("so the node marks the title").isNotNull();
    assertThat(builder.textHighlight(parser.parse("脱贫攻坚成效"), QueryBuilder.Level.ALL)).as("a word IK cuts in two").isNotNull();
    assertThat(builder.textHighlight(parser.parse("COVID-19"), QueryBuilder.Level.ALL)).as("not Han characters").isNotNull();
  }

  @Test
  void a_word_ik_cuts_into_its_characters_needs_no_ik_marks_when_every_paragraph_holds_an_exact_phrase() {
    assertThat(builder.cutIntoCharacters("防控")).as("IK has no word 防控").isTrue();
    assertThat(builder.cutIntoCharacters("疫情")).isFalse();
    assertThat(builder.textHighlight(parser.parse("疫情 防控"), QueryBuilder.Level.ALL))
        .as("every paragraph holds 疫情, beside which the marks of 防 and 控 are dropped").isNull();
    assertThat(builder.textHighlight(parser.parse("\"重要讲话\" 防控"), QueryBuilder.Level.ALL)).as("a phrase").isNull();
    assertThat(builder.textHighlight(parser.parse("疫情 防控"), QueryBuilder.Level.ANY))
        .as("at ANY a paragraph may hold 防 and 控 alone").isNotNull();
    assertThat(builder.textHighlight(parser.parse("防控"), QueryBuilder.Level.ALL))
        .as("a paragraph may hold 防 and 控 apart, with no exact mark").isNotNull();
    assertThat(builder.textHighlight(parser.parse("疫情 脱贫攻坚成效"), QueryBuilder.Level.ALL))
        .as("a word IK cuts into words").isNotNull();
    assertThat(builder.textHighlight(parser.parse("中国人民 防控"), QueryBuilder.Level.ALL))
        .as("中国人民 may be held as 中国 and 人民 apart").isNotNull();
    assertThat(builder.titleMarkedExactly(parser.parse("防控"))).as("a title is marked where 防控 stands, never 防 alone")
        .isTrue();
    assertThat(builder.highlighting(parser.parse("疫情 防控"), QueryBuilder.Level.ALL).title()).isNull();
    assertThat(builder.titleMarkedExactly(parser.parse("疫情 脱贫攻坚成效"))).isFalse();
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

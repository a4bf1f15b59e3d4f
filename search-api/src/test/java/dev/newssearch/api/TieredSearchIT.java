package dev.newssearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newssearch.api.ApiFixture.Response;
import dev.newssearch.core.schema.Fields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tiers, operators, synonyms, pinyin and article diversity on the seeds, through the API on a real node. */
class TieredSearchIT {
  static ApiFixture f;

  @BeforeAll
  static void start() {
    f = ApiFixture.get();
  }

  private static JsonNode ok(Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static JsonNode search(String q, String... more) {
    List<String> params = new ArrayList<>(List.of("q", q));
    params.addAll(List.of(more));
    return ok(f.get("/api/search", params.toArray(String[]::new)));
  }

  private static long total(String q) {
    return search(q, "size", "0").get("total").asLong();
  }

  private static Set<String> ids(String q) {
    Set<String> ids = new HashSet<>();
    search(q, "size", "100", "collapse", "false", "facet_size", "0").get("hits").forEach(h -> ids.add(h.get("id").asText()));
    return ids;
  }

  private static String marked(JsonNode hit) {
    StringBuilder html = new StringBuilder();
    hit.get("highlights").forEach(x -> html.append(x.asText()));
    return html.toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"海南美丽乡村", "中欧班列跨境直邮"})
  void words_typed_together_find_the_paragraph_that_holds_each_of_them(String q) {
    JsonNode r = search(q, "size", "5");
    assertThat(r.get("total").asLong()).as(q).isPositive();
    assertThat(r.get("match").asText()).isIn("exact", "all");
    String first = r.get("hits").get(0).get("text").asText();
    for (String word : List.of(q.substring(0, 2), q.substring(q.length() - 2))) {
      assertThat(first).as(q).contains(word);
    }
  }

  @Test
  void paragraphs_holding_the_whole_phrase_come_before_those_holding_its_words_apart() {
    String q = "决战决胜脱贫攻坚座谈会";
    JsonNode r = search(q, "size", "20", "collapse", "false");
    assertThat(r.get("match").asText()).isEqualTo("exact");
    boolean seenApart = false;
    int exact = 0;
    for (JsonNode h : r.get("hits")) {
      boolean holds = h.get("text").asText().contains(q);
      if (holds) {
        assertThat(seenApart).as("a paragraph with the phrase after one without it").isFalse();
        assertThat(h.get("match").asText()).isEqualTo("exact");
        exact++;
      } else {
        seenApart = true;
      }
    }
    assertThat(exact).isPositive();
  }

  @Test
  void when_no_paragraph_holds_every_word_most_of_them_are_shown_and_the_answer_says_so() {
    assertThat(total("\"量子\"")).as("the seeds never say 量子").isZero();
    JsonNode r = search("脱贫 攻坚 量子", "size", "10", "collapse", "false");
    assertThat(r.get("total").asLong()).isPositive();
    assertThat(r.get("match").asText()).isEqualTo("most");
    JsonNode first = r.get("hits").get(0);
    assertThat(first.get("text").asText()).contains("脱贫", "攻坚");
    assertThat(marked(first)).contains("<em>");
  }

  @Test
  void with_only_one_word_of_several_in_the_seeds_any_word_answers() {
    JsonNode r = search("量子 纠缠 脱贫", "size", "5");
    assertThat(r.get("total").asLong()).isPositive();
    assertThat(r.get("match").asText()).isEqualTo("any");
    assertThat(r.get("hits").get(0).get("text").asText()).contains("脱贫");
  }

  @ParameterizedTest
  @ValueSource(strings = {"脱贫 AND", "脱贫 (", "(脱贫", "脱贫 OR", "脱贫 NOT", "\"脱贫", "AND 脱贫"})
  void dangling_operators_and_unbalanced_marks_are_never_a_silent_zero(String q) {
    assertThat(total(q)).as(q).isEqualTo(total("脱贫")).isPositive();
  }

  @Test
  void not_and_minus_remove_the_same_paragraphs_and_or_joins() {
    assertThat(ids("疫情 NOT 武汉")).isEqualTo(ids("疫情 -武汉")).isNotEmpty();
    search("疫情 NOT 武汉", "size", "30").get("hits")
        .forEach(h -> assertThat(h.get("text").asText()).doesNotContain("武汉"));
    long either = total("(武汉 OR 湖北) 疫情");
    assertThat(either).isGreaterThanOrEqualTo(total("武汉 疫情")).isGreaterThanOrEqualTo(total("湖北 疫情"));
  }

  @Test
  void covid_who_and_g20_in_any_language_find_what_the_chinese_names_find() {
    assertThat(ids("COVID-19")).isEqualTo(ids("新冠肺炎")).isNotEmpty();
    assertThat(total("WHO")).isEqualTo(total("世界卫生组织")).isEqualTo(total("世卫组织")).isPositive();
    assertThat(total("G20")).isEqualTo(total("二十国集团"));
    for (JsonNode h : search("COVID-19", "size", "10").get("hits")) {
      assertThat(marked(h)).as(h.get("id").asText()).containsPattern("<em>(新冠|新型冠状病毒)");
    }
  }

  @Test
  void a_traditional_query_finds_what_the_simplified_one_finds() {
    assertThat(total("脫貧攻堅")).isEqualTo(total("脱贫攻坚")).isPositive();
  }

  @ParameterizedTest
  @ValueSource(strings = {"xijinping", "xjp"})
  void a_leader_typed_in_pinyin_finds_the_paragraphs_naming_him(String q) {
    long named = f.count(Map.of(Fields.PERSONS, List.of("习近平")));
    assertThat(total(q)).isGreaterThanOrEqualTo(named).isPositive();
  }

  @Test
  void a_term_typed_in_full_pinyin_finds_the_paragraphs_holding_it() {
    JsonNode hits = search("tuopin", "size", "50", "collapse", "false").get("hits");
    assertThat(hits).isNotEmpty();
    hits.forEach(h -> assertThat(h.get("text").asText()).contains("脱贫"));
    hits.forEach(h -> assertThat(marked(h)).as("the characters the pinyin came from are marked").contains("<em>脱贫"));
  }

  private static List<JsonNode> suggestions(String q) {
    List<JsonNode> out = new ArrayList<>();
    ok(f.get("/api/suggest", "q", q)).get("suggestions").forEach(out::add);
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"习", "xjp", "xijinping", "xiji"})
  void suggest_offers_xi_jinping_for_a_character_his_initials_or_his_pinyin(String q) {
    List<JsonNode> s = suggestions(q);
    assertThat(s).isNotEmpty();
    JsonNode xi = s.stream().filter(x -> x.get("text").asText().equals("习近平")).findFirst().orElseThrow();
    assertThat(xi.get("type").asText()).isEqualTo("person");
    assertThat(xi.get("count").asLong()).isPositive();
  }

  @Test
  void suggest_offers_frequent_terms_with_counts_for_characters_and_pinyin() {
    List<String> forTuopin = suggestions("tuopin").stream().map(x -> x.get("text").asText()).toList();
    assertThat(forTuopin).contains("脱贫");
    List<JsonNode> s = suggestions("脱贫");
    JsonNode term = s.stream().filter(x -> x.get("text").asText().equals("脱贫攻坚")).findFirst().orElseThrow();
    assertThat(term.get("count").asLong()).isPositive();
    assertThat(suggestions("疫")).extracting(x -> x.get("text").asText()).anyMatch(t -> t.startsWith("疫情"));
  }

  @Test
  void the_first_page_for_a_common_word_shows_at_least_four_articles_and_two_paragraphs_of_each_at_most() {
    JsonNode r = search("脱贫攻坚", "size", "10");
    Map<String, Integer> perArticle = new HashMap<>();
    int more = 0;
    String withMore = null;
    for (JsonNode h : r.get("hits")) {
      perArticle.merge(h.get("article_id").asText(), 1, Integer::sum);
      if (h.get("more_in_article").asInt() > 0) {
        more += h.get("more_in_article").asInt();
        withMore = h.get("article_id").asText();
      }
    }
    assertThat(perArticle.size()).isGreaterThanOrEqualTo(4);
    assertThat(perArticle.values()).allMatch(n -> n <= 2);
    assertThat(more).as("some article has more matching paragraphs than the page shows").isPositive();
    JsonNode article = ok(f.get("/api/articles/" + withMore));
    assertThat(article.get("paragraphs").size()).isGreaterThan(perArticle.get(withMore));
  }

  @Test
  void the_title_is_a_boost_not_a_way_to_match() {
    for (JsonNode h : search("脱贫攻坚", "size", "50", "collapse", "false").get("hits")) {
      assertThat(h.get("text").asText()).contains("脱贫攻坚");
    }
  }
}

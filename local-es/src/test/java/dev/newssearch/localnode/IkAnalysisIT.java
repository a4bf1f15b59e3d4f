package dev.newssearch.localnode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newssearch.localnode.junit.TestNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code _analyze} through a real node with the analysis-ik plugin installed by the launcher. */
class IkAnalysisIT {

  private static final String G20 = "习近平主席在二十国集团领导人特别峰会上发表重要讲话";
  private static Http http;

  @BeforeAll
  static void node() {
    http = new Http(TestNode.config().url());
  }

  private static List<Http.Token> analyze(String analyzerKey, String name, String text)
      throws IOException, InterruptedException {
    return http.analyze("/_analyze", Http.json(Map.of(analyzerKey, name, "text", text)));
  }

  @Test
  void ik_max_word_finds_the_leader_the_g20_the_summit_and_the_speech() throws Exception {
    List<Http.Token> tokens = analyze("analyzer", "ik_max_word", G20);
    assertThat(tokens).extracting(Http.Token::term)
        .contains("习近平", "领导人", "峰会", "重要讲话")
        .containsAnyOf("二十国集团", "十国集团");
    assertThat(tokens).contains(new Http.Token("习近平", 0, 3, 0));
    assertOffsetsNeverGoBackwards(tokens);
  }

  @Test
  void the_news_dictionary_makes_covid_pneumonia_one_token_in_both_modes() throws Exception {
    for (String analyzer : List.of("ik_max_word", "ik_smart")) {
      assertThat(analyze("analyzer", analyzer, "新冠肺炎疫情"))
          .as(analyzer)
          .contains(new Http.Token("新冠肺炎", 0, 4, 0))
          .extracting(Http.Token::term).doesNotContain("新冠肺炎疫情");
    }
  }

  @Test
  void ik_smart_tokenizer_cuts_one_way_with_full_width_brackets_dates_and_latin() throws Exception {
    List<Http.Token> tokens = analyze("tokenizer", "ik_smart", "二十国集团（G20）领导人2020年3月27日谈COVID-19");
    assertThat(tokens).containsExactly(
        new Http.Token("二十国集团", 0, 5, 0),
        new Http.Token("g20", 6, 9, 1),
        new Http.Token("领导人", 10, 13, 2),
        new Http.Token("2020年", 13, 18, 3),
        new Http.Token("3月", 18, 20, 4),
        new Http.Token("27日", 20, 23, 5),
        new Http.Token("谈", 23, 24, 6),
        new Http.Token("covid-19", 24, 32, 7));
  }

  @Test
  void news_synonym_in_a_custom_analyzer_makes_who_short_and_long_names_equal() throws Exception {
    String index = "it-synonyms";
    http.send("DELETE", "/" + index, null);
    http.send("PUT", "/" + index, """
        {"settings": {"number_of_replicas": 0, "analysis": {
          "filter": {"news_syn": {"type": "news_synonym", "synonyms_path": "analysis-ik/synonyms.txt"}},
          "analyzer": {"search_zh": {"type": "custom", "tokenizer": "ik_smart", "filter": ["news_syn"]}}}}}
        """);
    try {
      List<Http.Token> tokens = http.analyze("/" + index + "/_analyze",
          Http.json(Map.of("analyzer", "search_zh", "text", "世卫组织发布报告")));
      assertThat(tokens).contains(new Http.Token("世卫组织", 0, 4, 0), new Http.Token("世界卫生组织", 0, 4, 0));
    } finally {
      http.send("DELETE", "/" + index, null);
    }
  }

  @Test
  void a_paragraph_printed_in_traditional_characters_is_found_by_simplified_queries_and_highlighted_as_printed()
      throws Exception {
    String index = "it-t2s";
    String printed = "记者报道：脫貧攻堅戰取得決定性勝利。";
    http.send("DELETE", "/" + index, null);
    http.send("PUT", "/" + index, """
        {"settings": {"number_of_replicas": 0, "analysis": {
          "char_filter": {"news_t2s": {"type": "news_t2s"}},
          "analyzer": {
            "zh": {"type": "custom", "char_filter": ["news_t2s"], "tokenizer": "ik_max_word", "filter": ["lowercase"]},
            "zh_chars": {"type": "custom", "char_filter": ["news_t2s"], "tokenizer": "standard", "filter": ["lowercase"]}}}},
         "mappings": {"properties": {"body": {"type": "text", "analyzer": "zh", "index_options": "offsets",
           "fields": {"chars": {"type": "text", "analyzer": "zh_chars", "index_options": "offsets"}}}}}}
        """);
    try {
      assertThat(http.analyze("/" + index + "/_analyze", Http.json(Map.of("analyzer", "zh", "text", "脫貧攻堅"))))
          .contains(new Http.Token("脱贫攻坚", 0, 4, 0));
      http.send("PUT", "/" + index + "/_doc/1?refresh=true", Http.json(Map.of("body", printed)));

      JsonNode match = http.send("POST", "/" + index + "/_search", """
          {"query": {"match": {"body": {"query": "脱贫攻坚", "operator": "and"}}},
           "highlight": {"fields": {"body": {"type": "unified", "number_of_fragments": 0}}}}
          """);
      assertThat(match.at("/hits/total/value").asInt()).isEqualTo(1);
      assertThat(match.at("/hits/hits/0/_source/body").asText()).as("the source stays as printed").isEqualTo(printed);
      assertThat(joinedMarks(match.at("/hits/hits/0/highlight/body/0").asText())).contains("<em>脫貧攻堅");

      JsonNode phrase = http.send("POST", "/" + index + "/_search", """
          {"query": {"match_phrase": {"body.chars": "贫攻坚战"}},
           "highlight": {"fields": {"body.chars": {"type": "unified", "number_of_fragments": 0}}}}
          """);
      assertThat(phrase.at("/hits/total/value").asInt()).isEqualTo(1);
      assertThat(joinedMarks(phrase.at("/hits/hits/0/highlight/body.chars/0").asText()))
          .isEqualTo("记者报道：脫<em>貧攻堅戰</em>取得決定性勝利。");

      JsonNode absent = http.send("POST", "/" + index + "/_search", """
          {"query": {"match_phrase": {"body.chars": "攻坚贫"}}}
          """);
      assertThat(absent.at("/hits/total/value").asInt()).isZero();
    } finally {
      http.send("DELETE", "/" + index, null);
    }
  }

  /** Adjacent marks as one: the highlighter may mark a phrase or a word's pieces one by one. */
  private static String joinedMarks(String highlighted) {
    return highlighted.replace("</em><em>", "");
  }

  @Test
  void a_word_added_to_learned_names_is_one_token_in_an_index_created_afterwards() throws Exception {
    // three random rare characters: never a dictionary word, so the first answer proves the baseline
    String word = randomWord();
    String text = "记者" + word + "报道";
    assertThat(analyze("analyzer", "ik_smart", text)).extracting(Http.Token::term).doesNotContain(word);

    List<Path> configDirs = TestNode.configDirs();
    assertThat(configDirs).isNotEmpty();
    Map<Path, String> before = new java.util.HashMap<>();
    for (Path config : configDirs) {
      Path file = config.resolve("analysis-ik").resolve("learned_names.dic");
      before.put(file, Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null);
      Files.writeString(file, word + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
    String index = "it-learned";
    http.send("DELETE", "/" + index, null);
    http.send("PUT", "/" + index, """
        {"settings": {"number_of_replicas": 0},
         "mappings": {"properties": {"body": {"type": "text", "analyzer": "ik_max_word"}}}}
        """);
    try {
      assertThat(http.analyze("/" + index + "/_analyze", Http.json(Map.of("field", "body", "text", text))))
          .contains(new Http.Token(word, 2, 5, 1));
    } finally {
      http.send("DELETE", "/" + index, null);
      // the word stays in the node's memory until restart; the file goes back to what it was
      for (Map.Entry<Path, String> file : before.entrySet()) {
        if (file.getValue() == null) {
          Files.deleteIfExists(file.getKey());
        } else {
          Files.writeString(file.getKey(), file.getValue(), StandardCharsets.UTF_8);
        }
      }
    }
  }

  private static String randomWord() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      b.append((char) ThreadLocalRandom.current().nextInt(0x9F00, 0x9FA0));
    }
    return b.toString();
  }

  static void assertOffsetsNeverGoBackwards(List<Http.Token> tokens) {
    int last = 0;
    for (Http.Token t : tokens) {
      assertThat(t.start()).as("%s", t).isGreaterThanOrEqualTo(last);
      last = t.start();
    }
  }
}

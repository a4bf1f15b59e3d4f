package dev.newssearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newssearch.core.es.EsConfig;
import dev.newssearch.indexer.index.IndexRun;
import dev.newssearch.indexer.index.SeedIndexer;
import dev.newssearch.localnode.junit.TestNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page printed in traditional characters (seed 002's Xi–Trump call, as a traditional reprint) goes
 * through the real pipeline, index and API: the text stays as printed, simplified queries find it
 * through the schema's news_t2s char filter, and highlights mark the characters as printed.
 */
class TraditionalTextIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir static Path seeds;
  private static Javalin app;

  @BeforeAll
  static void indexTheTraditionalPage() throws IOException {
    Files.copy(Path.of("src/test/resources/traditional/002_traditional.txt"), seeds.resolve("002_traditional.txt"));
    EsConfig es = TestNode.config().withAlias("it-traditional");
    IndexRun run = SeedIndexer.rebuild(es, seeds, TestNode.configDirs());
    assertThat(run.ok()).as(run.summary()).isTrue();
    app = ApiApp.create(ApiConfig.local(es)).start(0);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.stop();
    }
  }

  @Test
  void a_simplified_word_query_finds_the_traditional_paragraph_and_highlights_it_as_printed() throws Exception {
    JsonNode result = search("习近平强调");

    assertThat(result.path("total").asInt()).isEqualTo(1);
    JsonNode hit = result.path("hits").get(0);
    assertThat(hit.path("text").asText()).startsWith("習近平強調，新冠肺炎疫情發生以來");
    assertThat(hit.path("highlights").get(0).asText()).contains("<em>習近平").contains("強調</em>");
  }

  @Test
  void a_simplified_phrase_matches_the_traditional_text_exactly() throws Exception {
    JsonNode printed = search("\"通报疫情信息\"");
    assertThat(printed.path("total").asInt()).isEqualTo(1);
    assertThat(printed.path("match").asText()).isEqualTo("exact");
    // a phrase the page does not print is no exact match; the answer says it fell back to some of its words
    JsonNode absent = search("\"通报疫情消息\"");
    assertThat(absent.path("match").asText()).isIn("most", "any");
    assertThat(absent.path("hits")).allSatisfy(h -> assertThat(h.path("match").asText()).isNotEqualTo("exact"));
  }

  @Test
  void a_traditional_query_finds_the_same_paragraph_as_its_simplified_form() throws Exception {
    JsonNode traditional = search("美國總統特朗普");
    JsonNode simplified = search("美国总统特朗普");

    assertThat(traditional.path("total").asInt()).isEqualTo(1);
    assertThat(traditional.path("hits").get(0).path("id").asText())
        .isEqualTo(simplified.path("hits").get(0).path("id").asText());
  }

  private static JsonNode search(String q) throws IOException, InterruptedException {
    URI uri = URI.create("http://127.0.0.1:" + app.port() + "/api/search?collapse=false&q="
        + URLEncoder.encode(q, StandardCharsets.UTF_8));
    HttpResponse<String> response =
        HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}

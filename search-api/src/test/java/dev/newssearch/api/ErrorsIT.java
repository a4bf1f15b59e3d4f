package dev.newssearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newssearch.api.ApiFixture.Response;
import dev.newssearch.core.es.BlockingHttpClient;
import dev.newssearch.core.es.EsClients;
import dev.newssearch.localnode.junit.DeliberateFailures;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ErrorsIT {
  static ApiFixture f;

  @BeforeAll
  static void start() {
    f = ApiFixture.get();
  }

  private static void assertProblem(Response r, int status, String parameter) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    JsonNode p = r.json();
    assertThat(p.get("status").asInt()).isEqualTo(status);
    assertThat(p.get("title").asText()).isNotBlank();
    assertThat(p.get("type").asText()).isNotBlank();
    assertThat(p.get("detail").asText()).isNotBlank();
    if (parameter != null) {
      assertThat(p.get("parameter").asText()).isEqualTo(parameter);
    }
    assertThat(r.body()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void invalid_parameters_answer_400_naming_the_parameter() {
    assertProblem(f.get("/api/search", "date_from", "2020-02-30"), 400, "date_from");
    assertProblem(f.get("/api/search", "date_to", "27/03/2020"), 400, "date_to");
    assertProblem(f.get("/api/search", "size", "101"), 400, "size");
    assertProblem(f.get("/api/search", "size", "-1"), 400, "size");
    assertProblem(f.get("/api/search", "sort", "popular"), 400, "sort");
    assertProblem(f.get("/api/search", "interval", "decade"), 400, "interval");
    assertProblem(f.get("/api/search", "facet_size", "1000"), 400, "facet_size");
    assertProblem(f.get("/api/search", "collapse", "maybe"), 400, "collapse");
    assertProblem(f.get("/api/search", "cursor", "definitely-not-a-cursor"), 400, "cursor");
    assertProblem(f.get("/api/aggregations/dates", "interval", "hour"), 400, "interval");
    assertProblem(f.get("/api/aggregations/persons", "size", "0"), 400, "size");
  }

  @Test
  void a_page_beyond_ten_thousand_results_says_to_use_the_cursor() {
    Response r = f.get("/api/search", "page", "501", "size", "20");
    assertProblem(r, 400, "page");
    assertThat(r.json().get("detail").asText()).contains("cursor");
  }

  @Test
  void unknown_ids_and_routes_answer_404() {
    assertProblem(f.get("/api/paragraphs/no-such-paragraph"), 404, null);
    assertProblem(f.get("/api/articles/no-such-article"), 404, null);
    assertProblem(f.get("/api/nothing-here"), 404, null);
  }

  @Test
  @DeliberateFailures(value = "Elasticsearch is unreachable", loggers = {ApiApp.class, EsClients.class, BlockingHttpClient.class})
  void an_unreachable_elasticsearch_answers_503_with_retry_after_quickly() throws IOException {
    // started inside the marked test: the app's client fails from its first request (the learned-names read)
    Javalin down = ApiApp.create(ApiConfig.local(f.es.withUrl(URI.create("http://127.0.0.1:" + ApiFixture.closedPort()))))
        .start();
    String downBase = "http://127.0.0.1:" + down.port();
    try {
      for (String path : List.of("/api/search", "/api/aggregations/persons", "/api/aggregations/dates",
          "/api/paragraphs/x", "/api/articles/x", "/health")) {
        long t0 = System.nanoTime();
        Response r = f.getFrom(downBase, path, "q", "疫情");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.status()).as(path).isEqualTo(503);
        assertThat(r.header("Retry-After")).as(path).isNotBlank();
        assertThat(ms).as(path + " took " + ms + " ms").isLessThan(6000);
        assertThat(r.body()).doesNotContain("Exception", "\tat ");
      }
      assertThat(f.getFrom(downBase, "/api/search", "size", "500").status()).as("validation first").isEqualTo(400);
      assertThat(f.getFrom(downBase, "/").status()).as("the page is still served").isEqualTo(200);
    } finally {
      down.stop();
    }
  }

  @Test
  @DeliberateFailures(value = "the index alias is missing", loggers = ApiApp.class)
  void a_missing_alias_answers_503_not_500() {
    var missing = ApiApp.create(ApiConfig.local(f.es.withAlias("it-no-such-alias"))).start();
    try {
      Response r = f.getFrom("http://127.0.0.1:" + missing.port(), "/api/search");
      assertProblem(r, 503, null);
      assertThat(f.getFrom("http://127.0.0.1:" + missing.port(), "/health").status()).isEqualTo(503);
    } finally {
      missing.stop();
    }
  }
}

package dev.newssearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.newssearch.api.ApiFixture.Response;
import dev.newssearch.core.es.BlockingHttpClient;
import dev.newssearch.core.es.EsClients;
import dev.newssearch.localnode.junit.DeliberateFailures;
import io.javalin.Javalin;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What a hostile or unlucky client sends, against the real node: values Elasticsearch would refuse
 * are refused first, naming the parameter, and a password in {@code ES_URL} never reaches a log line.
 */
class HostileInputIT {
  static ApiFixture f;

  @BeforeAll
  static void start() {
    f = ApiFixture.get();
  }

  private static void assertBadParameter(Response r, String parameter) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    JsonNode p = r.json();
    assertThat(p.get("parameter").asText()).isEqualTo(parameter);
    assertThat(r.body()).doesNotContainIgnoringCase("exception").doesNotContain("\tat ");
  }

  @Test
  void dates_outside_what_the_index_holds_answer_400_naming_the_parameter() {
    assertBadParameter(f.get("/api/search", "date_from", "0000-01-01"), "date_from");
    assertBadParameter(f.get("/api/search", "date_to", "+10000-01-01"), "date_to");
    assertBadParameter(f.get("/api/aggregations/dates", "date_from", "0000-12-31"), "date_from");
    assertBadParameter(f.get("/api/aggregations/persons", "date_to", "-0001-01-01"), "date_to");
    assertThat(f.get("/api/search", "date_from", "0001-01-01", "date_to", "9999-12-31").status())
        .as("the extremes the index can hold").isEqualTo(200);
  }

  @Test
  void a_tampered_cursor_answers_400_naming_cursor_not_502() {
    Response page = f.get("/api/search", "q", "疫情", "collapse", "false", "size", "2");
    String cursor = page.json().get("next_cursor").asText();
    String json = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    List<String> tampered = List.of(
        json.replaceFirst("\"a\":\\[[^,\\]]+", "\"a\":[\"not-a-score\""),
        json.replaceFirst("\"a\":\\[", "\"a\":[1,2,3,4,5,"),
        "{\"s\":\"relevance\",\"a\":[true]}",
        "{\"s\":\"date_desc\",\"a\":[\"2020-13-45\",1.0,\"x\"]}",
        "{\"s\":\"relevance\",\"a\":[1e308,99999999999999999,null]}");
    for (String t : tampered) {
      String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(t.getBytes(StandardCharsets.UTF_8));
      Response r = f.get("/api/search", "q", "疫情", "collapse", "false", "size", "2", "cursor", encoded);
      assertThat(r.status()).as("cursor %s: %s", t, r.body()).isIn(200, 400);
      if (r.status() == 400) {
        assertBadParameter(r, "cursor");
      }
    }
    Response first = f.get("/api/search", "q", "疫情", "collapse", "false", "size", "2", "cursor",
        Base64.getUrlEncoder().withoutPadding().encodeToString(tampered.get(0).getBytes(StandardCharsets.UTF_8)));
    assertBadParameter(first, "cursor");
  }

  @Test
  // kept off the console only: the appender below still captures these warnings and checks them too
  @DeliberateFailures(value = "one of the nodes in ES_URL is down", loggers = {ApiApp.class, EsClients.class, BlockingHttpClient.class})
  void no_log_line_holds_the_password_from_es_url() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level level = root.getLevel();
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    root.addAppender(appender);
    // everything, the HTTP client's request tracing too
    root.setLevel(Level.DEBUG);
    List<String> names = List.of("org.elasticsearch.client", "tracer", "org.apache.http", "access");
    Map<String, Level> saved = new java.util.HashMap<>();
    for (String n : names) {
      Logger l = (Logger) LoggerFactory.getLogger(n);
      saved.put(n, l.getLevel());
      l.setLevel(Level.DEBUG);
    }
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    String secret = "s3cret-" + Long.toHexString(System.nanoTime());
    try {
      String up = "http://elastic:" + secret + "@127.0.0.1:" + f.es.url().getPort();
      String down = "http://elastic:" + secret + "@127.0.0.1:" + closed;
      Javalin live = Main.start(ApiConfig.fromEnv(Map.of("PORT", "0", "ES_ALIAS", ApiFixture.ALIAS,
          "ES_URL", up + "," + down)));
      Javalin dead = Main.start(ApiConfig.fromEnv(Map.of("PORT", "0", "ES_ALIAS", ApiFixture.ALIAS, "ES_URL", down)));
      try {
        for (int i = 0; i < 4; i++) {
          assertThat(f.getFrom("http://127.0.0.1:" + live.port(), "/api/search", "q", "疫情").status()).isEqualTo(200);
        }
        assertThat(f.getFrom("http://127.0.0.1:" + dead.port(), "/api/search", "q", "疫情").status()).isEqualTo(503);
        assertThat(f.getFrom("http://127.0.0.1:" + dead.port(), "/health").status()).isEqualTo(503);
      } finally {
        live.stop();
        dead.stop();
      }
    } finally {
      root.detachAppender(appender);
      root.setLevel(level);
      saved.forEach((n, l) -> ((Logger) LoggerFactory.getLogger(n)).setLevel(l));
    }
    List<String> lines = appender.list.stream().map(e -> e.getFormattedMessage()
        + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()))).toList();
    assertThat(lines).as("log lines captured").hasSizeGreaterThan(10);
    assertThat(lines).anyMatch(l -> l.contains("search-api listening")).anyMatch(l -> l.contains("127.0.0.1:" + closed));
    assertThat(lines).noneMatch(l -> l.contains(secret));
  }
}

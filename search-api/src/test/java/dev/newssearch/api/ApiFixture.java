package dev.newssearch.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newssearch.core.es.EsClients;
import dev.newssearch.core.es.EsConfig;
import dev.newssearch.core.schema.Fields;
import dev.newssearch.core.schema.ParagraphDoc;
import dev.newssearch.indexer.index.IndexRun;
import dev.newssearch.indexer.index.SeedIndexer;
import dev.newssearch.localnode.junit.TestNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Once per test JVM: the seeds indexed into a test alias by the index stage, one extra paragraph
 * with markup in it, the app started on a free port with the same wiring as Main, and a second app
 * pointed at a closed port for the unavailable paths.
 */
final class ApiFixture {
  static final String ALIAS = "it-search-api";
  static final String SCRIPT_ID = "it-script-paragraph";
  static final String SCRIPT_TEXT = "<script>alert('x')</script>注入测试段落 & “引号”";
  static final String CORS_ORIGIN = "http://allowed.example";

  private static ApiFixture instance;

  final EsConfig es;
  final ElasticsearchClient client;
  final Javalin app;
  final String base;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final ObjectMapper json = new ObjectMapper();

  static synchronized ApiFixture get() {
    if (instance == null) {
      try {
        instance = new ApiFixture();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  private ApiFixture() throws IOException {
    es = TestNode.config().withAlias(ALIAS);
    IndexRun run = SeedIndexer.rebuild(es, Path.of("..", "seeds").toAbsolutePath().normalize(), TestNode.configDirs());
    if (!run.ok()) {
      throw new IllegalStateException("indexing the seeds failed: " + run.summary());
    }
    client = EsClients.client(es);
    ParagraphDoc script = new ParagraphDoc(SCRIPT_ID, "it-script-article", 1, SCRIPT_TEXT,
        new ParagraphDoc.ArticleMeta("<b>标题</b>测试", null, null, "2020-03-27", "dateline", "测试来源", List.of(),
            List.of(), null, null),
        List.of(), ParagraphDoc.Entities.NONE, "it-extra.txt", new ParagraphDoc.Hashes("h", "c", "it-script-group"));
    client.index(i -> i.index(run.index()).id(SCRIPT_ID).document(script).refresh(Refresh.True));

    app = ApiApp.create(ApiConfig.local(es).withCors(List.of(CORS_ORIGIN))).start();
    base = "http://127.0.0.1:" + app.port();
  }

  /** A port nothing listens on (a node that is down). */
  static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  record Response(int status, Map<String, List<String>> headers, String body, JsonNode json) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
  }

  Response get(String path, String... params) {
    return getFrom(base, path, params);
  }

  Response getFrom(String baseUrl, String path, String... params) {
    StringBuilder url = new StringBuilder(baseUrl).append(path);
    for (int i = 0; i < params.length; i += 2) {
      url.append(i == 0 ? '?' : '&').append(params[i]).append('=')
          .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
    }
    return send(HttpRequest.newBuilder(URI.create(url.toString())).timeout(Duration.ofSeconds(30)).GET().build());
  }

  Response send(HttpRequest request) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      JsonNode node = null;
      String type = r.headers().firstValue("content-type").orElse("");
      if (type.contains("json") && r.headers().firstValue("content-encoding").isEmpty()) {
        node = json.readTree(r.body());
      }
      return new Response(r.statusCode(), r.headers().map(), r.body(), node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An independent count straight from Elasticsearch: each entry is field → values OR-ed. */
  long count(Map<String, List<String>> filters) {
    List<Query> clauses = new ArrayList<>();
    filters.forEach((field, values) -> clauses.add(Query.of(q -> q.terms(t -> t.field(field)
        .terms(tv -> tv.value(values.stream().map(FieldValue::of).toList()))))));
    try {
      return client.count(c -> c.index(ALIAS).query(q -> q.bool(b -> b.filter(clauses)))).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long countAll() {
    return count(Map.of());
  }

  static String field(String facetKey) {
    return switch (facetKey) {
      case "persons" -> Fields.PERSONS;
      case "reporters" -> Fields.REPORTERS;
      case "places" -> Fields.PLACES;
      case "organizations" -> Fields.ORGANIZATIONS;
      case "sources" -> Fields.SOURCE;
      case "files" -> Fields.FILE;
      default -> throw new IllegalArgumentException(facetKey);
    };
  }
}

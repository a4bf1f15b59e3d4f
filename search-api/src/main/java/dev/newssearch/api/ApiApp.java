package dev.newssearch.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newssearch.api.http.Admission;
import dev.newssearch.api.http.ApiException;
import dev.newssearch.api.http.Jackson2Mapper;
import dev.newssearch.api.http.Problem;
import dev.newssearch.api.http.SearchHandlers;
import dev.newssearch.api.query.QueryParser;
import dev.newssearch.api.query.Synonyms;
import dev.newssearch.api.query.WordSplitter;
import dev.newssearch.api.search.IndexedNames;
import dev.newssearch.api.search.QueryBuilder;
import dev.newssearch.api.search.SearchService;
import dev.newssearch.core.es.EsClients;
import dev.newssearch.core.es.EsConfig;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import org.apache.http.Header;
import org.apache.http.client.config.RequestConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that wires the HTTP app: every route, the error mapping, CORS, gzip, metrics and
 * request logging. {@link Main} and the integration tests both start what {@link #create} returns.
 */
public final class ApiApp {
  private static final Logger log = LoggerFactory.getLogger(ApiApp.class);
  private static final Logger access = LoggerFactory.getLogger("access");
  static final String RETRY_AFTER_SECONDS = "5";
  /** How often the names learned by the indexer are read back into the query dictionary. */
  static final long NAMES_PERIOD_SECONDS = 300;

  private ApiApp() {}

  /** Builds the app, its Elasticsearch client (closed when the server stops) and its metrics. */
  public static Javalin create(ApiConfig config) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    ElasticsearchClient es = esClient(config.es());
    QueryParser parser = new QueryParser(Synonyms.fromClasspath("synonyms.txt"));
    SearchService service = new SearchService(es, config.es().alias(), new QueryBuilder(parser.synonyms()),
        registry, config.es().timeout().toMillis());
    IndexedNames names = new IndexedNames(es, config.es().alias(), WordSplitter.shared()).start(NAMES_PERIOD_SECONDS);
    Admission admission = new Admission(config.limits());
    Gauge.builder("api.requests.in_flight", admission, Admission::inFlight).tag("lane", "all")
        .description("requests sent to Elasticsearch and not yet answered").register(registry);
    Gauge.builder("api.requests.in_flight", admission, Admission::heavyInFlight).tag("lane", "heavy")
        .description("expensive queries sent to Elasticsearch and not yet answered").register(registry);
    SearchHandlers handlers = new SearchHandlers(service, parser, admission);
    ObjectMapper json = EsClients.objectMapper();

    byte[] indexPage = resource("public/index.html");
    byte[] appJs = resource("public/app.js");
    byte[] appCss = resource("public/app.css");
    byte[] apiDocs = resource("public/api-docs.html");
    byte[] openapi = resource("openapi.json");

    return Javalin.create(cfg -> {
      cfg.jsonMapper(new Jackson2Mapper(json));
      cfg.http.compressionStrategy = CompressionStrategy.GZIP;
      cfg.jetty.host = config.host();
      cfg.jetty.port = config.port();
      cfg.startup.showJavalinBanner = false;
      if (!config.corsOrigins().isEmpty()) {
        cfg.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
          if (config.corsOrigins().contains("*")) {
            rule.anyHost();
          } else {
            rule.allowHost(config.corsOrigins().get(0),
                config.corsOrigins().subList(1, config.corsOrigins().size()).toArray(String[]::new));
          }
        }));
      }
      cfg.requestLogger.http((ctx, ms) -> {
        Timer.builder("http.server.requests").description("HTTP requests by route")
            .tag("method", methodLabel(ctx)).tag("route", route(ctx)).tag("status", String.valueOf(ctx.statusCode()))
            .publishPercentileHistogram()
            .register(registry).record((long) (ms * 1000), TimeUnit.MICROSECONDS);
        access.info("{} {} {} {}ms", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(ms));
      });
      cfg.events.serverStopped(() -> {
        names.close();
        closeQuietly(es);
      });

      var r = cfg.routes;
      r.get("/api/search", handlers::search);
      r.get("/api/aggregations/persons", handlers::persons);
      r.get("/api/aggregations/dates", handlers::dates);
      r.get("/api/paragraphs/{id}", handlers::paragraph);
      r.get("/api/articles/{article_id}", handlers::article);
      r.get("/api/suggest", handlers::suggest);
      r.get("/health", handlers::health);
      r.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
      r.get("/openapi.json", ctx -> ctx.contentType(SearchHandlers.JSON_UTF8).result(openapi));
      r.get("/api-docs", ctx -> ctx.contentType("text/html; charset=utf-8").result(apiDocs));
      r.get("/", ctx -> ctx.contentType("text/html; charset=utf-8").result(indexPage));
      r.get("/assets/app.js", ctx -> ctx.contentType("text/javascript; charset=utf-8").result(appJs));
      r.get("/assets/app.css", ctx -> ctx.contentType("text/css; charset=utf-8").result(appCss));

      // errors are mapped here, once
      r.exception(ApiException.class, (e, ctx) -> {
        if (e.retryAfterSeconds() != null) {
          ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
        }
        problem(ctx, e.problem(ctx.path()));
      });
      r.exception(ElasticsearchException.class, (e, ctx) -> elasticsearchSaidNo(e, ctx));
      r.exception(IOException.class, (e, ctx) -> {
        log.warn("Elasticsearch unreachable for {}: {}", ctx.path(), e.toString());
        ctx.header("Retry-After", RETRY_AFTER_SECONDS);
        problem(ctx, Problem.of(503, "Search backend unavailable",
            "Elasticsearch could not be reached; try again shortly").at(ctx.path()));
      });
      r.exception(Exception.class, (e, ctx) -> {
        if (neverGotThere(e)) {
          // the low-level client wraps pool-lease and I/O timeouts in a RuntimeException
          log.warn("Elasticsearch did not answer in time for {}: {}", ctx.path(), rootCause(e).toString());
          ctx.header("Retry-After", RETRY_AFTER_SECONDS);
          problem(ctx, Problem.of(503, "Search backend unavailable",
              "Elasticsearch did not answer in time; try again shortly").at(ctx.path()));
          return;
        }
        log.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
        problem(ctx, Problem.of(500, "Internal error", "the request failed unexpectedly").at(ctx.path()));
      });
      r.error(404, ctx -> {
        String type = ctx.res().getContentType();
        if (type == null || !type.startsWith(Problem.CONTENT_TYPE)) {
          problem(ctx, Problem.of(404, "Not found", "no route " + ctx.method() + " " + ctx.path()).at(ctx.path()));
        }
      });
    });
  }

  private static void elasticsearchSaidNo(ElasticsearchException e, Context ctx) {
    String type = e.error() == null ? "" : e.error().type();
    if (e.status() == 404 && "index_not_found_exception".equals(type)) {
      log.warn("index alias missing for {}: {}", ctx.path(), e.getMessage());
      ctx.header("Retry-After", RETRY_AFTER_SECONDS);
      problem(ctx, Problem.of(503, "Search index not ready", "the search index does not exist yet").at(ctx.path()));
    } else if (e.status() == 429 || e.status() >= 500) {
      log.warn("Elasticsearch overloaded or failing for {}: {}", ctx.path(), e.getMessage());
      ctx.header("Retry-After", RETRY_AFTER_SECONDS);
      problem(ctx, Problem.of(503, "Search backend unavailable", "Elasticsearch is busy or failing").at(ctx.path()));
    } else if (e.status() == 400 && ctx.queryParam("cursor") != null) {
      // every other parameter is validated before a query is built; a cursor's sort values are
      // opaque to us and only Elasticsearch can tell that they do not fit the sort
      log.info("Elasticsearch refused the sort values of a cursor for {}: {}", ctx.path(), e.getMessage());
      problem(ctx, ApiException.badParameter("cursor", "cursor is not a next_cursor value returned by this API")
          .problem(ctx.path()));
    } else {
      // the server's exception type stays in our log: it tells a client nothing it can act on
      log.error("Elasticsearch rejected a query for {} ({}): {}", ctx.path(), type, e.getMessage());
      problem(ctx, Problem.of(502, "Search backend rejected the query",
          "the search backend could not run this query").at(ctx.path()));
    }
  }

  static boolean neverGotThere(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException || t instanceof java.util.concurrent.TimeoutException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  private static void problem(Context ctx, Problem problem) {
    ctx.status(problem.status()).json(problem).contentType(Problem.CONTENT_TYPE);
  }

  /** The label for everything a client can make up: one series, not one per invented value. */
  static final String OTHER = "other";
  private static final java.util.Set<String> METHODS =
      java.util.Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "CONNECT");

  /** A standard method by name; anything else a client sends (Javalin keeps it as given) is "other". */
  static String methodLabel(Context ctx) {
    String name = ctx.method().name();
    return METHODS.contains(name) ? name : OTHER;
  }

  /** One of our route templates (never the raw path), or "other" for a path no route matched. */
  static String route(Context ctx) {
    try {
      // the matched GET route, not a before-handler such as the CORS plugin's "*"
      var endpoint = ctx.endpoints().matchedHttpEndpoint();
      return endpoint == null ? OTHER : endpoint.path;
    } catch (RuntimeException e) {
      return OTHER;
    }
  }

  /**
   * The client with per-request timeouts from {@code ES_TIMEOUT_MS}: a request to a node that is
   * down or stuck fails within that time instead of hanging a server thread. Requests are sent with
   * blocking I/O on the handler's thread over the nodes of the low-level client, which keeps the node
   * list (and sniffs it when asked): {@link EsClients#client(EsConfig, RequestConfig, boolean)}, and a
   * request whose connection turns out closed may be sent twice, since the API only reads.
   */
  public static ElasticsearchClient esClient(EsConfig es) {
    return EsClients.client(es, timeouts(es), true);
  }

  /** The same client over the low-level client's own asynchronous I/O, for the benchmark's comparison. */
  public static ElasticsearchClient reactorEsClient(EsConfig es) {
    return new ElasticsearchClient(new RestClientTransport(EsClients.restClient(es),
        new JacksonJsonpMapper(EsClients.objectMapper()), EsClients.options(timeouts(es))));
  }

  private static RequestConfig timeouts(EsConfig es) {
    int timeoutMs = (int) es.timeout().toMillis();
    return RequestConfig.custom()
        .setConnectTimeout(Math.min(timeoutMs, 2000))
        .setConnectionRequestTimeout(timeoutMs)
        .setSocketTimeout(timeoutMs)
        .build();
  }

  private static void closeQuietly(ElasticsearchClient es) {
    try {
      es._transport().close();
    } catch (IOException e) {
      log.warn("closing the Elasticsearch client failed: {}", e.toString());
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = ApiApp.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.newssearch.api;

import dev.newssearch.api.query.TextNormalizer;
import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the search service. Configuration comes from the environment (see {@link ApiConfig}):
 *
 * <pre>
 * ES_URL=http://127.0.0.1:9200 PORT=8080 java -jar search-api/target/search-api-all.jar
 * curl 'http://localhost:8080/api/search?q=脱贫攻坚&amp;person=习近平&amp;size=5'
 * </pre>
 *
 * <p>It starts even when Elasticsearch is down: {@code /health} answers 503 until it is back.
 */
public final class Main {
  private static final Logger log = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    ApiConfig config;
    try {
      config = ApiConfig.fromEnv(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("search-api: bad configuration: " + e.getMessage());
      System.exit(2);
      return;
    }
    Javalin app = start(config);
    Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "search-api-shutdown"));
  }

  /** Starts the service and says where it listens; what {@code main} does after reading the environment. */
  static Javalin start(ApiConfig config) {
    long t0 = System.nanoTime();
    TextNormalizer.warmUp();
    log.info("traditional-to-simplified dictionary loaded in {} ms", (System.nanoTime() - t0) / 1_000_000);
    Javalin app = ApiApp.create(config).start();
    // EsConfig prints hosts without user info and names the auth kind only
    log.info("search-api listening on http://{}:{} over {}", config.host(), app.port(), config.es());
    if (!ApiConfig.DEFAULT_HOST.equals(config.host())) {
      log.info("HOST={} : other machines can reach this service", config.host());
    }
    return app;
  }
}

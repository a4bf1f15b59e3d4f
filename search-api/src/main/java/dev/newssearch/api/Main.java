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
    long t0 = System.nanoTime();
    TextNormalizer.warmUp();
    log.info("traditional-to-simplified dictionary loaded in {} ms", (System.nanoTime() - t0) / 1_000_000);
    Javalin app = ApiApp.create(config).start();
    log.info("search-api listening on http://{}:{} over {}", config.host(), app.port(), config.es());
    Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "search-api-shutdown"));
  }
}

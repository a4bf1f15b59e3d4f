package dev.newssearch.api.bench;

import dev.newssearch.api.ApiApp;
import dev.newssearch.api.ApiConfig;
import dev.newssearch.api.http.Admission;
import dev.newssearch.core.es.EsConfig;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Benchmark, not a test: does an expensive-query client starve normal traffic? Normal searches go at
 * a fixed rate (open loop) three times: alone; beside a client sending the heaviest query the API
 * accepts at {@code BENCH_HEAVY_RATE} req/s, with the service's admission limits; and beside the same
 * client with the limits lifted (what the service did before). Prints normal p50/p99 of each phase,
 * the ratios to "alone", and how the heavy client fared (answered, 429, other).
 *
 * <p>Run with {@code bench/heavy-bench.sh}. Environment as {@link ApiBench}, plus BENCH_HEAVY_RATE (5)
 * and BENCH_RATE (default 10 here).
 */
public final class HeavyQueryBench {
  /** A typical search: two words, a person filter, facets, the histogram. */
  static final String NORMAL = "q=" + enc("疫情 防控") + "&person=" + enc("习近平") + "&size=10";
  /** The commonest Chinese characters, most frequent first. */
  private static final String COMMON = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方";

  /**
   * The heaviest query the caps allow: 16 phrases (OR-ed) of 7 of the commonest characters, 112
   * characters in all, each a phrase over text.chars whose every character is in most paragraphs,
   * with the largest page and facets.
   */
  static final String HEAVY = "q=" + enc(heavyQuery()) + "&size=100&facet_size=200&interval=day";

  static String heavyQuery() {
    java.util.List<String> phrases = new java.util.ArrayList<>();
    for (int i = 0; i < 16; i++) {
      phrases.add("\"" + COMMON.substring(i * 3, i * 3 + 7) + "\"");
    }
    return String.join(" OR ", phrases);
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    EsConfig es = EsConfig.fromEnv(env).withAlias(env.getOrDefault("BENCH_ALIAS", "bench-paragraphs"));
    int copies = Integer.parseInt(env.getOrDefault("BENCH_COPIES", "50"));
    int rate = Integer.parseInt(env.getOrDefault("BENCH_RATE", "10"));
    int heavyRate = Integer.parseInt(env.getOrDefault("BENCH_HEAVY_RATE", "5"));
    int seconds = Integer.parseInt(env.getOrDefault("BENCH_SECONDS", "20"));
    Path seeds = Path.of(args.length > 0 ? args[0] : "seeds").toAbsolutePath().normalize();
    long count = ApiBench.ensureCorpus(es, seeds, copies, Boolean.parseBoolean(env.getOrDefault("BENCH_REINDEX", "false")));
    System.out.printf("corpus: %d paragraphs behind %s%n", count, es.alias());
    System.out.printf("normal: GET /api/search?%s at %d req/s%nheavy:  GET /api/search?%s at %d req/s%n",
        java.net.URLDecoder.decode(NORMAL, StandardCharsets.UTF_8), rate,
        java.net.URLDecoder.decode(HEAVY, StandardCharsets.UTF_8), heavyRate);
    System.out.printf("%d s per phase, open loop, loopback, one client address for both%n%n", seconds);

    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
        .executor(Executors.newFixedThreadPool(16, ApiBench.named("bench-http"))).build();
    Admission.Limits limits = Admission.Limits.defaults();
    Admission.Limits lifted = new Admission.Limits(10_000, 10_000, 10_000);

    Javalin app = ApiApp.create(ApiConfig.local(es).withLimits(limits)).start();
    Javalin open = ApiApp.create(ApiConfig.local(es).withLimits(lifted)).start();
    try {
      HttpRequest normal = request(app, NORMAL);
      HttpRequest heavyOnce = request(app, HEAVY);
      HttpResponse<String> probe = http.send(heavyOnce, HttpResponse.BodyHandlers.ofString());
      System.out.printf("one heavy query alone: HTTP %d%n", probe.statusCode());
      ApiBench.run(http, normal, rate, 3); // warm-up
      ApiBench.Result alone = ApiBench.run(http, normal, rate, seconds);
      Thread.sleep(3000);
      Phase limited = beside(http, app, rate, heavyRate, seconds);
      Thread.sleep(10_000);
      Phase unlimited = beside(http, open, rate, heavyRate, seconds);

      System.out.printf("%n%-34s %8s %8s %8s %7s   %s%n", "normal traffic", "p50 ms", "p99 ms", "max ms", "errors", "heavy client");
      System.out.printf("%-34s %8.1f %8.1f %8.1f %7d%n", "alone", alone.pct(50), alone.pct(99), alone.max(), alone.errors());
      print("beside heavy, with limits (" + limits.heavy() + " lane)", limited);
      print("beside heavy, limits lifted", unlimited);
      System.out.printf("%nnormal p99 beside heavy / alone: with limits %.2f×, limits lifted %.2f×%n",
          limited.normal.pct(99) / alone.pct(99), unlimited.normal.pct(99) / alone.pct(99));
      System.out.printf("normal p50 beside heavy / alone: with limits %.2f×, limits lifted %.2f×%n",
          limited.normal.pct(50) / alone.pct(50), unlimited.normal.pct(50) / alone.pct(50));
    } finally {
      app.stop();
      open.stop();
    }
    System.exit(0);
  }

  record Phase(ApiBench.Result normal, Map<Integer, Integer> heavyStatuses) {}

  private static void print(String name, Phase p) {
    System.out.printf("%-34s %8.1f %8.1f %8.1f %7d   %s%n", name, p.normal.pct(50), p.normal.pct(99), p.normal.max(),
        p.normal.errors(), p.heavyStatuses);
  }

  /** Normal traffic measured while a heavy client sends at its own fixed rate, open loop. */
  private static Phase beside(HttpClient http, Javalin app, int rate, int heavyRate, int seconds) throws Exception {
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    HttpRequest heavy = request(app, HEAVY);
    ScheduledExecutorService heavyClient = Executors.newSingleThreadScheduledExecutor(ApiBench.named("heavy-client"));
    AtomicInteger outstanding = new AtomicInteger();
    heavyClient.scheduleAtFixedRate(() -> {
      outstanding.incrementAndGet();
      http.sendAsync(heavy, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
        statuses.merge(e != null ? -1 : r.statusCode(), 1, Integer::sum);
        outstanding.decrementAndGet();
      });
    }, 0, 1_000_000 / heavyRate, TimeUnit.MICROSECONDS);
    Thread.sleep(2000); // let the heavy load build up first
    ApiBench.Result normal = ApiBench.run(http, request(app, NORMAL), rate, seconds);
    heavyClient.shutdownNow();
    for (int i = 0; i < 120 && outstanding.get() > 0; i++) {
      Thread.sleep(500);
    }
    return new Phase(normal, new java.util.TreeMap<>(statuses));
  }

  private static HttpRequest request(Javalin app, String query) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/search?" + query))
        .timeout(Duration.ofSeconds(30)).GET().build();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}

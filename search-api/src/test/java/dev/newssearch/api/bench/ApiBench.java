package dev.newssearch.api.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import dev.newssearch.api.ApiApp;
import dev.newssearch.api.ApiConfig;
import dev.newssearch.api.http.Params;
import dev.newssearch.api.query.QueryParser;
import dev.newssearch.api.query.Synonyms;
import dev.newssearch.api.search.QueryBuilder;
import dev.newssearch.api.search.SearchRequest;
import dev.newssearch.api.search.SearchService;
import dev.newssearch.core.es.EsClients;
import dev.newssearch.core.es.EsConfig;
import dev.newssearch.indexer.index.IndexRun;
import dev.newssearch.indexer.index.SeedIndexer;
import io.javalin.Javalin;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Benchmark, not a test: indexes the seeds multiplied into a bench alias, then sends a typical
 * faceted, highlighted search at a fixed rate (open loop: each request leaves at its scheduled time
 * whatever the previous ones do, latency counted from that time) first to the API, then the very
 * same Elasticsearch request straight to Elasticsearch, and prints p50/p90/p99 side by side.
 *
 * <p>Run with {@code bench/api-bench.sh}. Environment: ES_URL, BENCH_COPIES (50), BENCH_RATE (50
 * req/s), BENCH_SECONDS (20), BENCH_ALIAS (bench-paragraphs), BENCH_REINDEX (false).
 * Loopback only; bounded by rate × seconds requests with a 10 s timeout each.
 */
public final class ApiBench {
  private static final String[][] QUERY = {
      {"q", "疫情 防控"}, {"person", "习近平"}, {"size", "10"}, {"facet_size", "10"}, {"interval", "day"}};

  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    EsConfig es = EsConfig.fromEnv(env).withAlias(env.getOrDefault("BENCH_ALIAS", "bench-paragraphs"));
    int copies = Integer.parseInt(env.getOrDefault("BENCH_COPIES", "50"));
    int rate = Integer.parseInt(env.getOrDefault("BENCH_RATE", "50"));
    int seconds = Integer.parseInt(env.getOrDefault("BENCH_SECONDS", "20"));
    Path seeds = Path.of(args.length > 0 ? args[0] : "seeds").toAbsolutePath().normalize();
    boolean reindex = Boolean.parseBoolean(env.getOrDefault("BENCH_REINDEX", "false"));

    long expected = ensureCorpus(es, seeds, copies, reindex);
    System.out.printf("corpus: %d paragraphs behind alias %s (%d copies of %s)%n", expected, es.alias(), copies, seeds);

    Javalin app = ApiApp.create(ApiConfig.local(es)).start();
    try {
      String query = queryString();
      URI apiUri = URI.create("http://127.0.0.1:" + app.port() + "/api/search?" + query);
      String esJson = esRequestJson(es);
      Files.writeString(Path.of("search-api", "target", "bench-es-query.json"), esJson);
      URI esUri = URI.create(es.url().toString().replaceAll("/$", "") + "/" + es.alias() + "/_search");
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
          .executor(Executors.newFixedThreadPool(8, named("bench-http"))).build();
      HttpRequest apiRequest = HttpRequest.newBuilder(apiUri).timeout(Duration.ofSeconds(10)).GET().build();
      HttpRequest.Builder esBuilder = HttpRequest.newBuilder(esUri).timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(esJson));
      if (es.apiKey() != null) {
        esBuilder.header("Authorization", "ApiKey " + es.apiKey());
      } else if (es.username() != null) {
        esBuilder.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
            (es.username() + ":" + es.password()).getBytes(StandardCharsets.UTF_8)));
      }
      HttpRequest esRequest = esBuilder.build();

      System.out.printf("query: GET /api/search?%s%n", java.net.URLDecoder.decode(query, StandardCharsets.UTF_8));
      System.out.printf("load: %d req/s for %d s, open loop, loopback%n%n", rate, seconds);
      // warm both paths up (JIT, caches) before measuring
      run(http, apiRequest, rate, 3);
      run(http, esRequest, rate, 3);
      Result api = run(http, apiRequest, rate, seconds);
      Thread.sleep(5000); // let Elasticsearch drain whatever the first phase left queued
      Result direct = run(http, esRequest, rate, seconds);
      System.out.printf("%-22s %8s %8s %8s %8s %8s %7s%n", "target", "p50 ms", "p90 ms", "p99 ms", "max ms", "mean ms", "errors");
      print("search-api", api);
      print("elasticsearch direct", direct);
      System.out.printf("%nratio api/es: p50 %.2f×, p99 %.2f×; api overhead p50 %+.1f ms%n",
          api.pct(50) / direct.pct(50), api.pct(99) / direct.pct(99), api.pct(50) - direct.pct(50));
    } finally {
      app.stop();
    }
    System.exit(0);
  }

  private static String queryString() {
    List<String> parts = new ArrayList<>();
    for (String[] kv : QUERY) {
      parts.add(kv[0] + "=" + URLEncoder.encode(kv[1], StandardCharsets.UTF_8));
    }
    return String.join("&", parts);
  }

  /** The exact Elasticsearch request the API sends for {@link #QUERY}. */
  private static String esRequestJson(EsConfig es) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (String[] kv : QUERY) {
      params.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(kv[1]);
    }
    QueryParser parser = new QueryParser(Synonyms.fromClasspath("synonyms.txt"));
    SearchRequest req = new Params(params).searchRequest(parser);
    SearchService service = new SearchService((ElasticsearchClient) null, es.alias(),
        new QueryBuilder(parser.synonyms()), new SimpleMeterRegistry(), es.timeout().toMillis());
    var request = service.buildSearch(req);
    // the body only: index and the URL parameters go into the URL in the client; put them in the body
    String body = JsonpUtils.toJsonString(request, new JacksonJsonpMapper());
    return body;
  }

  static long ensureCorpus(EsConfig es, Path seeds, int copies, boolean reindex) throws IOException {
    try (var transport = EsClients.client(es)._transport()) {
      ElasticsearchClient client = new ElasticsearchClient(transport);
      long seedsCount = 0;
      boolean exists = client.indices().existsAlias(a -> a.name(es.alias())).value();
      if (exists && !reindex) {
        long count = client.count(c -> c.index(es.alias())).count();
        System.out.printf("reusing %s (%d paragraphs); BENCH_REINDEX=true rebuilds it%n", es.alias(), count);
        return count;
      }
      Path corpus = Files.createTempDirectory("bench-corpus");
      try (Stream<Path> files = Files.list(seeds)) {
        List<Path> list = files.filter(Files::isRegularFile).sorted().toList();
        for (int c = 0; c < copies; c++) {
          for (Path f : list) {
            String name = f.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String copy = String.format("%s_c%03d%s", dot < 0 ? name : name.substring(0, dot), c, dot < 0 ? "" : name.substring(dot));
            Files.copy(f, corpus.resolve(copy));
          }
        }
      }
      long t0 = System.nanoTime();
      IndexRun run = SeedIndexer.rebuild(es, corpus);
      System.out.printf("indexed %d files in %.1f s: %s%n", copies, (System.nanoTime() - t0) / 1e9, run.summary());
      try (Stream<Path> walk = Files.walk(corpus)) {
        walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
      }
      seedsCount = client.count(c -> c.index(es.alias())).count();
      return seedsCount;
    }
  }

  record Result(long[] latenciesMicros, int errors, int sent) {
    double pct(double p) {
      if (latenciesMicros.length == 0) {
        return Double.NaN;
      }
      long[] sorted = latenciesMicros.clone();
      Arrays.sort(sorted);
      int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1000.0;
    }

    double mean() {
      return Arrays.stream(latenciesMicros).average().orElse(Double.NaN) / 1000.0;
    }

    double max() {
      return Arrays.stream(latenciesMicros).max().orElse(0) / 1000.0;
    }
  }

  static void print(String name, Result r) {
    System.out.printf("%-22s %8.1f %8.1f %8.1f %8.1f %8.1f %7d%n", name, r.pct(50), r.pct(90), r.pct(99), r.max(),
        r.mean(), r.errors());
  }

  /** Open loop: request i leaves at start + i/rate; its latency counts from then. */
  static Result run(HttpClient http, HttpRequest request, int rate, int seconds) throws Exception {
    int total = rate * seconds;
    long[] latencies = new long[total];
    AtomicInteger errors = new AtomicInteger();
    List<CompletableFuture<Void>> inFlight = new ArrayList<>(total);
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(named("bench-scheduler"));
    long start = System.nanoTime() + 50_000_000L;
    long periodNanos = 1_000_000_000L / rate;
    List<CompletableFuture<Void>> scheduled = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      final int n = i;
      long due = start + n * periodNanos;
      CompletableFuture<Void> done = new CompletableFuture<>();
      scheduled.add(done);
      scheduler.schedule(() -> {
        http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((resp, err) -> {
          latencies[n] = (System.nanoTime() - due) / 1000;
          if (err != null || resp.statusCode() != 200) {
            errors.incrementAndGet();
          }
          done.complete(null);
        });
      }, due - System.nanoTime(), TimeUnit.NANOSECONDS);
    }
    inFlight.addAll(scheduled);
    CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(seconds + 30L, TimeUnit.SECONDS);
    scheduler.shutdownNow();
    return new Result(latencies, errors.get(), total);
  }

  static java.util.concurrent.ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}

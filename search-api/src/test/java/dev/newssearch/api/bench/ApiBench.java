package dev.newssearch.api.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
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
 * Benchmark, not a test: indexes the seeds multiplied into a bench alias, starts the API in its own JVM as
 * {@code ./run} does ({@link ApiProcess}), warms both sides up, then sends a typical
 * faceted, highlighted search at fixed rates (open loop: each request leaves at its scheduled time
 * whatever the previous ones do, latency counted from that time) to four targets taking turns ({@link #interleaved}):
 * the API, a plain Elasticsearch request doing the same job (match AND, person filter, six terms facets, daily
 * histogram, highlighted text), and the API's own Elasticsearch request sent directly, once with
 * exact substrings on the bigram field and once on the character field; prints p50/p90/p99 and the
 * ratios.
 *
 * <p>Run with {@code bench/api-bench.sh}. Environment: ES_URL, BENCH_COPIES (50), BENCH_RATES (10,40
 * req/s), BENCH_SECONDS (20, per target and rate), BENCH_SLICES (4 turns of BENCH_SECONDS / 4; 1 measures the
 * targets one after another), BENCH_WARMUP (1000 requests to each target, one after another, before any
 * rate; then the API alone until its JIT settles, see {@link #settle}, and once at each rate, see
 * {@link #warmAtRates}), BENCH_RATE_WARMUP (true), BENCH_ALIAS (bench-paragraphs),
 * BENCH_REINDEX (false), BENCH_REQUEST_CACHE (true; false turns the index's shard request cache off for the run, as
 * a stream of new queries would find it: the benchmark repeats one query, whose counts the API's {@code _msearch}
 * otherwise always finds cached), BENCH_BREAKDOWN (true: then the API's own request again with one part taken out
 * at a time, to price each).
 * Loopback only; bounded by rate × seconds requests with a 10 s timeout each.
 */
public final class ApiBench {
  private static final String[][] QUERY = {
      {"q", "疫情 防控"}, {"person", "习近平"}, {"size", "10"}, {"facet_size", "10"}, {"interval", "day"}};

  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    EsConfig es = EsConfig.fromEnv(env).withAlias(env.getOrDefault("BENCH_ALIAS", "bench-paragraphs"));
    int copies = Integer.parseInt(env.getOrDefault("BENCH_COPIES", "50"));
    List<Integer> rates = Arrays.stream(env.getOrDefault("BENCH_RATES", env.getOrDefault("BENCH_RATE", "10,40")).split(","))
        .map(String::strip).map(Integer::parseInt).toList();
    int seconds = Integer.parseInt(env.getOrDefault("BENCH_SECONDS", "20"));
    Path seeds = Path.of(args.length > 0 ? args[0] : "seeds").toAbsolutePath().normalize();
    boolean reindex = Boolean.parseBoolean(env.getOrDefault("BENCH_REINDEX", "false"));

    long expected = ensureCorpus(es, seeds, copies, reindex);
    boolean requestCache = !"false".equals(env.get("BENCH_REQUEST_CACHE"));
    requestCache(es, requestCache);
    System.out.printf("shard request cache: %s%n", requestCache ? "on (the index's default; the API's counts repeat, so they"
        + " come from it)" : "off for this run (BENCH_REQUEST_CACHE=false): every request counts afresh");
    System.out.printf("corpus: %d paragraphs behind alias %s (%d copies of %s)%n", expected, es.alias(), copies, seeds);

    int warmup = Integer.parseInt(env.getOrDefault("BENCH_WARMUP", "1000"));
    int slices = Integer.parseInt(env.getOrDefault("BENCH_SLICES", "4"));
    if (slices < 1 || seconds % slices != 0) {
      throw new IllegalArgumentException("BENCH_SECONDS (" + seconds + ") must be a multiple of BENCH_SLICES (" + slices
          + "): each target gets BENCH_SECONDS / BENCH_SLICES seconds per slice");
    }
    try (ApiProcess app = ApiProcess.start(es)) {
      String query = queryString();
      URI apiUri = URI.create(app.url() + "/api/search?" + query);
      String plainJson = plainRequestJson();
      SearchService.SearchBodies bigramsBodies = apiRequests(es, true);
      String bigramsJson = msearchBody(bigramsBodies);
      String charsJson = msearchBody(apiRequests(es, false));
      Files.writeString(Path.of("search-api", "target", "bench-plain-query.json"), plainJson);
      Files.writeString(Path.of("search-api", "target", "bench-api-query.ndjson"), bigramsJson);
      URI esUri = URI.create(es.url().toString().replaceAll("/$", "") + "/" + es.alias() + "/_search");
      URI msearchUri = URI.create(es.url().toString().replaceAll("/$", "") + "/" + es.alias() + "/_msearch");
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
          .executor(Executors.newFixedThreadPool(8, named("bench-http"))).build();
      HttpRequest apiRequest = HttpRequest.newBuilder(apiUri).timeout(Duration.ofSeconds(10)).GET().build();
      HttpRequest plain = esPost(es, esUri, plainJson);
      HttpRequest apiBigrams = esPost(es, msearchUri, bigramsJson);
      HttpRequest apiChars = esPost(es, msearchUri, charsJson);

      System.out.printf("query: GET /api/search?%s%n", java.net.URLDecoder.decode(query, StandardCharsets.UTF_8));
      System.out.println("plain: match AND on text, person filter, six terms facets of 10, daily date_histogram "
          + "(Asia/Shanghai), highlighted text (search-api/target/bench-plain-query.json)");
      System.out.printf("api: its own JVM (%s), as ./run starts it; plain and the api's own request: straight to %s%n",
          ApiProcess.command(), es.url());
      System.out.printf("load: %s req/s, %d s each, open loop, loopback, the targets taking turns in %d slices of %d s "
          + "(BENCH_SLICES); before that %d requests one after another to each target (BENCH_WARMUP), then the API "
          + "alone until its JIT settles: a service and a node that have been up a while, not a JIT's first minutes%n%n",
          rates, seconds, slices, seconds / slices, warmup);
      // warm every path up (JIT, caches) before measuring: the node has compiled its search path long ago,
      // a freshly started API has not
      List<HttpRequest> targets = List.of(apiRequest, plain, apiBigrams, apiChars);
      for (HttpRequest r : targets) {
        closedLoop(http, r, warmup);
      }
      settle(http, apiRequest, app, warmup, env);
      warmAtRates(http, apiRequest, app, rates, seconds, env);
      List<String> ratios = new ArrayList<>();
      List<String> lines = new ArrayList<>();
      for (int rate : rates) {
        Interleaved m = interleaved(http, app, targets, rate, seconds, slices);
        Result api = m.results().get(0);
        Result direct = m.results().get(1);
        Result bigrams = m.results().get(2);
        Result chars = m.results().get(3);
        double apiCpuPerRequest = m.apiCpuMillis() / (double) api.sent();
        double apiJitPerRequest = m.apiJitMillis() / (double) api.sent();
        lines.add(row(rate, "search-api", api));
        lines.add(row(rate, "plain es request", direct));
        lines.add(row(rate, "api's es request, text.bigrams", bigrams));
        lines.add(row(rate, "api's es request, text.chars", chars));
        ratios.add(String.format("%3d req/s  api/plain: p50 %.2f×, p99 %.2f×   (api overhead p50 %+.1f ms; "
                + "the api process's CPU %.1f ms per request, its JIT's %.2f)   exact substrings bigrams/chars: p50 %.2f×, "
                + "p99 %.2f×", rate, api.pct(50) / direct.pct(50), api.pct(99) / direct.pct(99),
            api.pct(50) - direct.pct(50), apiCpuPerRequest, apiJitPerRequest, bigrams.pct(50) / chars.pct(50),
            bigrams.pct(99) / chars.pct(99)));
      }
      System.out.printf("%-6s %-34s %8s %8s %8s %8s %8s %7s%n", "rate", "target", "p50 ms", "p90 ms", "p99 ms",
          "max ms", "mean ms", "errors");
      lines.forEach(System.out::println);
      System.out.println();
      ratios.forEach(System.out::println);
      if (!"false".equals(env.get("BENCH_BREAKDOWN"))) {
        breakdown(http, es, esUri, asOneSearch(bigramsBodies), direct(http, plain, rates.get(0), seconds), rates.get(0),
            seconds);
      }
    }
    System.exit(0);
  }

  /** Each target's merged results at one rate, in the order given, and the API's CPU and its JIT's over its slices. */
  record Interleaved(List<Result> results, long apiCpuMillis, long apiJitMillis) {}

  /**
   * Every target (the API first) at {@code rate} for {@code seconds} in all, in {@code slices} turns of
   * {@code seconds / slices} each, a second's pause after each turn to let Elasticsearch drain what it left queued;
   * each slice starts with the next target, so none always follows the same one. On this machine the same request's
   * latency changes by half within minutes (bench/RESULTS.md), so targets measured one after another for 20 s each
   * met different machines; taking turns, each meets the same minutes as the others. One slice is the former way, one
   * target after the other (with three-second pauses).
   */
  static Interleaved interleaved(HttpClient http, ApiProcess app, List<HttpRequest> targets, int rate, int seconds,
      int slices) throws Exception {
    List<List<Result>> parts = new ArrayList<>();
    targets.forEach(t -> parts.add(new ArrayList<>()));
    long cpu = 0;
    long jit = 0;
    long pauseMillis = slices == 1 ? 3000 : 1000;
    for (int s = 0; s < slices; s++) {
      for (int turn = 0; turn < targets.size(); turn++) {
        int t = (s + turn) % targets.size();
        long cpu0 = t == 0 ? app.cpuMillis() : 0;
        long jit0 = t == 0 ? app.jitCpuMillis() : 0;
        parts.get(t).add(run(http, targets.get(t), rate, seconds / slices));
        if (t == 0) {
          cpu += app.cpuMillis() - cpu0;
          jit += app.jitCpuMillis() - jit0;
        }
        Thread.sleep(pauseMillis);
      }
    }
    return new Interleaved(parts.stream().map(Result::merged).toList(), cpu, jit);
  }

  private static Result direct(HttpClient http, HttpRequest plain, int rate, int seconds) throws Exception {
    Thread.sleep(3000);
    return run(http, plain, rate, seconds);
  }

  /**
   * Where the API's own requests spend beyond the plain one: the two as one search ({@link #asOneSearch}),
   * then with one thing they do taken out at a time (each a behaviour the API keeps; this only prices
   * them), at the first rate.
   */
  private static void breakdown(HttpClient http, EsConfig es, URI esUri, String apiJson, Result plain, int rate,
      int seconds) throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    Map<String, java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode>> without = new LinkedHashMap<>();
    without.put("the whole request", r -> { });
    without.put("without duplicate counts (dups aggregation)", r -> ((com.fasterxml.jackson.databind.node.ObjectNode) r.get("aggregations")).remove("dups"));
    without.put("without collapse", r -> r.remove("collapse"));
    without.put("without highlights", r -> r.remove("highlight"));
    without.put("10 hits instead of the 20 diversified", r -> r.put("size", 10));
    without.put("without facets", r -> {
      var aggs = (com.fasterxml.jackson.databind.node.ObjectNode) r.get("aggregations");
      List<String> names = new ArrayList<>();
      aggs.fieldNames().forEachRemaining(names::add);
      names.stream().filter(n -> n.startsWith("facet_")).forEach(aggs::remove);
    });
    without.put("without tier and title scoring (should)", r -> {
      var bool = (com.fasterxml.jackson.databind.node.ObjectNode) r.get("query").get("bool").get("must").get(0).get("bool");
      bool.remove("should");
    });
    System.out.printf("%nthe API's own requests as one search, one part taken out at a time (%d req/s, %d s each); plain p50 %.1f ms%n",
        rate, seconds, plain.pct(50));
    System.out.printf("%-42s %8s %8s %10s%n", "request", "p50 ms", "p99 ms", "p50/plain");
    for (var e : without.entrySet()) {
      var request = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(apiJson);
      e.getValue().accept(request);
      Thread.sleep(2000);
      Result r = run(http, esPost(es, esUri, json.writeValueAsString(request)), rate, seconds);
      System.out.printf("%-42s %8.1f %8.1f %9.2f×%n", e.getKey(), r.pct(50), r.pct(99), r.pct(50) / plain.pct(50));
    }
  }

  /**
   * A search body POSTed straight to the node (newline-delimited to {@code _msearch}), with the credentials
   * every client of the project sends.
   */
  static HttpRequest esPost(EsConfig es, URI uri, String json) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
        .header("Content-Type", contentType(uri)).POST(HttpRequest.BodyPublishers.ofString(json));
    EsClients.authHeaders(es).forEach(h -> b.header(h.getName(), h.getValue()));
    return b.build();
  }

  /** What a search body sent to {@code uri} is: newline-delimited JSON for {@code _msearch}, JSON otherwise. */
  static String contentType(URI uri) {
    return uri.getPath().endsWith("/_msearch") ? "application/x-ndjson" : "application/json";
  }

  private static String queryString() {
    List<String> parts = new ArrayList<>();
    for (String[] kv : QUERY) {
      parts.add(kv[0] + "=" + URLEncoder.encode(kv[1], StandardCharsets.UTF_8));
    }
    return String.join("&", parts);
  }

  /**
   * What a developer would send to Elasticsearch for the same page without the API: match AND, the
   * person filter, six terms facets, a daily histogram in Asia/Shanghai, the text highlighted.
   */
  static String plainRequestJson() {
    StringBuilder aggs = new StringBuilder();
    for (String field : List.of("persons", "reporters", "places", "organizations", "source", "file")) {
      aggs.append(String.format("\"%s\":{\"terms\":{\"field\":\"%s\",\"size\":10}},", field, field));
    }
    return "{\"size\":10,\"track_total_hits\":true,"
        + "\"query\":{\"bool\":{\"must\":[{\"match\":{\"text\":{\"query\":\"疫情 防控\",\"operator\":\"and\"}}}],"
        + "\"filter\":[{\"term\":{\"persons\":\"习近平\"}}]}},"
        + "\"aggs\":{" + aggs
        + "\"histogram\":{\"date_histogram\":{\"field\":\"date\",\"calendar_interval\":\"day\","
        + "\"time_zone\":\"Asia/Shanghai\",\"min_doc_count\":0}}},"
        + "\"highlight\":{\"fields\":{\"text\":{}}}}";
  }

  /** The exact Elasticsearch requests the API sends for {@link #QUERY}, exact substrings on bigrams or on characters. */
  static SearchService.SearchBodies apiRequests(EsConfig es, boolean bigrams) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (String[] kv : QUERY) {
      params.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(kv[1]);
    }
    QueryParser parser = new QueryParser(Synonyms.shipped());
    SearchRequest req = new Params(params).searchRequest(parser);
    SearchService service = new SearchService((ElasticsearchClient) null, es.alias(),
        new QueryBuilder(parser.synonyms(), bigrams), new SimpleMeterRegistry(), es.timeout().toMillis());
    return service.searchBodies(req);
  }

  /** The body of the {@code _msearch} the API sends for a search: each request under an empty header. */
  static String msearchBody(SearchService.SearchBodies bodies) {
    JacksonJsonpMapper mapper = new JacksonJsonpMapper();
    StringBuilder out = new StringBuilder();
    for (var body : Stream.of(bodies.hits(), bodies.counts()).filter(java.util.Objects::nonNull).toList()) {
      out.append("{}\n").append(JsonpUtils.toJsonString(body, mapper)).append('\n');
    }
    return out.toString();
  }

  /** The API's two requests as one {@code _search}: the hits with the counts' aggregations and total. */
  static String asOneSearch(SearchService.SearchBodies bodies) throws IOException {
    JacksonJsonpMapper mapper = new JacksonJsonpMapper();
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    var one = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(JsonpUtils.toJsonString(bodies.hits(), mapper));
    var counts = json.readTree(JsonpUtils.toJsonString(bodies.counts(), mapper));
    one.set("aggregations", counts.get("aggregations"));
    one.put("track_total_hits", true);
    return json.writeValueAsString(one);
  }

  /** Turns the bench index's shard request cache off, or back to the index's default (on). */
  private static void requestCache(EsConfig es, boolean on) throws IOException {
    try (var transport = EsClients.client(es)._transport()) {
      // the typed settings have no field for it: the setting's own name, as JSON (null resets it)
      new ElasticsearchClient(transport).indices().putSettings(p -> p.index(es.alias()).settings(st -> st.withJson(
          new java.io.StringReader("{\"index.requests.cache.enable\":" + (on ? "null" : "false") + "}"))));
    }
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
    static Result merged(List<Result> parts) {
      long[] all = parts.stream().flatMapToLong(r -> Arrays.stream(r.latenciesMicros())).toArray();
      return new Result(all, parts.stream().mapToInt(Result::errors).sum(),
          parts.stream().mapToInt(Result::sent).sum());
    }

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

  static String row(int rate, String name, Result r) {
    return String.format("%-6d %-34s %8.1f %8.1f %8.1f %8.1f %8.1f %7d", rate, name, r.pct(50), r.pct(90), r.pct(99),
        r.max(), r.mean(), r.errors());
  }

  /**
   * Warms the API further until its JIT has settled: batches of {@code BENCH_SETTLE_BATCH} (1000) requests until, in
   * two batches in a row, its compiler threads used less than {@code BENCH_SETTLED_JIT_MS} (0.2) ms of CPU per
   * request, or {@code BENCH_WARMUP_MAX} (30000) requests in all. Each request runs a few hundred methods a few
   * times, and C2 compiles each once it has been called thousands of times: after the first 1000 requests the
   * compiler still took 1–2.5 ms of CPU per request, and it settled near 11,000 with the JVM's thresholds (2026-11-30,
   * seeds ×50); with the launcher's {@code -XX:CompileThresholdScaling=0.1} it settles at 3,000–5,000. A service that
   * has been up a while is past that; the batches are printed.
   *
   * @param warmedUp the requests the API has had already ({@code BENCH_WARMUP}, parsed once in {@link #main})
   */
  static void settle(HttpClient http, HttpRequest api, ApiProcess app, int warmedUp, Map<String, String> env)
      throws Exception {
    int batch = Integer.parseInt(env.getOrDefault("BENCH_SETTLE_BATCH", "1000"));
    double settled = Double.parseDouble(env.getOrDefault("BENCH_SETTLED_JIT_MS", "0.2"));
    int max = Integer.parseInt(env.getOrDefault("BENCH_WARMUP_MAX", "30000"));
    int sent = warmedUp;
    if (app.jitCpuMillis() < 0) {
      System.out.println("the API's JIT threads cannot be read here (no /proc): no warm-up beyond BENCH_WARMUP");
      return;
    }
    int quiet = 0;
    StringBuilder trace = new StringBuilder();
    while (quiet < 2 && sent < max) {
      long jit0 = app.jitCpuMillis();
      long cpu0 = app.cpuMillis();
      closedLoop(http, api, batch);
      sent += batch;
      double jit = (app.jitCpuMillis() - jit0) / (double) batch;
      double cpu = (app.cpuMillis() - cpu0) / (double) batch;
      quiet = jit < settled ? quiet + 1 : 0;
      trace.append(String.format("%n  %6d requests: JIT %.2f ms, process %.2f ms of CPU per request", sent, jit, cpu));
    }
    System.out.printf("the API's JIT, warmed further until its compiler threads use under %.2f ms of CPU per request "
        + "(two batches of %d in a row; BENCH_SETTLED_JIT_MS, BENCH_WARMUP_MAX %d):%s%n%s%n%n", settled, batch, max,
        trace, quiet == 2 ? "settled" : "NOT settled: stopped at BENCH_WARMUP_MAX");
  }

  /**
   * One unmeasured phase of the API at each rate, as the measured ones will be sent ({@code BENCH_RATE_WARMUP}, true).
   * The closed loop of the warm-up talks over one connection, one request at a time; the first open-loop phase
   * brings concurrent requests on new connections, and the JIT recompiles the HTTP parsing and socket paths it had
   * compiled for one ({@code -XX:+PrintCompilation}: Jetty's {@code HttpParser}, the selector, Apache's
   * {@code MainClientExec} made not entrant and compiled again; 0.2–1.3 ms of compiler CPU per request in the
   * measured 40 req/s phase without this warm-up, 2026-11-30). A service that has served concurrent users is past
   * that. The compiler's CPU per request in each measured phase is printed beside its ratio.
   */
  static void warmAtRates(HttpClient http, HttpRequest api, ApiProcess app, List<Integer> rates, int seconds,
      Map<String, String> env) throws Exception {
    if ("false".equals(env.get("BENCH_RATE_WARMUP"))) {
      System.out.println("no warm-up at the measured rates (BENCH_RATE_WARMUP=false)");
      return;
    }
    StringBuilder trace = new StringBuilder();
    for (int rate : rates) {
      long jit0 = app.jitCpuMillis();
      Result r = run(http, api, rate, seconds);
      trace.append(String.format("  %d req/s: JIT %.2f ms of CPU per request;", rate,
          (app.jitCpuMillis() - jit0) / (double) r.sent()));
      Thread.sleep(3000);
    }
    System.out.printf("then one unmeasured phase of the API at each rate (BENCH_RATE_WARMUP):%s%n%n", trace);
  }

  /** {@code n} requests one after another, each sent when the one before is answered. */
  static void closedLoop(HttpClient http, HttpRequest request, int n) throws Exception {
    for (int i = 0; i < n; i++) {
      HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("warm-up request answered " + r.statusCode() + ": " + request.uri());
      }
    }
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

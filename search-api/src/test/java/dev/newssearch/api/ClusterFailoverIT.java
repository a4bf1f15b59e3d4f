package dev.newssearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newssearch.api.http.Admission;
import dev.newssearch.core.es.BlockingHttpClient;
import dev.newssearch.core.es.EsClients;
import dev.newssearch.core.es.EsConfig;
import dev.newssearch.indexer.index.IndexOptions;
import dev.newssearch.indexer.index.IndexRun;
import dev.newssearch.indexer.index.IndexService;
import dev.newssearch.indexer.index.SeedIndexer;
import dev.newssearch.localnode.ClusterSpec;
import dev.newssearch.localnode.LocalCluster;
import dev.newssearch.localnode.Node;
import dev.newssearch.localnode.RepoDirs;
import dev.newssearch.localnode.junit.DeliberateFailures;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A cluster, not a node: three local nodes, the seeds indexed with one replica, the API given all
 * three in {@code ES_URL}, searches at 10 req/s, and the FIRST node in {@code ES_URL} killed with
 * SIGKILL. Every search must still be answered in full. Beside it, at 5 req/s, a second API given only
 * that first node and {@code ES_SNIFF_S=1}: it learns the other two from the cluster and fails none either. Ports: {@code IT_CLUSTER_PORT} and the two
 * after it (transport +100), else free ports from the OS.
 */
class ClusterFailoverIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private LocalCluster cluster;

  @AfterEach
  void stop() throws IOException {
    if (cluster != null) {
      cluster.stop();
      try (var walk = Files.walk(cluster.spec().clusterDir())) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  @DeliberateFailures(value = "a node of the cluster is killed", loggers = {ApiApp.class, EsClients.class, BlockingHttpClient.class})
  void killing_the_first_node_in_es_url_fails_no_search() throws Exception {
    Path esLocalDir = RepoDirs.esLocalDir(System.getProperty("es.local.dir"), Path.of(""));
    int port = basePort();
    cluster = new LocalCluster(new ClusterSpec(esLocalDir, esLocalDir.resolve("it-failover-" + port),
        "newssearch-failover-it", port, port + 100, "320m", 3, Duration.ofSeconds(1200)));
    cluster.start();
    List<URI> hosts = cluster.nodes().stream().map(Node::url).toList();
    String esUrl = String.join(",", hosts.stream().map(URI::toString).toList());
    // the API's timeout, and two minutes per call for the build: with several nodes the client retries a
    // timed-out request on the next node, and creating an index is not idempotent
    EsConfig es = EsConfig.fromEnv(Map.of("ES_URL", esUrl, "ES_ALIAS", "it-failover", "ES_TIMEOUT_MS", "90000"));
    EsConfig build = EsConfig.fromEnv(Map.of("ES_URL", esUrl, "ES_ALIAS", "it-failover", "ES_TIMEOUT_MS", "120000"));
    assertThat(es.url()).isEqualTo(cluster.nodes().get(0).url());

    // a full build through the indexer with --replicas 1, as a user would ask for it
    List<Path> dicts = cluster.configDirs().stream().map(d -> d.resolve("analysis-ik")).toList();
    IndexOptions options = IndexOptions.defaults().withReplicas(1).withDictDirs(dicts);
    IndexRun run;
    try (IndexService indexer = SeedIndexer.service(build, options)) {
      run = indexer.rebuild(Path.of("..", "seeds").toAbsolutePath().normalize());
    }
    assertThat(run.ok()).as(run.summary()).isTrue();
    long expected = run.indexCount();
    try (var transport = EsClients.client(build)._transport()) {
      ElasticsearchClient client = new ElasticsearchClient(transport);
      var health = client.cluster().health(h -> h.index(es.alias()).waitForStatus(HealthStatus.Green)
          .timeout(t -> t.time("300s")));
      assertThat(health.status()).as("every primary and its replica assigned").isEqualTo(HealthStatus.Green);
      var settings = client.indices().getSettings(g -> g.index(es.alias())).result().values().iterator().next();
      assertThat(settings.settings().index().numberOfReplicas()).as("the replicas asked for").isEqualTo("1");
    }

    // one test client at 10 req/s: the per-client limit is not what this test is about, and three nodes
    // on a loaded 2-core machine can be slow enough to keep more than 8 searches in flight
    Javalin app = ApiApp.create(ApiConfig.local(es).withLimits(new Admission.Limits(1000, 1000, 1000))).start();
    EsConfig sniffing = EsConfig.fromEnv(Map.of("ES_URL", hosts.get(0).toString(), "ES_ALIAS", "it-failover",
        "ES_TIMEOUT_MS", "90000", "ES_SNIFF_S", "1"));
    Javalin sniffApp = ApiApp.create(ApiConfig.local(sniffing).withLimits(new Admission.Limits(1000, 1000, 1000))).start();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
        .executor(Executors.newFixedThreadPool(8)).build();
    HttpRequest search = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/search?size=1&q="
        + URLEncoder.encode("疫情", StandardCharsets.UTF_8) + "&collapse=false")).timeout(Duration.ofSeconds(180)).GET().build();
    HttpRequest sniffSearch = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sniffApp.port()
        + "/api/search?size=1&q=" + URLEncoder.encode("疫情", StandardCharsets.UTF_8) + "&collapse=false"))
        .timeout(Duration.ofSeconds(180)).GET().build();
    HttpRequest all = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/search?size=0&collapse=false"))
        .timeout(Duration.ofSeconds(30)).GET().build();
    long matching = total(http.send(search, HttpResponse.BodyHandlers.ofString()).body());
    assertThat(total(http.send(sniffSearch, HttpResponse.BodyHandlers.ofString()).body())).isEqualTo(matching);

    // generous timeouts: this test counts failed searches, not slow ones (three nodes on a shared 2-core
    // machine can take seconds per search); latencies are printed for the report
    List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
    List<CompletableFuture<HttpResponse<String>>> sniffAnswers = new ArrayList<>();
    long[] latencyMillis = new long[300];
    long start = System.nanoTime() + 100_000_000L;
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    try {
      // 10 req/s for 30 s; the first node dies after 5 s
      for (int i = 0; i < 300; i++) {
        CompletableFuture<HttpResponse<String>> answer = new CompletableFuture<>();
        answers.add(answer);
        final int n = i;
        clock.schedule(() -> http.sendAsync(search, HttpResponse.BodyHandlers.ofString())
            .whenComplete((r, e) -> {
              latencyMillis[n] = (System.nanoTime() - start) / 1_000_000 - n * 100L;
              if (e != null) {
                answer.completeExceptionally(e);
              } else {
                answer.complete(r);
              }
            }), start + i * 100_000_000L - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (i % 2 == 1) {
          CompletableFuture<HttpResponse<String>> sniffAnswer = new CompletableFuture<>();
          sniffAnswers.add(sniffAnswer);
          clock.schedule(() -> http.sendAsync(sniffSearch, HttpResponse.BodyHandlers.ofString())
              .whenComplete((r, e) -> {
                if (e != null) {
                  sniffAnswer.completeExceptionally(e);
                } else {
                  sniffAnswer.complete(r);
                }
              }), start + i * 100_000_000L - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
      }
      Node first = cluster.nodes().get(0);
      clock.schedule(() -> LocalCluster.serverOf(first).ifPresent(ProcessHandle::destroyForcibly), 5, TimeUnit.SECONDS);

      int failed = 0;
      int partial = 0;
      List<String> failures = new ArrayList<>();
      for (CompletableFuture<HttpResponse<String>> a : answers) {
        try {
          HttpResponse<String> r = a.get(300, TimeUnit.SECONDS);
          if (r.statusCode() != 200) {
            failed++;
            failures.add(r.statusCode() + " " + r.body());
          } else if (total(r.body()) != matching) {
            partial++;
          }
        } catch (Exception e) {
          failed++;
          failures.add(e.toString());
        }
      }
      List<String> sniffFailures = new ArrayList<>();
      for (CompletableFuture<HttpResponse<String>> a : sniffAnswers) {
        try {
          HttpResponse<String> r = a.get(300, TimeUnit.SECONDS);
          if (r.statusCode() != 200) {
            sniffFailures.add(r.statusCode() + " " + r.body());
          }
        } catch (Exception e) {
          sniffFailures.add(e.toString());
        }
      }
      System.out.printf("failover, API given only the killed node and ES_SNIFF_S=1: %d searches, %d failed%n",
          sniffAnswers.size(), sniffFailures.size());
      long[] sorted = latencyMillis.clone();
      java.util.Arrays.sort(sorted);
      System.out.printf("failover: %d searches, %d failed, %d with fewer hits than %d; latency p50 %d ms, p99 %d ms,"
          + " max %d ms%n", answers.size(), failed, partial, matching, sorted[149], sorted[296], sorted[299]);
      assertThat(LocalCluster.serverOf(first)).as("the first node was killed").isEmpty();
      assertThat(failures).as("searches that failed after the first node in ES_URL died").isEmpty();
      assertThat(sniffFailures).as("searches that failed though the client had sniffed the other nodes").isEmpty();
      assertThat(total(http.send(all, HttpResponse.BodyHandlers.ofString()).body()))
          .as("the two nodes left serve every document").isEqualTo(expected);
    } finally {
      clock.shutdownNow();
      app.stop();
      sniffApp.stop();
    }
  }

  private static long total(String body) throws IOException {
    JsonNode json = JSON.readTree(body);
    return json.path("total").asLong(-1);
  }

  private static int basePort() throws IOException {
    String fixed = System.getenv("IT_CLUSTER_PORT");
    if (fixed != null && !fixed.isBlank()) {
      return Integer.parseInt(fixed.strip());
    }
    for (int attempt = 0; attempt < 100; attempt++) {
      int p;
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        p = s.getLocalPort();
      }
      if (p + 102 >= 65535) {
        continue;
      }
      boolean free = true;
      for (int q : new int[] {p + 1, p + 2, p + 100, p + 101, p + 102}) {
        try (ServerSocket s = new ServerSocket(q, 1, InetAddress.getLoopbackAddress())) {
          // free
        } catch (IOException e) {
          free = false;
        }
      }
      if (free) {
        return p;
      }
    }
    throw new IllegalStateException("no three free ports in a row");
  }
}

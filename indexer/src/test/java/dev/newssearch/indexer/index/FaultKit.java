package dev.newssearch.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newssearch.core.es.EsConfig;
import dev.newssearch.localnode.ClusterSpec;
import dev.newssearch.localnode.LocalCluster;
import dev.newssearch.localnode.Node;
import dev.newssearch.localnode.RepoDirs;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * What the fault-injection ITs share: a node (or three) of their own that they may kill, the indexer
 * CLI as a child JVM they may kill (the shaded jar, run with -Xmx256m like indexer/bin/indexer), bigger
 * corpora made of seed copies, and a few REST probes.
 */
final class FaultKit {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private FaultKit() {}

  /** Fault ITs start and kill nodes of their own; against an external ES_URL they have nothing to kill. */
  static void assumeOwnNodes() {
    String url = System.getenv("ES_URL");
    Assumptions.assumeTrue(url == null || url.isBlank(), "fault injection needs nodes of its own; ES_URL is set");
  }

  /**
   * The port of a fault IT's own node: {@code IT_FAULT_PORT} (default 9640) plus the test's offset, so
   * that two checkouts on one machine can run these tests side by side. Offsets 0 to 7 are in use.
   */
  static int port(int offset) {
    String base = System.getenv("IT_FAULT_PORT");
    return (base == null || base.isBlank() ? 9640 : Integer.parseInt(base.strip())) + offset;
  }

  /** A local cluster on {@code port} (and the next ones for more nodes), data under .es/it-fault-PORT. */
  static final class OwnNode implements AutoCloseable {
    final LocalCluster cluster;

    OwnNode(int port, int nodes) {
      Path esLocalDir = RepoDirs.esLocalDir(System.getProperty("es.local.dir"), Path.of(""));
      cluster = new LocalCluster(ClusterSpec.of(esLocalDir, esLocalDir.resolve("it-fault-" + port),
          "newssearch-fault-" + port, port, "384m", nodes).withStartTimeout(Duration.ofSeconds(600)));
      cluster.start();
    }

    URI url() {
      return cluster.url();
    }

    EsConfig config(String alias) {
      return EsConfig.fromEnv(Map.of()).withUrl(url()).withAlias(alias);
    }

    /** kill -9 of one node's server JVM; returns once it is gone. */
    void kill9(int node) throws IOException {
      Node n = cluster.nodes().get(node);
      long pid = Long.parseLong(Files.readString(n.pidFile()).strip());
      ProcessHandle p = ProcessHandle.of(pid).orElseThrow();
      p.destroyForcibly();
      p.onExit().join();
    }

    void restart() {
      cluster.start();
    }

    @Override
    public void close() {
      cluster.stop();
      try (Stream<Path> all = Files.walk(cluster.spec().clusterDir())) {
        for (Path p : (Iterable<Path>) all.sorted(java.util.Comparator.reverseOrder())::iterator) {
          Files.deleteIfExists(p);
        }
      } catch (IOException | RuntimeException e) {
        // a leftover folder only costs disk; the next start on this port reuses it
      }
    }
  }

  /** The shaded CLI jar, built by `package` before the ITs run. */
  static Path jar() {
    Path jar = Path.of("target", "indexer-all.jar").toAbsolutePath();
    Assumptions.assumeTrue(Files.isRegularFile(jar), "needs " + jar + " (mvn package runs before the ITs)");
    return jar;
  }

  /** The indexer CLI in a child JVM with the launch script's flags, output to files in {@code logDir}. */
  static Process start(Path logDir, String name, Map<String, String> env, List<String> command) throws IOException {
    List<String> cmd = new ArrayList<>(command);
    ProcessBuilder pb = new ProcessBuilder(cmd)
        .redirectOutput(logDir.resolve(name + ".out").toFile())
        .redirectError(logDir.resolve(name + ".err").toFile());
    pb.environment().remove("ES_URL");
    // a node on a saturated machine may take longer than the client's default 30 s to answer a bulk;
    // a dead one refuses at once, so this does not lengthen the time to notice a kill
    pb.environment().put("ES_TIMEOUT_MS", "120000");
    pb.environment().putAll(env);
    return pb.start();
  }

  static List<String> java(String... args) {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-Dfile.encoding=UTF-8", "-jar", jar().toString()));
    cmd.addAll(List.of(args));
    return cmd;
  }

  static String read(Path logDir, String name, String stream) throws IOException {
    return Files.readString(logDir.resolve(name + "." + stream), StandardCharsets.UTF_8);
  }

  /** The seeds copied {@code copies} times with distinct names (hence distinct paragraph ids). */
  static Path copies(Path dir, int copies) throws IOException {
    Path target = Files.createDirectories(dir);
    List<Path> originals;
    try (Stream<Path> files = Files.list(Seeds.original())) {
      originals = files.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    }
    for (int k = 1; k <= copies; k++) {
      for (Path f : originals) {
        Files.copy(f, target.resolve(String.format("c%03d_%s", k, f.getFileName())));
      }
    }
    return target;
  }

  static JsonNode get(URI base, String path) throws IOException, InterruptedException {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body());
  }

  /** Documents indexed so far into the alias's versioned indices (counts before any refresh). */
  static long indexTotal(URI base, String alias) {
    try {
      return get(base, "/" + alias + "-v*/_stats/indexing").path("_all").path("primaries").path("indexing")
          .path("index_total").asLong();
    } catch (IOException | InterruptedException | RuntimeException e) {
      return -1;
    }
  }

  static long count(URI base, String alias) throws IOException, InterruptedException {
    return get(base, "/" + alias + "/_count").path("count").asLong(-1);
  }

  static void waitFor(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
    Instant end = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("waited " + timeout + " for " + what).isBefore(end);
      Thread.sleep(50);
    }
  }
}

package dev.newssearch.indexer.index;

import static dev.newssearch.indexer.index.FaultKit.count;
import static dev.newssearch.indexer.index.FaultKit.indexTotal;
import static dev.newssearch.indexer.index.FaultKit.java;
import static dev.newssearch.indexer.index.FaultKit.read;
import static dev.newssearch.indexer.index.FaultKit.start;
import static dev.newssearch.indexer.index.FaultKit.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newssearch.core.es.BlockingHttpClient;
import dev.newssearch.core.es.EsClients;
import dev.newssearch.localnode.junit.DeliberateFailures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Faults injected into real runs of the indexer CLI (a child JVM at -Xmx256m), each against a node of
 * its own: Elasticsearch killed mid-build, the indexer killed mid-build and mid-update, a node of a
 * three-node cluster lost mid-load. What each fault costs (exit time, counts) is logged as "figure:".
 */
class IndexFaultIT {
  private static final Logger log = LoggerFactory.getLogger(IndexFaultIT.class);
  private static final int COPIES = 30;

  @TempDir Path tmp;

  @BeforeEach
  void ownNodes() {
    FaultKit.assumeOwnNodes();
  }

  private static List<String> index(FaultKit.OwnNode node, Path seeds, String alias, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("index", "--seeds", seeds.toString(), "--es-url",
        node.url().toString(), "--alias", alias, "--no-progress", "--keep", "0"));
    args.addAll(List.of(more));
    return java(args.toArray(String[]::new));
  }

  private int runToEnd(FaultKit.OwnNode node, Path seeds, String alias, String name, String... more)
      throws Exception {
    Process p = start(tmp, name, Map.of(), index(node, seeds, alias, more));
    assertThat(ended(p, tmp, name, Duration.ofMinutes(10))).as(name + " ended").isTrue();
    log.info("{}: exit {}\n{}{}", name, p.exitValue(), read(tmp, name, "out"),
        DeliberateFailures.Quiet.relayed(read(tmp, name, "err")));
    return p.exitValue();
  }

  /** The manifest's paragraph count equals the alias's count, and each id is there once. */
  private static void assertExact(FaultKit.OwnNode node, String alias) throws Exception {
    JsonNode mapping = FaultKit.get(node.url(), "/" + alias + "/_mapping");
    JsonNode files = mapping.elements().next().path("mappings").path("_meta").path("files");
    long expected = 0;
    for (JsonNode f : (Iterable<JsonNode>) files::elements) {
      expected += f.path("paragraphs").asLong();
    }
    assertThat(expected).isPositive();
    assertThat(count(node.url(), alias)).isEqualTo(expected);
  }

  @Test
  @DeliberateFailures(value = "Elasticsearch is killed during a build", loggers = {EsClients.class,
      BlockingHttpClient.class, IndexService.class, BulkLoader.class})
  void elasticsearch_killed_during_a_full_build_ends_the_run_with_exit_3_and_a_rerun_reaches_the_exact_count()
      throws Exception {
    Path seeds = FaultKit.copies(tmp.resolve("seeds"), COPIES);
    try (FaultKit.OwnNode node = new FaultKit.OwnNode(FaultKit.port(0), 1)) {
      String alias = "fault-es-kill";
      Process build = start(tmp, "build", Map.of(), index(node, seeds, alias, "--full"));
      waitFor(() -> indexTotal(node.url(), alias) > 0 || !build.isAlive(), Duration.ofMinutes(5), "the load to start");
      assertThat(build.isAlive()).as("the build was still loading when Elasticsearch was killed").isTrue();

      node.kill9(0);
      Instant killed = Instant.now();
      boolean ended = ended(build, tmp, "build", Duration.ofSeconds(120));
      Duration exitAfter = Duration.between(killed, Instant.now());
      String err = read(tmp, "build", "err");
      log.info("figure: indexer exited {} s after kill -9 of Elasticsearch, exit {}; stderr tail: {}",
          exitAfter.toMillis() / 1000.0, ended ? build.exitValue() : "none", tail(err));
      assertThat(ended).as("the indexer ended after Elasticsearch died").isTrue();
      assertThat(exitAfter).isLessThan(Duration.ofSeconds(60));
      assertThat(build.exitValue()).isEqualTo(3);
      assertThat(err).contains("Elasticsearch at " + node.url());

      node.restart();
      assertThat(runToEnd(node, seeds, alias, "rerun", "--full")).isZero();
      assertExact(node, alias);
    }
  }

  @Test
  void the_indexer_killed_during_a_full_build_and_during_an_update_leaves_nothing_a_rerun_does_not_fix()
      throws Exception {
    Path seeds = FaultKit.copies(tmp.resolve("seeds"), COPIES);
    try (FaultKit.OwnNode node = new FaultKit.OwnNode(FaultKit.port(1), 1)) {
      String alias = "fault-indexer-kill";
      assertThat(runToEnd(node, seeds, alias, "first", "--full")).isZero();
      long first = count(node.url(), alias);

      // killed mid full build: the alias stays on the first index, the rerun prunes the half-built one
      long before = indexTotal(node.url(), alias);
      Process full = start(tmp, "full", Map.of(), index(node, seeds, alias, "--full"));
      waitFor(() -> indexTotal(node.url(), alias) > before || !full.isAlive(), Duration.ofMinutes(5), "the load");
      assertThat(full.isAlive()).isTrue();
      full.destroyForcibly().waitFor();
      assertThat(count(node.url(), alias)).isEqualTo(first);
      assertThat(runToEnd(node, seeds, alias, "full-rerun", "--full")).isZero();
      assertExact(node, alias);

      // killed mid update: every file changed, half sent; the rerun re-sends what the manifest lacks
      try (Stream<Path> files = Files.list(seeds)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          Files.writeString(f, "\n\n本报讯　补记一段新的文字，" + f.getFileName() + "。\n", StandardCharsets.UTF_8,
              java.nio.file.StandardOpenOption.APPEND);
        }
      }
      long mid = indexTotal(node.url(), alias);
      Process update = start(tmp, "update", Map.of(), index(node, seeds, alias));
      waitFor(() -> indexTotal(node.url(), alias) > mid || !update.isAlive(), Duration.ofMinutes(5), "the update");
      assertThat(update.isAlive()).isTrue();
      update.destroyForcibly().waitFor();
      assertThat(runToEnd(node, seeds, alias, "update-rerun")).isZero();
      assertExact(node, alias);
      Process status = start(tmp, "status", Map.of(), java("status", "--seeds", seeds.toString(), "--es-url",
          node.url().toString(), "--alias", alias));
      assertThat(ended(status, tmp, "status", Duration.ofMinutes(5))).as("status ended").isTrue();
      assertThat(status.exitValue()).as(read(tmp, "status", "out")).isZero();
      log.info("figure: after kill -9 of the indexer (full and incremental) the reruns converged to {} paragraphs",
          count(node.url(), alias));
    }
  }

  @Test
  @DeliberateFailures(value = "a node of three is killed during a load", loggers = {EsClients.class,
      BlockingHttpClient.class, IndexService.class, BulkLoader.class})
  void a_three_node_cluster_losing_a_node_mid_load_still_reaches_the_exact_count_or_says_why() throws Exception {
    Path seeds = FaultKit.copies(tmp.resolve("seeds"), COPIES);
    try (FaultKit.OwnNode cluster = new FaultKit.OwnNode(FaultKit.port(5), 3)) {
      String alias = "fault-node-loss";
      Process build = start(tmp, "build", Map.of(), index(cluster, seeds, alias, "--full", "--replicas", "1"));
      waitFor(() -> indexTotal(cluster.url(), alias) > 0 || !build.isAlive(), Duration.ofMinutes(5), "the load");
      assertThat(build.isAlive()).isTrue();
      Instant killed = Instant.now();
      cluster.kill9(2);
      assertThat(ended(build, tmp, "build", Duration.ofMinutes(5))).as("the build ended after the node's loss").isTrue();
      String out = read(tmp, "build", "out");
      String err = read(tmp, "build", "err");
      log.info("figure: node lost mid-load, the build ended {} s later with exit {}: {} {}",
          Duration.between(killed, Instant.now()).toMillis() / 1000.0, build.exitValue(), tail(out), tail(err));
      if (build.exitValue() == 0) {
        assertExact(cluster, alias);
      } else {
        // a clear error, and the alias was never pointed at a partial index
        assertThat(err).containsAnyOf("abandoned", "Elasticsearch at");
        assertThat(FaultKit.get(cluster.url(), "/_alias/" + alias).has("error")
            || FaultKit.get(cluster.url(), "/_alias/" + alias).size() == 0).isTrue();
      }
    }
  }

  /**
   * Waits for an indexer process. One still running at the limit is a hang to diagnose, not only a failure:
   * its threads (jcmd's Thread.print) and the tail of its stderr go to the log, and it is killed, so it does
   * not outlive the test and its nodes.
   */
  private static boolean ended(Process p, Path logDir, String name, Duration limit) throws Exception {
    if (p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      return true;
    }
    log.error("{} still running after {}; its threads:\n{}\nits stderr: {}", name, limit, threads(p),
        tail(read(logDir, name, "err")));
    p.destroyForcibly();
    return false;
  }

  private static String threads(Process p) {
    try {
      Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
          String.valueOf(p.pid()), "Thread.print").redirectErrorStream(true).start();
      String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      jcmd.waitFor(30, TimeUnit.SECONDS);
      return dump;
    } catch (java.io.IOException e) {
      return "(no thread dump: " + e + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "(no thread dump: interrupted)";
    }
  }

  private static String tail(String s) {
    String t = DeliberateFailures.Quiet.relayed(s).strip();
    return t.length() > 600 ? "…" + t.substring(t.length() - 600) : t;
  }
}

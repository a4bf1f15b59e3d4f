package dev.newssearch.localnode.junit;

import dev.newssearch.core.es.EsConfig;
import dev.newssearch.localnode.ClusterSpec;
import dev.newssearch.localnode.LocalCluster;
import dev.newssearch.localnode.RepoDirs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The Elasticsearch that integration tests talk to.
 *
 * <p>If {@code ES_URL} is set, that cluster is used and nothing is started. Otherwise the first call
 * to {@link #config()} starts (once per JVM) a local node on port {@code ES_IT_PORT} (default 9250,
 * so tests never touch a developer's node on 9200) in {@code .es/it-<port>/}, or reuses one already
 * healthy there. {@link TestNodeSessionListener} stops it when the test run ends, only if this JVM
 * started it.
 *
 * <p>To use it in a module: a test dependency on {@code dev.newssearch:local-es}, and a file
 * {@code src/test/resources/META-INF/services/org.junit.platform.launcher.LauncherSessionListener}
 * containing {@code dev.newssearch.localnode.junit.TestNodeSessionListener}. Then in a test:
 *
 * <pre>
 * EsConfig es = TestNode.config();   // url http://127.0.0.1:9250 unless ES_URL is set
 * </pre>
 */
public final class TestNode {

  public static final int DEFAULT_PORT = 9250;

  private static LocalCluster cluster;
  private static EsConfig config;
  private static boolean startedHere;

  private TestNode() {}

  /** Where and how to reach the test cluster, starting it on first use. */
  public static synchronized EsConfig config() {
    if (config == null) {
      Map<String, String> env = System.getenv();
      if (env.get("ES_URL") != null && !env.get("ES_URL").isBlank()) {
        config = EsConfig.fromEnv(env);
      } else {
        int port = port(env.get("ES_IT_PORT"));
        Path esLocalDir = RepoDirs.esLocalDir(System.getProperty("es.local.dir"), Path.of(""));
        LocalCluster local = new LocalCluster(ClusterSpec.of(
            esLocalDir, esLocalDir.resolve("it-" + port), "newssearch-it-" + port, port, "512m", 1));
        forgetLearnedNames(local.configDirs());
        startedHere = local.start() == LocalCluster.StartResult.STARTED;
        cluster = local;
        config = EsConfig.fromEnv(env).withUrl(local.url());
      }
    }
    return config;
  }

  /**
   * Each test JVM starts from IK's own dictionaries: names learned by an earlier run's builds (another
   * module's tests, or yesterday's run in this checkout) would otherwise change how the analyzers cut
   * text in tests that assert tokens. Removed before the node starts: IK loads its dictionaries at start
   * for {@code _analyze} with a named analyzer, and again whenever an index is created.
   */
  private static void forgetLearnedNames(List<Path> configDirs) {
    for (Path dir : configDirs) {
      try {
        java.nio.file.Files.deleteIfExists(dir.resolve("analysis-ik").resolve("learned_names.dic"));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("cannot reset the test node's learned names in " + dir, e);
      }
    }
  }

  /**
   * The local node's config folders (write {@code analysis-ik/learned_names.dic} there); empty when
   * the tests run against an external {@code ES_URL}, whose files we cannot reach.
   */
  public static synchronized List<Path> configDirs() {
    config();
    return cluster == null ? List.of() : cluster.configDirs();
  }

  /** Stops the node if this JVM started it; called by {@link TestNodeSessionListener}. */
  static synchronized void stopIfStartedHere() {
    if (cluster != null && startedHere) {
      cluster.stop();
    }
    cluster = null;
    config = null;
    startedHere = false;
  }

  private static int port(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_PORT;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("ES_IT_PORT must be a port number, got: " + value);
    }
  }
}

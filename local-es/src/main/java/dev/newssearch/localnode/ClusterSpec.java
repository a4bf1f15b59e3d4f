package dev.newssearch.localnode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * What to run: where the unpacked distribution is, where the nodes keep their folders, and how
 * many nodes on which ports. Parsed once at the edge (CLI options, test harness environment).
 *
 * @param esLocalDir the repo's {@code .es} folder; the distribution and plugin zip are in its
 *     {@code dist/} (put there by the local-es build)
 * @param clusterDir where {@code nodes/<name>/{config,data,logs,tmp}} live
 * @param httpPort HTTP port of the first node; further nodes use the next ports
 * @param transportPort transport port of the first node; further nodes use the next ports
 * @param heap JVM heap per node, e.g. {@code 512m}
 * @param nodes 1 (single-node discovery) or more (a real cluster on loopback)
 * @param startTimeout how long a start may take before it is called failed and undone
 */
public record ClusterSpec(
    Path esLocalDir, Path clusterDir, String clusterName, int httpPort, int transportPort, String heap,
    int nodes, Duration startTimeout) {

  public static final String ES_VERSION = "8.19.21";
  /** ~15 s on an idle 2-core machine; a minute when parallel builds share the CPUs. */
  public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(180);
  private static final Pattern HEAP = Pattern.compile("[1-9][0-9]*[kmgKMG]");

  public ClusterSpec {
    if (nodes < 1 || nodes > 9) {
      throw new IllegalArgumentException("--nodes must be between 1 and 9 (3 makes a real cluster), got: " + nodes);
    }
    checkPort("--port", httpPort, nodes);
    checkPort("transport port", transportPort, nodes);
    if (heap == null || !HEAP.matcher(heap).matches()) {
      throw new IllegalArgumentException(
          "--heap must be a JVM size such as 512m or 1g (digits then k, m or g), got: " + heap);
    }
    if (transportPort < httpPort + nodes && httpPort < transportPort + nodes) {
      throw new IllegalArgumentException("HTTP ports " + httpPort + ".. and transport ports "
          + transportPort + ".. overlap");
    }
    if (startTimeout == null || startTimeout.isNegative() || startTimeout.isZero()) {
      throw new IllegalArgumentException("the start timeout must be positive, got: " + startTimeout);
    }
    esLocalDir = esLocalDir.toAbsolutePath().normalize();
    clusterDir = clusterDir.toAbsolutePath().normalize();
  }

  /** The command line's defaults: transport port = HTTP port + 100, as 9200/9300. */
  public static ClusterSpec of(Path esLocalDir, Path clusterDir, String clusterName, int httpPort,
      String heap, int nodes) {
    return new ClusterSpec(esLocalDir, clusterDir, clusterName, httpPort, httpPort + 100, heap, nodes,
        DEFAULT_START_TIMEOUT);
  }

  public ClusterSpec withStartTimeout(Duration timeout) {
    return new ClusterSpec(esLocalDir, clusterDir, clusterName, httpPort, transportPort, heap, nodes, timeout);
  }

  public Path distribution() {
    return esLocalDir.resolve("dist").resolve("elasticsearch-" + ES_VERSION);
  }

  public Path pluginZip() {
    return esLocalDir.resolve("dist").resolve("analysis-ik.zip");
  }

  private static void checkPort(String what, int port, int nodes) {
    if (port < 1024 || port + nodes - 1 > 65535) {
      throw new IllegalArgumentException(what + " must be between 1024 and 65535, got: " + port);
    }
  }
}

package dev.newssearch.localnode;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Elasticsearch: one node or a small cluster on loopback, run from the distribution
 * the build unpacked into {@code .es/dist}, with the analysis-ik plugin installed.
 *
 * <p>Each node runs {@code bin/elasticsearch -d -p node.pid}: the script exits once the node is up
 * (or failed, saying why on its console), and the pid file names the server JVM, which {@link #stop()}
 * ends. Nothing is left running by this class except those server JVMs.
 */
public final class LocalCluster {

  /** How a start ended: a node we launched, or one that was already healthy on the port. */
  public enum StartResult { STARTED, REUSED }

  private static final Logger log = LoggerFactory.getLogger(LocalCluster.class);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final int LOG_TAIL_LINES = 40;

  private final ClusterSpec spec;
  private final HealthProbe probe = new HealthProbe();

  public LocalCluster(ClusterSpec spec) {
    this.spec = spec;
  }

  public ClusterSpec spec() {
    return spec;
  }

  public List<Node> nodes() {
    return IntStream.range(0, spec.nodes())
        .mapToObj(i -> {
          int http = spec.httpPort() + i;
          String name = "es-" + http;
          return new Node(name, http, spec.transportPort() + i, spec.clusterDir().resolve("nodes").resolve(name));
        })
        .toList();
  }

  /** The first node's URL: what {@code ES_URL} should be. */
  public URI url() {
    return nodes().get(0).url();
  }

  /**
   * The config folders of the nodes: write {@code analysis-ik/learned_names.dic} into each, and the
   * next index created uses the new words (no restart).
   */
  public List<Path> configDirs() {
    return nodes().stream().map(Node::config).toList();
  }

  /** Starts the nodes, or reuses them when they already answer healthy on their ports. */
  public StartResult start() {
    List<Node> nodes = nodes();
    if (nodes.stream().allMatch(n -> probe.health(n.url()).atLeastYellow())) {
      // reuse only what this launcher started here: same cluster name and the node's own data folder
      nodes.forEach(this::requireOurs);
      log.info("Elasticsearch already answers on {}; reusing it", url());
      return StartResult.REUSED;
    }
    for (Node node : nodes) {
      if (aliveServer(node).isPresent()) {
        throw new LauncherException("node " + node.name() + " (pid " + aliveServer(node).get().pid()
            + ") is running but not healthy on " + node.url() + "; run `stop` first or look at "
            + node.serverLog(spec.clusterName()));
      }
      checkFree(node.httpPort(), node);
      checkFree(node.transportPort(), node);
    }
    Path bin = spec.distribution().resolve("bin").resolve("elasticsearch");
    if (!Files.isRegularFile(bin)) {
      throw new LauncherException("Elasticsearch is not unpacked at " + spec.distribution()
          + ": build it once with `mvn -pl local-es -am package` (it unpacks the distribution there)");
    }
    makeScriptsExecutable();
    PluginInstaller plugin = new PluginInstaller(spec.pluginZip(), spec.distribution());
    plugin.installIfChanged();
    boolean root = ServiceUser.runningAsRoot();
    if (root) {
      ServiceUser.ensureExists();
    }
    for (Node node : nodes) {
      prepare(node, plugin);
      if (root) {
        ServiceUser.grant(node.dir());
      }
    }

    Instant deadline = Instant.now().plus(spec.startTimeout());
    List<Process> scripts = new ArrayList<>();
    try {
      for (Node node : nodes) {
        scripts.add(launch(node, root));
      }
      for (int i = 0; i < nodes.size(); i++) {
        awaitScript(nodes.get(i), scripts.get(i), deadline);
      }
      awaitHealth(deadline);
    } catch (RuntimeException e) {
      scripts.forEach(LocalCluster::destroyTree);
      stop();
      throw e;
    }
    log.info("Elasticsearch {} up on {} ({} node(s))", ClusterSpec.ES_VERSION, url(), nodes.size());
    return StartResult.STARTED;
  }

  /** Stops the server JVMs named by this cluster's pid files, waiting, then forcing. */
  public void stop() {
    stop(existingNodes());
  }

  /**
   * Stops only the node or cluster that was started with {@code --port port} (the cluster's first
   * HTTP port, or any one node's own port), leaving every other node under the folder running.
   *
   * @return the nodes whose folders matched (stopped, or already not running)
   */
  public List<Node> stop(int port) {
    List<Node> matching = existingNodes(port);
    stop(matching);
    return matching;
  }

  /** Node folders of the node or cluster started with {@code --port port}, or holding that port. */
  public List<Node> existingNodes(int port) {
    List<Node> all = existingNodes();
    Integer cluster = all.stream().filter(n -> n.httpPort() == port).map(this::clusterPort).findFirst().orElse(port);
    return all.stream().filter(n -> clusterPort(n) == cluster).toList();
  }

  private void stop(List<Node> nodes) {
    for (Node node : nodes) {
      Optional<ProcessHandle> server = aliveServer(node);
      server.ifPresent(p -> {
        log.info("stopping {} (pid {})", node.name(), p.pid());
        p.destroy();
        if (!awaitExit(p, STOP_TIMEOUT)) {
          log.warn("{} (pid {}) did not stop within {}s; killing it", node.name(), p.pid(),
              STOP_TIMEOUT.toSeconds());
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly();
          awaitExit(p, Duration.ofSeconds(10));
        }
      });
      try {
        Files.deleteIfExists(node.pidFile());
      } catch (IOException e) {
        throw new LauncherException("cannot remove " + node.pidFile() + ": " + e, e);
      }
    }
  }

  /** One line per node folder found: name, pid, URL, up or down with cluster, version and health. */
  public List<String> status() {
    return status(existingNodes());
  }

  /** Whether each node is up: {@code up} needs an Elasticsearch answer and health green or yellow. */
  public List<String> status(List<Node> nodes) {
    List<String> lines = new ArrayList<>();
    for (Node node : nodes) {
      Optional<ProcessHandle> server = aliveServer(node);
      lines.add(String.format("%-10s %-10s %s", node.name(), server.map(p -> "pid " + p.pid()).orElse("stopped"),
          describe(node.url())));
    }
    return lines;
  }

  /** "up"/"down" for what answers on a URL, with its cluster name, version and health. */
  public String describe(URI url) {
    HealthProbe.Health health = probe.health(url);
    if (health.status() == null) {
      return url + " down (" + health.problem() + ")";
    }
    HealthProbe.Identity id = probe.identity(url);
    return url + (health.atLeastYellow() ? " up" : " down") + ": cluster " + health.clusterName()
        + ", Elasticsearch " + (id.answered() ? id.version() : "?") + ", health " + health.status()
        + ", " + health.nodes() + " node(s)";
  }

  /** Whether what answers on the URL is up: an Elasticsearch health answer, green or yellow. */
  public boolean up(URI url) {
    return probe.health(url).atLeastYellow();
  }

  /**
   * Refuses a node on our port that this launcher did not start here: another checkout's node, a
   * stranger's cluster, an old node of the same name with another data folder. Indexing into it
   * would write someone else's data, or ours into theirs.
   */
  private void requireOurs(Node node) {
    HealthProbe.Identity id = probe.identity(node.url());
    boolean sameName = spec.clusterName().equals(id.clusterName());
    boolean sameData = id.dataPaths().stream()
        .anyMatch(p -> Path.of(p).toAbsolutePath().normalize().equals(node.data().toAbsolutePath().normalize()));
    if (!sameName || !sameData) {
      throw new LauncherException("port " + node.httpPort() + " is held by Elasticsearch "
          + (id.answered() ? id.version() : "(version unknown: " + id.problem() + ")") + " of cluster '"
          + id.clusterName() + "' with data in " + id.dataPaths() + ", not the node local-es starts there (cluster '"
          + spec.clusterName() + "', data in " + node.data() + "); refusing to use it: stop that node, or "
          + "choose another --port");
    }
  }

  private int clusterPort(Node node) {
    Properties p = new Properties();
    try (var in = Files.newBufferedReader(node.dir().resolve("node.properties"))) {
      p.load(in);
    } catch (IOException e) {
      return node.httpPort();
    }
    return Integer.parseInt(p.getProperty("cluster.port", String.valueOf(node.httpPort())));
  }

  /** Whether a server JVM started by this cluster still runs. */
  public boolean anyAlive() {
    return existingNodes().stream().anyMatch(n -> aliveServer(n).isPresent());
  }

  /** Node folders on disk (any ports), so that stop/status find what an earlier start made. */
  List<Node> existingNodes() {
    Path nodesDir = spec.clusterDir().resolve("nodes");
    if (!Files.isDirectory(nodesDir)) {
      return List.of();
    }
    List<Node> found = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(nodesDir)) {
      for (Path dir : dirs) {
        Properties p = new Properties();
        Path props = dir.resolve("node.properties");
        if (Files.isRegularFile(props)) {
          try (var in = Files.newBufferedReader(props)) {
            p.load(in);
          }
          found.add(new Node(dir.getFileName().toString(), Integer.parseInt(p.getProperty("http.port")),
              Integer.parseInt(p.getProperty("transport.port")), dir));
        }
      }
    } catch (IOException e) {
      throw new LauncherException("cannot list " + nodesDir + ": " + e, e);
    }
    found.sort((a, b) -> a.name().compareTo(b.name()));
    return found;
  }

  private void checkFree(int port, Node node) {
    if (HealthProbe.portTaken(port)) {
      HealthProbe.Health health = probe.health(URI.create("http://127.0.0.1:" + port));
      HealthProbe.Identity id = health.status() != null
          ? probe.identity(URI.create("http://127.0.0.1:" + port)) : null;
      throw new LauncherException("port " + port + " (for " + node.name() + ") is already in use by "
          + (health.status() != null
              ? "an Elasticsearch node of cluster '" + health.clusterName() + "' (health " + health.status()
                  + (id != null && !id.dataPaths().isEmpty() ? ", data in " + id.dataPaths() : "") + ")"
                  + ", not one local-es started under " + spec.clusterDir()
              : "another process")
          + "; stop it or choose other ports with --port");
    }
  }

  private void prepare(Node node, PluginInstaller plugin) {
    try {
      for (Path dir : List.of(node.config(), node.data(), node.logs(), node.tmp())) {
        Files.createDirectories(dir);
      }
      copyDistributionConfig(node.config());
      Files.writeString(node.config().resolve("elasticsearch.yml"), elasticsearchYml(node));
      Path jvmOptions = node.config().resolve("jvm.options.d");
      Files.createDirectories(jvmOptions);
      Files.writeString(jvmOptions.resolve("heap.options"),
          "# written by local-es on every start\n-Xms" + spec.heap() + "\n-Xmx" + spec.heap() + "\n");
      plugin.copyConfig(node.config());
      Files.writeString(node.dir().resolve("node.properties"),
          "http.port=" + node.httpPort() + "\ntransport.port=" + node.transportPort()
              + "\ncluster.port=" + spec.httpPort() + "\ncluster.name=" + spec.clusterName() + "\n");
      Files.deleteIfExists(node.pidFile());
    } catch (IOException e) {
      throw new LauncherException("cannot prepare " + node.dir() + ": " + e, e);
    }
  }

  /** The distribution's config (jvm.options, log4j2 …); our elasticsearch.yml is written after. */
  private void copyDistributionConfig(Path target) throws IOException {
    Path source = spec.distribution().resolve("config");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path to = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(to);
        } else {
          Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  String elasticsearchYml(Node node) {
    StringBuilder yml = new StringBuilder("# written by local-es on every start; edits are lost\n")
        .append("cluster.name: ").append(spec.clusterName()).append('\n')
        .append("node.name: ").append(node.name()).append('\n')
        .append("path.data: ").append(node.data()).append('\n')
        .append("path.logs: ").append(node.logs()).append('\n')
        .append("network.host: 127.0.0.1\n")
        .append("http.port: ").append(node.httpPort()).append('\n')
        .append("transport.port: ").append(node.transportPort()).append('\n')
        // a development node: no TLS/users, and a nearly full laptop disk must not block writes
        .append("xpack.security.enabled: false\n")
        .append("cluster.routing.allocation.disk.threshold_enabled: false\n")
        .append("action.destructive_requires_name: false\n");
    if (spec.nodes() == 1) {
      yml.append("discovery.type: single-node\n");
    } else {
      List<Node> all = nodes();
      yml.append("discovery.seed_hosts: [")
          .append(all.stream().map(n -> "\"127.0.0.1:" + n.transportPort() + "\"").collect(Collectors.joining(", ")))
          .append("]\n")
          .append("cluster.initial_master_nodes: [")
          .append(all.stream().map(n -> "\"" + n.name() + "\"").collect(Collectors.joining(", ")))
          .append("]\n");
    }
    return yml.toString();
  }

  private Process launch(Node node, boolean root) {
    List<String> command = new ArrayList<>(List.of("env",
        "ES_JAVA_HOME=" + System.getProperty("java.home"),
        "ES_PATH_CONF=" + node.config(),
        "ES_TMPDIR=" + node.tmp(),
        "CLI_JAVA_OPTS=-Djava.io.tmpdir=" + node.tmp(),
        spec.distribution().resolve("bin").resolve("elasticsearch").toString(),
        "-d", "-p", node.pidFile().toString()));
    if (root) {
      command = ServiceUser.asUser(command);
    }
    try {
      log.info("starting {} on {}", node.name(), node.url());
      return new ProcessBuilder(command)
          .directory(node.dir().toFile())
          .redirectErrorStream(true)
          .redirectOutput(node.console().toFile())
          .start();
    } catch (IOException e) {
      throw new LauncherException("cannot run " + command + ": " + e, e);
    }
  }

  private void awaitScript(Node node, Process script, Instant deadline) {
    try {
      long millis = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
      if (!script.waitFor(millis, TimeUnit.MILLISECONDS)) {
        throw failure(node, "did not finish starting within " + spec.startTimeout().toSeconds() + "s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(node, "start interrupted");
    }
    if (script.exitValue() != 0) {
      throw failure(node, "bin/elasticsearch exited with code " + script.exitValue());
    }
  }

  private void awaitHealth(Instant deadline) {
    HealthProbe.Health last = null;
    while (Instant.now().isBefore(deadline)) {
      last = probe.health(url());
      if (last.atLeastYellow() && last.nodes() >= spec.nodes()) {
        return;
      }
      for (Node node : nodes()) {
        if (aliveServer(node).isEmpty()) {
          throw failure(node, "the node process ended during startup");
        }
      }
      sleep(Duration.ofMillis(500));
    }
    throw failure(nodes().get(0), "cluster not yellow with " + spec.nodes() + " node(s) after "
        + spec.startTimeout().toSeconds() + "s (last answer: "
        + (last == null ? "none" : last.status() + ", " + last.nodes() + " node(s), " + last.problem()) + ")");
  }

  private LauncherException failure(Node node, String what) {
    return new LauncherException("Elasticsearch node " + node.name() + " on port " + node.httpPort()
        + " failed to start: " + what
        + "\n--- console (" + node.console() + ") ---\n" + tail(node.console())
        + "\n--- log (" + node.serverLog(spec.clusterName()) + ") ---\n" + tail(node.serverLog(spec.clusterName())));
  }

  /** The running server JVM of a node this launcher started (fault-injection tests kill it). */
  public static Optional<ProcessHandle> serverOf(Node node) {
    return aliveServer(node);
  }

  /** The server JVM from the pid file, if it is alive and really an Elasticsearch server. */
  static Optional<ProcessHandle> aliveServer(Node node) {
    try {
      if (!Files.isRegularFile(node.pidFile())) {
        return Optional.empty();
      }
      long pid = Long.parseLong(Files.readString(node.pidFile()).strip());
      // a stale pid file may name a recycled pid: only a JVM running Elasticsearch counts
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
          .filter(p -> p.info().commandLine().map(c -> c.contains("org.elasticsearch")).orElse(true));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private void makeScriptsExecutable() {
    // plexus-archiver keeps the zip's unix modes today; this guards against an unpacker that does not
    try (Stream<Path> scripts = Files.list(spec.distribution().resolve("bin"))) {
      for (Path script : scripts.toList()) {
        if (!script.toString().endsWith(".bat") && !script.toString().endsWith(".exe") && !Files.isExecutable(script)) {
          script.toFile().setExecutable(true, false);
        }
      }
    } catch (IOException e) {
      throw new LauncherException("cannot make " + spec.distribution().resolve("bin") + " executable: " + e, e);
    }
  }

  private static void destroyTree(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private static boolean awaitExit(ProcessHandle p, Duration timeout) {
    try {
      p.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return false;
    } catch (java.util.concurrent.ExecutionException e) {
      return !p.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !p.isAlive();
    }
  }

  private static String tail(Path file) {
    if (!Files.isRegularFile(file)) {
      return "(no file)";
    }
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LauncherException("interrupted while waiting for Elasticsearch", e);
    }
  }
}

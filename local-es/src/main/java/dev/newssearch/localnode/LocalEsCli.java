package dev.newssearch.localnode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar local-es/target/local-es-all.jar start|stop|status}: the embedded Elasticsearch.
 *
 * <pre>
 * java -jar local-es/target/local-es-all.jar start                 # one node, http://127.0.0.1:9200
 * java -jar local-es/target/local-es-all.jar start --nodes 3       # 9200-9202, transport 9300-9302
 * java -jar local-es/target/local-es-all.jar status [--port 9200]   # up/down, cluster, version, health
 * java -jar local-es/target/local-es-all.jar stop [--port 9200]     # only the node/cluster started on 9200
 * </pre>
 */
@Command(name = "local-es", mixinStandardHelpOptions = true,
    description = "Runs Elasticsearch " + ClusterSpec.ES_VERSION + " with the IK plugin on loopback.",
    subcommands = {LocalEsCli.Start.class, LocalEsCli.Stop.class, LocalEsCli.Status.class})
public final class LocalEsCli {

  static final String CLUSTER_NAME = "newssearch-local";

  public static void main(String[] args) {
    // before the first logger: the library jar must not ship a logback.xml of its own
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "local-es-cli-logback.xml");
    }
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new LocalEsCli());
    cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
      if (e instanceof LauncherException || e instanceof IllegalArgumentException) {
        commandLine.getErr().println("local-es: " + e.getMessage());
        return 1;
      }
      throw e;
    });
    return cli;
  }

  static class HomeOption {
    @Option(names = "--home", paramLabel = "DIR",
        description = "The .es folder (default: .es of the checkout, found via mvnw)")
    Path home;

    Path resolve() {
      return home != null ? home : RepoDirs.esLocalDir(System.getProperty("es.local.dir"), Path.of(""));
    }
  }

  @Command(name = "start", description = "Start the node(s) and wait until the cluster is at least yellow.")
  static final class Start implements Callable<Integer> {
    @CommandLine.Mixin HomeOption home = new HomeOption();

    @Option(names = "--port", defaultValue = "9200", description = "HTTP port of the first node (default ${DEFAULT-VALUE}); transport = port + 100")
    int port;

    @Option(names = "--heap", defaultValue = "512m", description = "Heap per node (default ${DEFAULT-VALUE})")
    String heap;

    @Option(names = "--nodes", defaultValue = "1", description = "1 or 3 (default ${DEFAULT-VALUE})")
    int nodes;

    @Option(names = "--timeout", defaultValue = "180", paramLabel = "SECONDS",
        description = "Give up (and stop what was started) after this long (default ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Override
    public Integer call() {
      Path dir = home.resolve();
      LocalCluster cluster = new LocalCluster(ClusterSpec.of(dir, dir, CLUSTER_NAME, port, heap, nodes)
          .withStartTimeout(Duration.ofSeconds(timeoutSeconds)));
      LocalCluster.StartResult result = cluster.start();
      System.out.println((result == LocalCluster.StartResult.STARTED ? "started" : "already running")
          + ": " + cluster.url());
      cluster.status().forEach(System.out::println);
      System.out.println("config dirs (put analysis-ik/learned_names.dic here): " + cluster.configDirs());
      return 0;
    }
  }

  @Command(name = "stop", description = "Stop the node(s) this launcher started under --home: all of them, "
      + "or with --port only the node or cluster started with that --port.")
  static final class Stop implements Callable<Integer> {
    @CommandLine.Mixin HomeOption home = new HomeOption();

    @Option(names = "--port", paramLabel = "PORT",
        description = "Stop only the node or cluster started with this --port (default: every node under --home)")
    Integer port;

    @Override
    public Integer call() {
      LocalCluster cluster = any(home.resolve());
      if (port == null) {
        cluster.stop();
        System.out.println(cluster.anyAlive() ? "some nodes are still running" : "stopped");
        return cluster.anyAlive() ? 1 : 0;
      }
      List<Node> stopped = cluster.stop(port);
      if (stopped.isEmpty()) {
        System.out.println("no node started by local-es on port " + port + " under " + home.resolve().resolve("nodes")
            + "; nothing stopped");
        return 1;
      }
      boolean alive = stopped.stream().anyMatch(n -> LocalCluster.aliveServer(n).isPresent());
      System.out.println((alive ? "still running: " : "stopped: ")
          + stopped.stream().map(Node::name).collect(java.util.stream.Collectors.joining(", ")));
      return alive ? 1 : 0;
    }
  }

  @Command(name = "status", description = "Is it up? One line per node: up or down, cluster name, "
      + "Elasticsearch version, health. Exit 0 when every node shown is up, 3 otherwise.")
  static final class Status implements Callable<Integer> {
    @CommandLine.Mixin HomeOption home = new HomeOption();

    @Option(names = "--port", paramLabel = "PORT",
        description = "Only the node or cluster on this port (also one local-es did not start)")
    Integer port;

    @Override
    public Integer call() {
      LocalCluster cluster = any(home.resolve());
      List<Node> nodes = port == null ? cluster.existingNodes() : cluster.existingNodes(port);
      if (nodes.isEmpty()) {
        if (port != null) {
          java.net.URI url = java.net.URI.create("http://127.0.0.1:" + port);
          System.out.println(cluster.describe(url) + "   (not started by local-es under " + home.resolve() + ")");
          return cluster.up(url) ? 0 : 3;
        }
        System.out.println("no nodes under " + home.resolve().resolve("nodes") + ": down");
        return 3;
      }
      cluster.status(nodes).forEach(System.out::println);
      return nodes.stream().allMatch(n -> cluster.up(n.url())) ? 0 : 3;
    }
  }

  /** stop and status work on whatever node folders exist, whatever ports they were started with. */
  private static LocalCluster any(Path dir) {
    return new LocalCluster(ClusterSpec.of(dir, dir, CLUSTER_NAME, 9200, "512m", 1));
  }
}

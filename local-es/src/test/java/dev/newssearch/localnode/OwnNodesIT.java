package dev.newssearch.localnode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * local-es minds its own: two nodes under one folder, {@code stop --port} ends one of them, and a
 * start whose port is held by a node of the same name but another data folder refuses to reuse it.
 * Ports: {@code IT_NODE_PORT} and the one after it (transport +100), else ports the OS gives us.
 */
class OwnNodesIT {
  private static final String NAME = "newssearch-own-it";
  private LocalCluster first;
  private LocalCluster second;
  private Path home;

  @AfterEach
  void stopAll() throws IOException {
    for (LocalCluster c : new LocalCluster[] {first, second}) {
      if (c != null) {
        c.stop();
      }
    }
    if (home != null) {
      PluginInstaller.deleteRecursively(home);
    }
  }

  @Test
  void stop_with_a_port_stops_only_that_node_and_start_refuses_a_node_it_did_not_start_there() throws Exception {
    Path esLocalDir = RepoDirs.esLocalDir(System.getProperty("es.local.dir"), Path.of(""));
    int a = basePort();
    int b = a + 1;
    home = esLocalDir.resolve("it-own-" + a);
    first = new LocalCluster(spec(esLocalDir, home, a));
    second = new LocalCluster(spec(esLocalDir, home, b));
    assertThat(first.start()).isEqualTo(LocalCluster.StartResult.STARTED);
    assertThat(second.start()).isEqualTo(LocalCluster.StartResult.STARTED);

    // same cluster name, same port, but another folder: not the node this launcher started there
    LocalCluster stranger = new LocalCluster(spec(esLocalDir, esLocalDir.resolve("it-own-other-" + a), a));
    assertThatThrownBy(stranger::start).isInstanceOf(LauncherException.class)
        .hasMessageContaining("port " + a).hasMessageContaining("refusing")
        .hasMessageContaining(first.nodes().get(0).data().toString());
    assertThat(first.start()).as("its own node is reused").isEqualTo(LocalCluster.StartResult.REUSED);

    Cli up = cli("status", "--home", home.toString(), "--port", String.valueOf(a));
    assertThat(up.exit).isZero();
    assertThat(up.out).contains("up: cluster " + NAME).contains("Elasticsearch " + ClusterSpec.ES_VERSION)
        .contains("health green");

    Cli stop = cli("stop", "--home", home.toString(), "--port", String.valueOf(b));
    assertThat(stop.exit).as(stop.out).isZero();
    assertThat(stop.out).contains("stopped: es-" + b);
    assertThat(LocalCluster.aliveServer(second.nodes().get(0))).as("the node on --port").isEmpty();
    assertThat(LocalCluster.aliveServer(first.nodes().get(0))).as("the other node under the same folder").isPresent();

    Cli down = cli("status", "--home", home.toString(), "--port", String.valueOf(b));
    assertThat(down.exit).isEqualTo(3);
    assertThat(down.out).contains("down");
    assertThat(cli("stop", "--home", home.toString(), "--port", String.valueOf(b + 5)).exit)
        .as("no node of ours on that port").isEqualTo(1);
  }

  private static ClusterSpec spec(Path esLocalDir, Path dir, int port) {
    return new ClusterSpec(esLocalDir, dir, NAME, port, port + 100, "256m", 1, Duration.ofSeconds(300));
  }

  private record Cli(int exit, String out) {}

  private static synchronized Cli cli(String... args) {
    PrintStream saved = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      int exit = LocalEsCli.commandLine().execute(args);
      return new Cli(exit, buffer.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(saved);
    }
  }

  private static int basePort() throws IOException {
    String fixed = System.getenv("IT_NODE_PORT");
    if (fixed != null && !fixed.isBlank()) {
      return Integer.parseInt(fixed.strip());
    }
    for (int attempt = 0; attempt < 50; attempt++) {
      int p;
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        p = s.getLocalPort();
      }
      if (p + 101 < 65535 && !HealthProbe.portTaken(p + 1) && !HealthProbe.portTaken(p + 100)
          && !HealthProbe.portTaken(p + 101)) {
        return p;
      }
    }
    throw new IllegalStateException("no free pair of ports");
  }
}

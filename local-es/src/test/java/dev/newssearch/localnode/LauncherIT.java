package dev.newssearch.localnode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The launcher against real processes, on ports the OS gives us (never the shared 92xx ones). */
class LauncherIT {

  private LocalCluster cluster;

  private LocalCluster cluster(String heap) throws IOException {
    Path esLocalDir = RepoDirs.esLocalDir(System.getProperty("es.local.dir"), Path.of(""));
    int http = freePort();
    int transport = freePort();
    cluster = new LocalCluster(new ClusterSpec(esLocalDir, esLocalDir.resolve("it-launcher-" + http),
        "newssearch-launcher-it", http, transport, heap, 1, ClusterSpec.DEFAULT_START_TIMEOUT));
    return cluster;
  }

  @AfterEach
  void stop() throws IOException {
    if (cluster != null) {
      cluster.stop();
      // random ports give every run a new folder; keep .es tidy
      PluginInstaller.deleteRecursively(cluster.spec().clusterDir());
    }
  }

  @Test
  void starting_twice_reuses_the_node_and_stop_leaves_no_process_behind() throws IOException {
    LocalCluster local = cluster("512m");
    assertThat(local.start()).isEqualTo(LocalCluster.StartResult.STARTED);
    Node node = local.nodes().get(0);
    ProcessHandle server = LocalCluster.aliveServer(node).orElseThrow();

    assertThat(local.start()).isEqualTo(LocalCluster.StartResult.REUSED);
    assertThat(LocalCluster.aliveServer(node)).map(ProcessHandle::pid).contains(server.pid());
    assertThat(ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().orElse("").contains("org.elasticsearch.server"))
        .filter(p -> p.info().commandLine().orElse("").contains(node.tmp().toString())
            || server.pid() == p.pid()))
        .hasSize(1);
    assertThat(local.status()).singleElement().asString().contains("health green");

    local.stop();
    assertThat(server.isAlive()).isFalse();
    assertThat(server.descendants()).isEmpty();
    assertThat(local.anyAlive()).isFalse();
    assertThat(HealthProbe.portTaken(node.httpPort())).isFalse();
  }

  @Test
  void a_port_held_by_another_process_fails_the_start_with_the_port_in_the_message() throws IOException {
    LocalCluster local = cluster("512m");
    int port = local.nodes().get(0).httpPort();
    try (ServerSocket squatter = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(local::start)
          .isInstanceOf(LauncherException.class)
          .hasMessageContaining("port " + port)
          .hasMessageContaining("already in use by another process");
    }
    assertThat(local.anyAlive()).isFalse();
  }

  @Test
  void a_heap_the_jvm_refuses_fails_with_the_jvm_reason_and_leaves_nothing_running() throws IOException {
    LocalCluster local = cluster("1m");
    assertThatThrownBy(local::start)
        .isInstanceOf(LauncherException.class)
        .hasMessageContaining("failed to start")
        .hasMessageContaining("Too small maximum heap");
    assertThat(local.anyAlive()).isFalse();
    Optional<ProcessHandle> leftover = ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().orElse("").contains(local.nodes().get(0).dir().toString()))
        .findAny();
    assertThat(leftover).isEmpty();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}

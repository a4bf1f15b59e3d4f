package dev.newssearch.localnode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The launcher's multi-node mode: three nodes on loopback form one cluster that places replicas. */
class MultiNodeIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private LocalCluster cluster;

  @AfterEach
  void stop() throws IOException {
    if (cluster != null) {
      cluster.stop();
      PluginInstaller.deleteRecursively(cluster.spec().clusterDir());
    }
  }

  @Test
  void three_local_nodes_form_one_cluster_that_allocates_replicas_and_analyzes_with_ik_on_every_node()
      throws Exception {
    Path esLocalDir = RepoDirs.esLocalDir(System.getProperty("es.local.dir"), Path.of(""));
    int httpPort = freeRange(19400 + (int) (ProcessHandle.current().pid() % 500) * 4, 3);
    int transportPort = freeRange(httpPort + 3, 3);
    cluster = new LocalCluster(new ClusterSpec(esLocalDir, esLocalDir.resolve("it-multi-" + httpPort),
        "newssearch-multi-it", httpPort, transportPort, "384m", 3, Duration.ofSeconds(300)));

    assertThat(cluster.start()).isEqualTo(LocalCluster.StartResult.STARTED);
    assertThat(cluster.nodes()).hasSize(3);

    JsonNode health = get(httpPort, "/_cluster/health");
    assertThat(health.path("number_of_nodes").asInt()).isEqualTo(3);

    send(httpPort, "PUT", "/replicated",
        "{\"settings\":{\"number_of_shards\":3,\"number_of_replicas\":1},"
            + "\"mappings\":{\"properties\":{\"text\":{\"type\":\"text\",\"analyzer\":\"ik_max_word\"}}}}");
    JsonNode green = get(httpPort, "/_cluster/health/replicated?wait_for_status=green&timeout=120s");
    assertThat(green.path("status").asText()).isEqualTo("green");
    assertThat(green.path("active_shards").asInt()).isEqualTo(6);

    // primaries and replicas spread over more than one node
    Set<String> nodesHoldingShards = new HashSet<>();
    for (JsonNode shard : get(httpPort, "/_cat/shards/replicated?format=json")) {
      nodesHoldingShards.add(shard.path("node").asText());
    }
    assertThat(nodesHoldingShards).hasSizeGreaterThan(1);

    // every node has the plugin: _analyze answered by each one's own HTTP port
    for (int port = httpPort; port < httpPort + 3; port++) {
      JsonNode tokens = send(port, "POST", "/_analyze",
          "{\"analyzer\":\"ik_max_word\",\"text\":\"脱贫攻坚\"}").path("tokens");
      assertThat(tokens.findValuesAsText("token")).as("node on port " + port).contains("脱贫攻坚");
    }

    cluster.stop();
    assertThat(cluster.anyAlive()).isFalse();
    for (int port = httpPort; port < httpPort + 3; port++) {
      assertThat(HealthProbe.portTaken(port)).as("port " + port + " after stop").isFalse();
    }
  }

  private JsonNode get(int port, String path) throws IOException, InterruptedException {
    return send(port, "GET", path, null);
  }

  private JsonNode send(int port, String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(150))
        .header("Content-Type", "application/json");
    request.method(method, body == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** The first of {@code count} consecutive free loopback ports, outside the 92xx/93xx ones people use. */
  private static int freeRange(int from, int count) {
    for (int start = from; start < 29000; start += count) {
      if (allFree(start, count)) {
        return start;
      }
    }
    throw new IllegalStateException("no " + count + " consecutive free ports");
  }

  private static boolean allFree(int start, int count) {
    for (int port = start; port < start + count; port++) {
      try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        // free
      } catch (IOException taken) {
        return false;
      }
    }
    return true;
  }
}

package dev.newssearch.localnode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterSpecTest {

  @Test
  void a_heap_without_unit_is_refused_with_an_example_of_a_good_one() {
    assertThatThrownBy(() -> ClusterSpec.of(Path.of(".es"), Path.of(".es"), "c", 9200, "512", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--heap must be a JVM size such as 512m");
  }

  @Test
  void transport_ports_follow_http_ports_by_one_hundred() {
    ClusterSpec spec = ClusterSpec.of(Path.of(".es"), Path.of(".es"), "c", 9200, "512m", 3);
    assertThat(new LocalCluster(spec).nodes())
        .extracting(Node::name, Node::httpPort, Node::transportPort)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("es-9200", 9200, 9300),
            org.assertj.core.groups.Tuple.tuple("es-9201", 9201, 9301),
            org.assertj.core.groups.Tuple.tuple("es-9202", 9202, 9302));
  }

  @Test
  void three_nodes_discover_each_other_on_loopback_instead_of_single_node() {
    ClusterSpec spec = ClusterSpec.of(Path.of("/r/.es"), Path.of("/r/.es"), "c", 9200, "512m", 3);
    LocalCluster cluster = new LocalCluster(spec);
    String yml = cluster.elasticsearchYml(cluster.nodes().get(1));
    assertThat(yml)
        .contains("node.name: es-9201", "http.port: 9201", "transport.port: 9301", "network.host: 127.0.0.1")
        .contains("discovery.seed_hosts: [\"127.0.0.1:9300\", \"127.0.0.1:9301\", \"127.0.0.1:9302\"]")
        .contains("cluster.initial_master_nodes: [\"es-9200\", \"es-9201\", \"es-9202\"]")
        .doesNotContain("single-node");
    String single = new LocalCluster(ClusterSpec.of(Path.of("/r/.es"), Path.of("/r/.es"), "c", 9250, "512m", 1))
        .elasticsearchYml(new LocalCluster(ClusterSpec.of(Path.of("/r/.es"), Path.of("/r/.es"), "c", 9250, "512m", 1)).nodes().get(0));
    assertThat(single).contains("discovery.type: single-node", "xpack.security.enabled: false");
  }

  @Test
  void the_repo_is_found_by_walking_up_to_mvnw(@TempDir Path repo) throws Exception {
    Files.createFile(repo.resolve("mvnw"));
    Path module = Files.createDirectories(repo.resolve("indexer/src"));
    assertThat(RepoDirs.esLocalDir(null, module)).isEqualTo(repo.toAbsolutePath().resolve(".es"));
    assertThat(RepoDirs.esLocalDir("/elsewhere/.es", module)).isEqualTo(Path.of("/elsewhere/.es"));
  }
}

package dev.newssearch.core.es;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.http.HttpHost;
import org.elasticsearch.client.Node;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a client's node list equal to the cluster's HTTP nodes: every interval it asks
 * {@code GET /_nodes/http} (through the client, so any live node answers) and hands the publish
 * addresses to {@link RestClient#setNodes}. A failed look-up keeps the list it has. Written here because
 * the official {@code elasticsearch-rest-client-sniffer} is not served from this build's repository;
 * it does the same with the same calls, minus the on-failure trigger (the client's own retry on the
 * next node covers a node that dies between two look-ups).
 */
public final class NodeSniffer {
  private static final Logger log = LoggerFactory.getLogger(NodeSniffer.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private NodeSniffer() {}

  /** Starts sniffing for this client; the daemon thread ends by itself once the client is closed. */
  public static void start(RestClient client, String scheme, long intervalMillis) {
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "es-sniffer");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(() -> {
      if (!client.isRunning()) {
        timer.shutdown();
        return;
      }
      try {
        List<Node> nodes = sniff(client, scheme);
        if (!nodes.isEmpty() && !sameHosts(nodes, client.getNodes())) {
          log.info("Elasticsearch nodes now {}", nodes.stream().map(n -> n.getHost().toURI()).toList());
          client.setNodes(nodes);
        }
      } catch (IOException | RuntimeException e) {
        log.debug("node look-up failed, keeping {} nodes: {}", client.getNodes().size(), e.toString());
      }
    }, 0, intervalMillis, TimeUnit.MILLISECONDS);
  }

  static List<Node> sniff(RestClient client, String scheme) throws IOException {
    Request request = new Request("GET", "/_nodes/http");
    request.addParameter("filter_path", "nodes.*.http.publish_address");
    try (InputStream body = client.performRequest(request).getEntity().getContent()) {
      return nodes(JSON.readTree(body), scheme);
    }
  }

  /** The HTTP publish addresses of a {@code _nodes/http} answer: {@code ip:port} or {@code host/ip:port}. */
  static List<Node> nodes(JsonNode answer, String scheme) {
    List<Node> nodes = new ArrayList<>();
    answer.path("nodes").forEach(n -> {
      String address = n.path("http").path("publish_address").asText("");
      int slash = address.lastIndexOf('/');
      String hostPort = slash >= 0 ? address.substring(slash + 1) : address;
      int colon = hostPort.lastIndexOf(':');
      if (colon > 0) {
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
          host = host.substring(1, host.length() - 1);
        }
        nodes.add(new Node(new HttpHost(host, Integer.parseInt(hostPort.substring(colon + 1)), scheme)));
      }
    });
    return nodes;
  }

  private static boolean sameHosts(List<Node> a, List<Node> b) {
    return a.stream().map(Node::getHost).collect(java.util.stream.Collectors.toSet())
        .equals(b.stream().map(Node::getHost).collect(java.util.stream.Collectors.toSet()));
  }
}

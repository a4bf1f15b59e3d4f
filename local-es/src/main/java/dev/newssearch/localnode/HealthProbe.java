package dev.newssearch.localnode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a port what is behind it: nothing, a healthy Elasticsearch, or something else. */
final class HealthProbe {

  /** What {@code GET /_cluster/health} said. {@code status} is null when nothing usable answered. */
  record Health(String status, int nodes, String clusterName, String problem) {
    boolean atLeastYellow() {
      return "green".equals(status) || "yellow".equals(status);
    }
  }

  /**
   * Who the node answering on a port is: {@code GET /_nodes/_local} (not {@code GET /}, which the
   * integ-test distribution answers with 405). {@code version} is null when nothing usable answered.
   */
  record Identity(String version, String clusterName, java.util.List<String> dataPaths, String problem) {
    boolean answered() {
      return version != null;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  Health health(URI base) {
    HttpRequest request = HttpRequest.newBuilder(base.resolve("/_cluster/health"))
        .timeout(Duration.ofSeconds(5)).GET().build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return new Health(null, 0, null, "HTTP " + response.statusCode() + ": " + abbreviate(response.body()));
      }
      JsonNode body = JSON.readTree(response.body());
      if (!body.has("status") || !body.has("cluster_name")) {
        return new Health(null, 0, null, "not an Elasticsearch health answer: " + abbreviate(response.body()));
      }
      return new Health(body.get("status").asText(), body.path("number_of_nodes").asInt(),
          body.get("cluster_name").asText(), null);
    } catch (ConnectException e) {
      return new Health(null, 0, null, "nothing listening");
    } catch (IOException e) {
      return new Health(null, 0, null, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Health(null, 0, null, "interrupted");
    }
  }

  Identity identity(URI base) {
    HttpRequest request = HttpRequest.newBuilder(base.resolve(
            "/_nodes/_local?filter_path=cluster_name,nodes.*.version,nodes.*.settings.path.data"))
        .timeout(Duration.ofSeconds(5)).GET().build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return new Identity(null, null, java.util.List.of(), "HTTP " + response.statusCode() + ": "
            + abbreviate(response.body()));
      }
      JsonNode body = JSON.readTree(response.body());
      JsonNode nodes = body.path("nodes");
      if (!nodes.isObject() || nodes.size() != 1) {
        return new Identity(null, null, java.util.List.of(), "not an Elasticsearch nodes answer: "
            + abbreviate(response.body()));
      }
      JsonNode node = nodes.elements().next();
      java.util.List<String> paths = new java.util.ArrayList<>();
      JsonNode data = node.path("settings").path("path").path("data");
      if (data.isArray()) {
        data.forEach(d -> paths.add(d.asText()));
      } else if (data.isTextual()) {
        paths.add(data.asText());
      }
      return new Identity(node.path("version").asText(null), body.path("cluster_name").asText(null), paths, null);
    } catch (ConnectException e) {
      return new Identity(null, null, java.util.List.of(), "nothing listening");
    } catch (IOException e) {
      return new Identity(null, null, java.util.List.of(), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Identity(null, null, java.util.List.of(), "interrupted");
    }
  }

  /** True when something (anything) holds the port on loopback. */
  static boolean portTaken(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  private static String abbreviate(String s) {
    String oneLine = s.replaceAll("\\s+", " ");
    return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
  }
}

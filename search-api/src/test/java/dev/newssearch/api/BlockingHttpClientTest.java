package dev.newssearch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.transport.http.TransportHttpClient;
import co.elastic.clients.transport.rest_client.RestClientOptions;
import com.sun.net.httpserver.HttpServer;
import dev.newssearch.core.es.BlockingHttpClient;
import dev.newssearch.localnode.junit.DeliberateFailures;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.http.HttpHost;
import org.apache.http.client.config.RequestConfig;
import org.elasticsearch.client.RequestOptions;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The transport's failover, against small HTTP servers on loopback (no search is tested here: the
 * search ITs and {@code ClusterFailoverIT} run it against real nodes).
 */
@DeliberateFailures(value = "nodes refuse connections or answer 503", loggers = BlockingHttpClient.class)
class BlockingHttpClientTest {
  private final List<HttpServer> servers = new java.util.ArrayList<>();

  @AfterEach
  void stop() {
    servers.forEach(s -> s.stop(0));
  }

  /** A server answering every request with this status and body; counts what it got. */
  private HttpServer server(int status, String body, AtomicInteger hits) throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    s.createContext("/", ex -> {
      hits.incrementAndGet();
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(status, bytes.length);
      ex.getResponseBody().write(bytes);
      ex.close();
    });
    s.start();
    servers.add(s);
    return s;
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static BlockingHttpClient client(int... ports) {
    HttpHost[] hosts = java.util.Arrays.stream(ports).mapToObj(p -> new HttpHost("127.0.0.1", p, "http"))
        .toArray(HttpHost[]::new);
    RequestConfig timeouts = RequestConfig.custom().setConnectTimeout(2000).setSocketTimeout(5000).build();
    return new BlockingHttpClient(RestClient.builder(hosts).build(), "", List.of(), timeouts, true);
  }

  private static TransportHttpClient.Response get(BlockingHttpClient client, String path) throws IOException {
    TransportOptions options = new RestClientOptions(RequestOptions.DEFAULT, false);
    return client.performRequest("test", null, new TransportHttpClient.Request("GET", path, Map.of(), Map.of(), null),
        options);
  }

  @Test
  void a_node_that_refuses_connections_is_skipped_and_the_next_one_answers() throws Exception {
    AtomicInteger hits = new AtomicInteger();
    HttpServer live = server(200, "{\"ok\":true}", hits);
    try (BlockingHttpClient client = client(closedPort(), live.getAddress().getPort())) {
      for (int i = 0; i < 4; i++) {
        var r = get(client, "/_cluster/health");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(new String(r.body().asInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");
      }
      assertThat(hits).as("every request reached the live node").hasValue(4);
    }
  }

  @Test
  void a_node_answering_503_passes_the_request_on_and_the_last_node_s_answer_stands() throws Exception {
    AtomicInteger busyHits = new AtomicInteger();
    AtomicInteger liveHits = new AtomicInteger();
    HttpServer busy = server(503, "{\"error\":\"busy\"}", busyHits);
    HttpServer live = server(200, "{}", liveHits);
    try (BlockingHttpClient client = client(busy.getAddress().getPort(), live.getAddress().getPort())) {
      for (int i = 0; i < 4; i++) {
        assertThat(get(client, "/").statusCode()).isEqualTo(200);
      }
      assertThat(busyHits).as("the busy node, skipped for a minute once it answered 503").hasValue(1);
      assertThat(liveHits).hasValue(4);
    }
    try (BlockingHttpClient alone = client(busy.getAddress().getPort())) {
      assertThat(get(alone, "/").statusCode()).as("no other node: the 503 is the answer").isEqualTo(503);
    }
  }

  @Test
  void a_bulk_body_goes_out_whole_with_its_length_and_not_in_chunks() throws Exception {
    java.util.concurrent.atomic.AtomicReference<String> seen = new java.util.concurrent.atomic.AtomicReference<>();
    HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    s.createContext("/", ex -> {
      byte[] got = ex.getRequestBody().readAllBytes();
      seen.set(ex.getRequestHeaders().getFirst("Content-Length") + " | "
          + ex.getRequestHeaders().getFirst("Transfer-Encoding") + " | " + new String(got, StandardCharsets.UTF_8));
      ex.sendResponseHeaders(200, 2);
      ex.getResponseBody().write("{}".getBytes(StandardCharsets.UTF_8));
      ex.close();
    });
    s.start();
    servers.add(s);
    // the lines of a bulk request, as the Elasticsearch client hands them over: heap buffers, one of them a
    // slice of a larger array, and one direct buffer
    String line = "{\"index\":{\"_id\":\"新冠肺炎\"}}\n";
    byte[] padded = ("xx" + line + "yy").getBytes(StandardCharsets.UTF_8);
    java.nio.ByteBuffer direct = java.nio.ByteBuffer.allocateDirect(line.getBytes(StandardCharsets.UTF_8).length);
    direct.put(line.getBytes(StandardCharsets.UTF_8)).flip();
    List<java.nio.ByteBuffer> body = List.of(java.nio.ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)),
        java.nio.ByteBuffer.wrap(padded, 2, padded.length - 4).slice(), direct);
    try (BlockingHttpClient client = client(s.getAddress().getPort())) {
      var request = new TransportHttpClient.Request("POST", "/_bulk", Map.of(),
          Map.of("Content-Type", "application/x-ndjson"), body);
      assertThat(client.performRequest("bulk", null, request, new RestClientOptions(RequestOptions.DEFAULT, false))
          .statusCode()).isEqualTo(200);
    }
    int length = 3 * line.getBytes(StandardCharsets.UTF_8).length;
    assertThat(seen.get()).isEqualTo(length + " | null | " + line.repeat(3));
    assertThat(body).allSatisfy(b -> assertThat(b.position()).as("the caller's buffers are left as they were").isZero());
  }

  @Test
  void with_every_node_down_the_request_fails_with_an_io_exception() throws Exception {
    try (BlockingHttpClient client = client(closedPort(), closedPort())) {
      assertThatThrownBy(() -> get(client, "/")).isInstanceOf(IOException.class);
      assertThatThrownBy(() -> get(client, "/")).as("dead nodes are still tried when none is left")
          .isInstanceOf(IOException.class);
    }
  }
}

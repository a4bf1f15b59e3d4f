package dev.newssearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newssearch.core.es.BlockingHttpClient;
import dev.newssearch.core.es.EsClients;
import dev.newssearch.localnode.junit.DeliberateFailures;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/**
 * The service's defaults where a careless or hostile client meets them. No Elasticsearch is needed:
 * the service starts without one, and the admission test points it at a port that accepts
 * connections and never answers, so requests stay in flight as long as the test needs.
 */
@DeliberateFailures(value = "the service runs with no Elasticsearch, or one that never answers",
    loggers = {ApiApp.class, EsClients.class, BlockingHttpClient.class})
class ServiceDefaultsTest {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void the_api_listens_on_loopback_unless_host_is_set() throws Exception {
    Javalin app = ApiApp.create(ApiConfig.fromEnv(Map.of("PORT", "0", "ES_URL", "http://127.0.0.1:9"))).start();
    try {
      ServerConnector connector = (ServerConnector) app.jettyServer().server().getConnectors()[0];
      assertThat(connector.getHost()).isEqualTo("127.0.0.1");
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), app.port())) {
        assertThat(s.isConnected()).isTrue();
      }
      for (InetAddress other : nonLoopbackAddresses()) {
        try (Socket s = new Socket()) {
          s.connect(new InetSocketAddress(other, app.port()), 2000);
          throw new AssertionError("the API answered on " + other + " though HOST was not set");
        } catch (IOException expected) {
          // refused: not listening there
        }
      }
    } finally {
      app.stop();
    }
  }

  @Test
  void a_thousand_made_up_methods_and_paths_leave_the_metric_series_bounded() throws Exception {
    Javalin app = ApiApp.create(ApiConfig.fromEnv(Map.of("PORT", "0", "ES_URL", "http://127.0.0.1:9"))).start();
    try {
      get(app, "/metrics");
      int before = requestSeries(get(app, "/metrics").body());
      for (int i = 0; i < 1000; i++) {
        raw(app.port(), "M" + Integer.toString(i * 7919, 36).toUpperCase() + " /made/up/" + i + "?x=" + i);
      }
      String metrics = get(app, "/metrics").body();
      int after = requestSeries(metrics);
      assertThat(after).as("series of http_server_requests after 1,000 made-up requests (before: %d)", before)
          .isLessThanOrEqualTo(before + 6);
      assertThat(metrics).contains("method=\"other\"").contains("route=\"other\"")
          .doesNotContain("/made/up/").doesNotContain("method=\"M");
    } finally {
      app.stop();
    }
  }

  @Test
  void expensive_queries_and_greedy_clients_get_429_with_retry_after_while_others_pass() throws Exception {
    try (ServerSocket blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      List<Socket> held = Collections.synchronizedList(new ArrayList<>());
      Thread acceptor = new Thread(() -> {
        while (!blackHole.isClosed()) {
          try {
            held.add(blackHole.accept()); // accepted, never answered
          } catch (IOException e) {
            return;
          }
        }
      }, "black-hole-es");
      acceptor.setDaemon(true);
      acceptor.start();
      Javalin app = ApiApp.create(ApiConfig.fromEnv(Map.of("PORT", "0", "ES_URL",
          "http://127.0.0.1:" + blackHole.getLocalPort(), "ES_TIMEOUT_MS", "4000",
          "HEAVY_CONCURRENCY", "1", "CLIENT_CONCURRENCY", "2"))).start();
      try {
        String heavy = "\"" + "的是在了和有".repeat(5) + "\"";
        CompletableFuture<HttpResponse<String>> first = getAsync(app, "/api/search?q=" + enc(heavy));
        awaitGauge(app, "heavy", 1);

        HttpResponse<String> second = get(app, "/api/search?q=" + enc(heavy));
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.headers().firstValue("Retry-After")).isPresent();
        assertThat(second.body()).contains("too-many-requests").contains("expensive");

        CompletableFuture<HttpResponse<String>> normal = getAsync(app, "/api/search?q=" + enc("疫情"));
        awaitGauge(app, "all", 2);
        HttpResponse<String> third = get(app, "/api/suggest?q=" + enc("疫"));
        assertThat(third.statusCode()).as("a third request from one client with CLIENT_CONCURRENCY=2").isEqualTo(429);
        assertThat(third.body()).contains("from one client");
        assertThat(get(app, "/health").statusCode()).as("health is never limited").isEqualTo(503);

        assertThat(first.get().statusCode()).as("the admitted heavy query ran (and timed out)").isEqualTo(503);
        assertThat(normal.get().statusCode()).as("the normal query beside it was admitted").isEqualTo(503);
        awaitGauge(app, "all", 0);
        assertThat(get(app, "/api/search?q=" + enc(heavy)).statusCode()).as("the lane is free again").isEqualTo(503);
      } finally {
        app.stop();
        for (Socket s : held) {
          s.close();
        }
      }
    }
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private void awaitGauge(Javalin app, String lane, int value) throws Exception {
    String line = "api_requests_in_flight{lane=\"" + lane + "\"} " + value + ".0";
    for (int i = 0; i < 200; i++) {
      if (get(app, "/metrics").body().contains(line)) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("metrics never showed " + line);
  }

  private static int requestSeries(String metrics) {
    return (int) metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_count{")).count();
  }

  private HttpResponse<String> get(Javalin app, String path) throws Exception {
    return http.send(request(app, path), HttpResponse.BodyHandlers.ofString());
  }

  private CompletableFuture<HttpResponse<String>> getAsync(Javalin app, String path) {
    return http.sendAsync(request(app, path), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest request(Javalin app, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
        .timeout(Duration.ofSeconds(30)).GET().build();
  }

  /** One request line as a client may make it up, read to the end of the answer. */
  private static void raw(int port, String requestLine) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write((requestLine + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      in.readAllBytes();
    }
  }

  private static List<InetAddress> nonLoopbackAddresses() throws IOException {
    List<InetAddress> out = new ArrayList<>();
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (nic.isUp() && !nic.isLoopback()) {
        for (InetAddress a : Collections.list(nic.getInetAddresses())) {
          if (a instanceof Inet4Address) {
            out.add(a);
          }
        }
      }
    }
    return out;
  }
}

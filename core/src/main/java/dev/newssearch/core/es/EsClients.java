package dev.newssearch.core.es;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransportBase;
import co.elastic.clients.transport.rest_client.RestClientOptions;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.http.Header;
import org.apache.http.HttpHeaders;
import org.apache.http.HttpHost;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.message.BasicHeader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.elasticsearch.client.Node;
import org.elasticsearch.client.RequestOptions;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the official Java client from an {@link EsConfig}. The caller closes the transport. */
public final class EsClients {
  private static final Logger log = LoggerFactory.getLogger(EsClients.class);

  private EsClients() {}

  public static ObjectMapper objectMapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  /**
   * A low-level client over every node in {@link EsConfig#hosts()}: it sends requests round-robin
   * and, when a node refuses or drops a connection, marks it dead for a while and retries the same
   * request on the next node, so losing one node of a cluster loses no request.
   */
  public static RestClient restClient(EsConfig config) {
    HttpHost[] hosts = config.hosts().stream().map(EsClients::httpHost).toArray(HttpHost[]::new);
    RestClientBuilder builder = RestClient.builder(hosts);
    var url = config.url();
    if (url.getPath() != null && !url.getPath().isEmpty() && !url.getPath().equals("/")) {
      builder.setPathPrefix(url.getPath());
    }
    builder.setFailureListener(new RestClient.FailureListener() {
      @Override
      public void onFailure(Node node) {
        log.warn("Elasticsearch node {} failed; trying the other configured nodes", node.getHost());
      }
    });
    int timeoutMs = (int) config.timeout().toMillis();
    builder.setRequestConfigCallback(
        rc -> rc.setConnectTimeout(Math.min(timeoutMs, 2000)).setSocketTimeout(Math.max(timeoutMs, 30_000)));
    builder.setDefaultHeaders(authHeaders(config).toArray(Header[]::new));
    RestClient client = builder.build();
    if (config.sniffs()) {
      NodeSniffer.start(client, config.url().getScheme(), config.sniffInterval().toMillis());
    }
    return client;
  }

  /**
   * The credentials every request carries: an API key, or basic credentials sent up front (not after a 401
   * challenge, so a secured node costs no extra round trip); none for an open node. Every client of the
   * project sends these, whatever its transport.
   */
  public static List<Header> authHeaders(EsConfig config) {
    if (config.apiKey() != null) {
      return List.of(new BasicHeader(HttpHeaders.AUTHORIZATION, "ApiKey " + config.apiKey()));
    }
    if (config.username() != null) {
      String pair = config.username() + ":" + config.password();
      return List.of(new BasicHeader(HttpHeaders.AUTHORIZATION,
          "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8))));
    }
    return List.of();
  }

  private static HttpHost httpHost(URI url) {
    int port = url.getPort() != -1 ? url.getPort() : url.getScheme().equals("https") ? 443 : 80;
    return new HttpHost(url.getHost(), port, url.getScheme());
  }

  /**
   * The client every part of the project sends its requests with: blocking I/O on the calling thread
   * ({@link BlockingHttpClient}) over the nodes of {@link #restClient}, which keeps the node list (and
   * sniffs it when asked).
   *
   * @param timeouts   connect, connection-pool and socket timeouts of every request
   * @param resendSent whether a request may be sent twice when its pooled connection turns out closed
   *                   (the API, which only reads: yes; the indexer, which creates indices: no)
   */
  public static ElasticsearchClient client(EsConfig config, RequestConfig timeouts, boolean resendSent) {
    var http = new BlockingHttpClient(restClient(config), config.url().getPath(), authHeaders(config), timeouts,
        resendSent);
    return new ElasticsearchClient(new ElasticsearchTransportBase(http, options(timeouts),
        new JacksonJsonpMapper(objectMapper())) {});
  }

  /** Transport options whose every request carries these timeouts (an error answer's body is not kept). */
  public static RestClientOptions options(RequestConfig timeouts) {
    return new RestClientOptions(RequestOptions.DEFAULT.toBuilder().setRequestConfig(timeouts).build(), false);
  }

  /**
   * The writer's client (the indexer's, and the tests' that set up an index): a connection within {@code
   * ES_TIMEOUT_MS} but at most 2 s, an answer within {@code ES_TIMEOUT_MS} but at least 30 s (a bulk
   * request on a busy node), and no request sent twice by the HTTP layer (the bulk loader retries itself).
   */
  public static ElasticsearchClient client(EsConfig config) {
    int timeoutMs = (int) config.timeout().toMillis();
    int answerMs = Math.max(timeoutMs, 30_000);
    return client(config, RequestConfig.custom().setConnectTimeout(Math.min(timeoutMs, 2000))
        .setConnectionRequestTimeout(answerMs).setSocketTimeout(answerMs).build(), false);
  }
}

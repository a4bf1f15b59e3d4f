package dev.newssearch.core.es;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.http.Header;
import org.apache.http.HttpHeaders;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/** Builds the official Java client from an {@link EsConfig}. The caller closes the transport. */
public final class EsClients {
  private EsClients() {}

  public static ObjectMapper objectMapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  public static RestClient restClient(EsConfig config) {
    var url = config.url();
    int port = url.getPort() != -1 ? url.getPort() : url.getScheme().equals("https") ? 443 : 80;
    RestClientBuilder builder = RestClient.builder(new HttpHost(url.getHost(), port, url.getScheme()));
    if (url.getPath() != null && !url.getPath().isEmpty() && !url.getPath().equals("/")) {
      builder.setPathPrefix(url.getPath());
    }
    int timeoutMs = (int) config.timeout().toMillis();
    builder.setRequestConfigCallback(
        rc -> rc.setConnectTimeout(Math.min(timeoutMs, 2000)).setSocketTimeout(Math.max(timeoutMs, 30_000)));
    if (config.apiKey() != null) {
      builder.setDefaultHeaders(
          new Header[] {new BasicHeader(HttpHeaders.AUTHORIZATION, "ApiKey " + config.apiKey())});
    } else if (config.username() != null) {
      var credentials = new BasicCredentialsProvider();
      credentials.setCredentials(
          AuthScope.ANY, new UsernamePasswordCredentials(config.username(), config.password()));
      builder.setHttpClientConfigCallback(hc -> hc.setDefaultCredentialsProvider(credentials));
    }
    return builder.build();
  }

  public static ElasticsearchClient client(EsConfig config) {
    return new ElasticsearchClient(
        new RestClientTransport(restClient(config), new JacksonJsonpMapper(objectMapper())));
  }
}

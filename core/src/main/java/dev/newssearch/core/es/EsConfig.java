package dev.newssearch.core.es;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * How to reach Elasticsearch. Parsed once, at the edge (environment or CLI), then passed down.
 *
 * <p>Environment: {@code ES_URL} (default {@code http://127.0.0.1:9200}, the embedded node),
 * {@code ES_USER} + {@code ES_PASSWORD} or {@code ES_API_KEY}, {@code ES_ALIAS} (default
 * {@code news-paragraphs}), {@code ES_TIMEOUT_MS} (default 5000).
 */
public record EsConfig(
    URI url, String username, String password, String apiKey, String alias, Duration timeout) {

  public static final String DEFAULT_URL = "http://127.0.0.1:9200";
  public static final String DEFAULT_ALIAS = "news-paragraphs";

  public EsConfig {
    if (url == null || url.getHost() == null || url.getScheme() == null) {
      throw new IllegalArgumentException(
          "ES_URL must be an absolute http(s) URL such as http://127.0.0.1:9200, got: " + url);
    }
    if (!url.getScheme().equals("http") && !url.getScheme().equals("https")) {
      throw new IllegalArgumentException("ES_URL must start with http:// or https://, got: " + url);
    }
    if ((username == null) != (password == null)) {
      throw new IllegalArgumentException("set both ES_USER and ES_PASSWORD, or neither");
    }
    if (alias == null || alias.isBlank() || !alias.equals(alias.toLowerCase())) {
      throw new IllegalArgumentException("ES_ALIAS must be a lower-case index alias name, got: " + alias);
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("ES_TIMEOUT_MS must be a positive number of milliseconds");
    }
  }

  /** The embedded default: the local node on port 9200, no credentials. */
  public static EsConfig local(int port) {
    return new EsConfig(
        URI.create("http://127.0.0.1:" + port), null, null, null, DEFAULT_ALIAS, Duration.ofSeconds(5));
  }

  public static EsConfig fromEnv(Map<String, String> env) {
    String timeoutMs = blankToNull(env.get("ES_TIMEOUT_MS"));
    Duration timeout;
    try {
      timeout = Duration.ofMillis(timeoutMs == null ? 5000 : Long.parseLong(timeoutMs));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("ES_TIMEOUT_MS must be a number of milliseconds, got: " + timeoutMs);
    }
    String alias = blankToNull(env.get("ES_ALIAS"));
    String url = blankToNull(env.get("ES_URL"));
    return new EsConfig(
        URI.create(url == null ? DEFAULT_URL : url),
        blankToNull(env.get("ES_USER")),
        blankToNull(env.get("ES_PASSWORD")),
        blankToNull(env.get("ES_API_KEY")),
        alias == null ? DEFAULT_ALIAS : alias,
        timeout);
  }

  public EsConfig withAlias(String newAlias) {
    return new EsConfig(url, username, password, apiKey, newAlias, timeout);
  }

  public EsConfig withUrl(URI newUrl) {
    return new EsConfig(newUrl, username, password, apiKey, alias, timeout);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  @Override
  public String toString() {
    // never print secrets
    return "EsConfig[url=" + url + ", alias=" + alias + ", auth="
        + (apiKey != null ? "api-key" : username != null ? "basic(" + username + ")" : "none") + "]";
  }
}

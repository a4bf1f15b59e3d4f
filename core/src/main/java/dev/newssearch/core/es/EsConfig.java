package dev.newssearch.core.es;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How to reach Elasticsearch. Parsed once, at the edge (environment or CLI), then passed down.
 *
 * <p>Environment: {@code ES_URL} (default {@code http://127.0.0.1:9200}, the embedded node; several
 * nodes of one cluster as a comma-separated list, {@code ES_HOSTS} is a synonym), {@code ES_USER} +
 * {@code ES_PASSWORD} (or {@code ES_PASSWORD_FILE}, a file holding it, as container secrets are
 * mounted) or {@code ES_API_KEY}, {@code ES_ALIAS} (default {@code news-paragraphs}),
 * {@code ES_TIMEOUT_MS} (default 5000), {@code ES_SNIFF_S} (default 0, off: every that many seconds
 * the client asks the cluster for its nodes' HTTP addresses and sends requests to all of them, so a
 * cluster grown or moved after start-up is used whole even when {@code ES_URL} names one node).
 *
 * <p>Credentials written into the URL ({@code http://elastic:secret@host:9200}) are taken out of it
 * here, once, and become {@code username}/{@code password}: {@link #hosts()} never carry them, so no
 * log line that prints a host can leak a password.
 */
public record EsConfig(
    List<URI> hosts, String username, String password, String apiKey, String alias, Duration timeout,
    Duration sniffInterval) {

  public static final String DEFAULT_URL = "http://127.0.0.1:9200";
  public static final String DEFAULT_ALIAS = "news-paragraphs";

  public EsConfig {
    if (hosts == null || hosts.isEmpty()) {
      throw new IllegalArgumentException("ES_URL must name at least one node such as http://127.0.0.1:9200");
    }
    hosts = List.copyOf(hosts);
    for (URI url : hosts) {
      if (url == null || url.getHost() == null || url.getScheme() == null) {
        throw new IllegalArgumentException(
            "ES_URL must be absolute http(s) URLs such as http://127.0.0.1:9200, got: " + mask(url));
      }
      if (!url.getScheme().equals("http") && !url.getScheme().equals("https")) {
        throw new IllegalArgumentException("ES_URL must start with http:// or https://, got: " + mask(url));
      }
      if (url.getRawUserInfo() != null) {
        throw new IllegalArgumentException("credentials belong in ES_USER/ES_PASSWORD, not in a host URL");
      }
      if (!url.getScheme().equals(hosts.get(0).getScheme()) || !pathOf(url).equals(pathOf(hosts.get(0)))) {
        throw new IllegalArgumentException(
            "the nodes in ES_URL must share scheme and path (one cluster), got: " + hosts);
      }
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
    if (sniffInterval == null || sniffInterval.isNegative()) {
      throw new IllegalArgumentException("ES_SNIFF_S must be 0 (off) or a number of seconds");
    }
  }

  public EsConfig(List<URI> hosts, String username, String password, String apiKey, String alias, Duration timeout) {
    this(hosts, username, password, apiKey, alias, timeout, Duration.ZERO);
  }

  /** Whether the client looks up the cluster's nodes itself ({@code ES_SNIFF_S} above 0). */
  public boolean sniffs() {
    return !sniffInterval.isZero();
  }

  /** The embedded default: the local node on port {@code port}, no credentials. */
  public static EsConfig local(int port) {
    return new EsConfig(List.of(URI.create("http://127.0.0.1:" + port)), null, null, null, DEFAULT_ALIAS,
        Duration.ofSeconds(5));
  }

  public static EsConfig fromEnv(Map<String, String> env) {
    Duration timeout = Duration.ofMillis(number(env, "ES_TIMEOUT_MS", 5000, "a number of milliseconds"));
    String alias = blankToNull(env.get("ES_ALIAS"));
    String url = blankToNull(env.get("ES_URL"));
    String hostList = blankToNull(env.get("ES_HOSTS"));
    if (url != null && hostList != null) {
      throw new IllegalArgumentException("set ES_URL or ES_HOSTS, not both");
    }
    Parsed parsed = parse(url != null ? url : hostList != null ? hostList : DEFAULT_URL);
    String user = blankToNull(env.get("ES_USER"));
    String password = blankToNull(env.get("ES_PASSWORD"));
    String passwordFile = blankToNull(env.get("ES_PASSWORD_FILE"));
    if (password == null && passwordFile != null) {
      try {
        password = blankToNull(java.nio.file.Files.readString(java.nio.file.Path.of(passwordFile)));
      } catch (java.io.IOException | RuntimeException e) {
        throw new IllegalArgumentException("ES_PASSWORD_FILE cannot be read: " + passwordFile + " (" + e + ")");
      }
      if (password == null) {
        throw new IllegalArgumentException("ES_PASSWORD_FILE is empty: " + passwordFile);
      }
    }
    if (user == null && password == null && parsed.username() != null) {
      user = parsed.username();
      password = parsed.password();
    }
    Duration sniffInterval = Duration.ofSeconds(number(env, "ES_SNIFF_S", 0, "a number of seconds (0: off)"));
    return new EsConfig(parsed.hosts(), user, password, blankToNull(env.get("ES_API_KEY")),
        alias == null ? DEFAULT_ALIAS : alias, timeout, sniffInterval);
  }

  private static long number(Map<String, String> env, String name, long absent, String what) {
    String value = blankToNull(env.get(name));
    try {
      return value == null ? absent : Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be " + what + ", got: " + value);
    }
  }

  /** Comma-separated node URLs; user info of any of them becomes the credentials. */
  record Parsed(List<URI> hosts, String username, String password) {}

  static Parsed parse(String list) {
    List<URI> hosts = new ArrayList<>();
    String user = null;
    String password = null;
    for (String item : list.split(",")) {
      String text = item.strip();
      if (text.isEmpty()) {
        continue;
      }
      URI uri;
      try {
        uri = new URI(text);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("ES_URL must be absolute http(s) URLs such as http://127.0.0.1:9200, got: "
            + maskText(text));
      }
      if (uri.getRawUserInfo() != null) {
        String[] parts = uri.getRawUserInfo().split(":", 2);
        user = decode(parts[0]);
        password = parts.length > 1 ? decode(parts[1]) : "";
        uri = withoutUserInfo(uri);
      }
      hosts.add(uri);
    }
    return new Parsed(hosts, user, password);
  }

  /** The first node: where single-address tools (curl hints, local dictionary lookup) look. */
  public URI url() {
    return hosts.get(0);
  }

  public EsConfig withAlias(String newAlias) {
    return new EsConfig(hosts, username, password, apiKey, newAlias, timeout, sniffInterval);
  }

  /** One node instead of the configured ones (a command-line override); user info is taken out. */
  public EsConfig withUrl(URI newUrl) {
    Parsed parsed = parse(newUrl.toString());
    return new EsConfig(parsed.hosts(), parsed.username() != null ? parsed.username() : username,
        parsed.username() != null ? parsed.password() : password, apiKey, alias, timeout, sniffInterval);
  }

  public EsConfig withSniffInterval(Duration interval) {
    return new EsConfig(hosts, username, password, apiKey, alias, timeout, interval);
  }

  public EsConfig withHosts(List<URI> newHosts) {
    return new EsConfig(newHosts, username, password, apiKey, alias, timeout, sniffInterval);
  }

  public EsConfig withCredentials(String newUser, String newPassword) {
    return new EsConfig(hosts, newUser, newPassword, apiKey, alias, timeout, sniffInterval);
  }

  /** A URL with its user info replaced by {@code ***}, for messages about a value we refused. */
  public static String mask(URI uri) {
    return uri == null ? "null" : maskText(uri.toString());
  }

  /** Text with the password part of any {@code scheme://user:password@} replaced by {@code ***}. */
  public static String maskText(String text) {
    return text == null ? null : text.replaceAll("(?<=://)([^/@:\\s]*):[^/@\\s]*@", "$1:***@");
  }

  private static URI withoutUserInfo(URI uri) {
    try {
      return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(),
          uri.getFragment());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("ES_URL is not a URL: " + mask(uri));
    }
  }

  private static String pathOf(URI uri) {
    String path = uri.getPath();
    return path == null || path.equals("/") ? "" : path;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  @Override
  public String toString() {
    // never print secrets
    return "EsConfig[hosts=" + hosts.stream().map(URI::toString).collect(Collectors.joining(",")) + ", alias="
        + alias + ", auth=" + (apiKey != null ? "api-key" : username != null ? "basic(" + username + ")" : "none") + "]";
  }
}

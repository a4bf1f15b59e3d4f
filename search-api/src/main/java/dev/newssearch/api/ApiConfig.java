package dev.newssearch.api;

import dev.newssearch.core.es.EsConfig;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The service's settings, read once from the environment in {@link Main}.
 *
 * <p>{@code HOST} (default 0.0.0.0), {@code PORT} (default 8080, 0 picks a free port),
 * {@code CORS_ORIGINS} (comma-separated origins such as {@code https://a.example,http://localhost:3000},
 * or {@code *}; unset means no CORS headers), plus everything {@link EsConfig#fromEnv} reads
 * ({@code ES_URL}, {@code ES_ALIAS}, {@code ES_TIMEOUT_MS}, credentials).
 */
public record ApiConfig(String host, int port, EsConfig es, List<String> corsOrigins) {
  public ApiConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("PORT must be between 0 and 65535, got: " + port);
    }
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("HOST must be an interface address such as 0.0.0.0 or 127.0.0.1");
    }
    corsOrigins = List.copyOf(corsOrigins);
    for (String origin : corsOrigins) {
      if (!origin.equals("*") && !origin.matches("https?://[^/\\s]+")) {
        throw new IllegalArgumentException(
            "CORS_ORIGINS must be * or comma-separated origins like https://news.example:8443, got: " + origin);
      }
    }
  }

  /** Local defaults, for tests: loopback, a free port, no CORS. */
  public static ApiConfig local(EsConfig es) {
    return new ApiConfig("127.0.0.1", 0, es, List.of());
  }

  public static ApiConfig fromEnv(Map<String, String> env) {
    String portText = env.getOrDefault("PORT", "8080").strip();
    int port;
    try {
      port = Integer.parseInt(portText);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("PORT must be a number such as 8080, got: " + portText);
    }
    String host = env.getOrDefault("HOST", "0.0.0.0").strip();
    String cors = env.getOrDefault("CORS_ORIGINS", "").strip();
    List<String> origins = cors.isEmpty() ? List.of()
        : Arrays.stream(cors.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    return new ApiConfig(host, port, EsConfig.fromEnv(env), origins);
  }

  public ApiConfig withPort(int newPort) {
    return new ApiConfig(host, newPort, es, corsOrigins);
  }

  public ApiConfig withCors(List<String> origins) {
    return new ApiConfig(host, port, es, origins);
  }
}

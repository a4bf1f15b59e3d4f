package dev.newssearch.api;

import dev.newssearch.api.http.Admission;
import dev.newssearch.core.es.EsConfig;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The service's settings, read once from the environment in {@link Main}.
 *
 * <p>{@code HOST} (default 127.0.0.1: only this machine can connect until you say otherwise, e.g.
 * {@code HOST=0.0.0.0} in a container), {@code PORT} (default 8080, 0 picks a free port),
 * {@code CORS_ORIGINS} (comma-separated origins such as {@code https://a.example,http://localhost:3000},
 * or {@code *}; unset means no CORS headers), {@code MAX_CONCURRENT} (default 32),
 * {@code CLIENT_CONCURRENCY} (default 8) and {@code HEAVY_CONCURRENCY} (default 1), the limits of
 * {@link Admission}, plus everything {@link EsConfig#fromEnv} reads ({@code ES_URL}, {@code ES_ALIAS},
 * {@code ES_TIMEOUT_MS}, credentials).
 */
public record ApiConfig(String host, int port, EsConfig es, List<String> corsOrigins, Admission.Limits limits) {
  public static final String DEFAULT_HOST = "127.0.0.1";

  public ApiConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("PORT must be between 0 and 65535, got: " + port);
    }
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("HOST must be an interface address such as 0.0.0.0 or 127.0.0.1");
    }
    corsOrigins = List.copyOf(corsOrigins);
    limits = limits == null ? Admission.Limits.defaults() : limits;
    for (String origin : corsOrigins) {
      if (!origin.equals("*") && !origin.matches("https?://[^/\\s]+")) {
        throw new IllegalArgumentException(
            "CORS_ORIGINS must be * or comma-separated origins like https://news.example:8443, got: " + origin);
      }
    }
  }

  /** Local defaults, for tests: loopback, a free port, no CORS. */
  public static ApiConfig local(EsConfig es) {
    return new ApiConfig(DEFAULT_HOST, 0, es, List.of(), Admission.Limits.defaults());
  }

  public static ApiConfig fromEnv(Map<String, String> env) {
    int port = number(env, "PORT", 8080);
    String host = env.getOrDefault("HOST", DEFAULT_HOST).strip();
    Admission.Limits defaults = Admission.Limits.defaults();
    Admission.Limits limits = new Admission.Limits(number(env, "MAX_CONCURRENT", defaults.total()),
        number(env, "CLIENT_CONCURRENCY", defaults.perClient()), number(env, "HEAVY_CONCURRENCY", defaults.heavy()));
    String cors = env.getOrDefault("CORS_ORIGINS", "").strip();
    List<String> origins = cors.isEmpty() ? List.of()
        : Arrays.stream(cors.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    return new ApiConfig(host, port, EsConfig.fromEnv(env), origins, limits);
  }

  private static int number(Map<String, String> env, String name, int defaultValue) {
    String text = env.getOrDefault(name, "").strip();
    if (text.isEmpty()) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number such as " + defaultValue + ", got: " + text);
    }
  }

  public ApiConfig withPort(int newPort) {
    return new ApiConfig(host, newPort, es, corsOrigins, limits);
  }

  public ApiConfig withCors(List<String> origins) {
    return new ApiConfig(host, port, es, origins, limits);
  }

  public ApiConfig withLimits(Admission.Limits newLimits) {
    return new ApiConfig(host, port, es, corsOrigins, newLimits);
  }
}

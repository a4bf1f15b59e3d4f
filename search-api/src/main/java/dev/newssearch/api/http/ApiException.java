package dev.newssearch.api.http;

/** A request the API refuses, answered once at the edge as an RFC 9457 problem. */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String title;
  private final String parameter;
  private final Integer retryAfterSeconds;

  public ApiException(int status, String title, String detail, String parameter) {
    this(status, title, detail, parameter, null);
  }

  private ApiException(int status, String title, String detail, String parameter, Integer retryAfterSeconds) {
    super(detail);
    this.status = status;
    this.title = title;
    this.parameter = parameter;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** 429: a concurrency limit is full; the client should come back after {@code retryAfterSeconds}. */
  public static ApiException tooManyRequests(String detail, int retryAfterSeconds) {
    return new ApiException(429, "Too many requests", detail, null, retryAfterSeconds);
  }

  /** Seconds for a {@code Retry-After} header, or null when retrying the same request is pointless. */
  public Integer retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public static ApiException badParameter(String parameter, String detail) {
    return new ApiException(400, "Invalid parameter", detail, parameter);
  }

  public static ApiException notFound(String detail) {
    return new ApiException(404, "Not found", detail, null);
  }

  public int status() {
    return status;
  }

  public Problem problem(String instance) {
    return new Problem(Problem.typeFor(status), title, status, getMessage(), parameter, instance);
  }
}

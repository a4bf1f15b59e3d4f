package dev.newssearch.api.http;

/** A request the API refuses, answered once at the edge as an RFC 9457 problem. */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String title;
  private final String parameter;

  public ApiException(int status, String title, String detail, String parameter) {
    super(detail);
    this.status = status;
    this.title = title;
    this.parameter = parameter;
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

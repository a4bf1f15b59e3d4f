package dev.newssearch.api.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/** RFC 9457 problem details; {@code parameter} names the offending query parameter. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String parameter, String instance) {
  public static final String CONTENT_TYPE = "application/problem+json";

  static String typeFor(int status) {
    return switch (status) {
      case 400 -> "/problems/invalid-parameter";
      case 404 -> "/problems/not-found";
      case 429 -> "/problems/too-many-requests";
      case 502 -> "/problems/elasticsearch-rejected";
      case 503 -> "/problems/elasticsearch-unavailable";
      default -> "about:blank";
    };
  }

  public static Problem of(int status, String title, String detail) {
    return new Problem(typeFor(status), title, status, detail, null, null);
  }

  public Problem at(String path) {
    return new Problem(type, title, status, detail, parameter, path);
  }
}

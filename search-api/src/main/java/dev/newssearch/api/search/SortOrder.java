package dev.newssearch.api.search;

import java.util.Arrays;
import java.util.Optional;

public enum SortOrder {
  RELEVANCE("relevance"),
  DATE_DESC("date_desc"),
  DATE_ASC("date_asc");

  private final String param;

  SortOrder(String param) {
    this.param = param;
  }

  public String param() {
    return param;
  }

  public static Optional<SortOrder> fromParam(String value) {
    return Arrays.stream(values()).filter(s -> s.param.equals(value)).findFirst();
  }
}

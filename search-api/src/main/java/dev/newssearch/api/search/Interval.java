package dev.newssearch.api.search;

import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import java.util.Arrays;
import java.util.Optional;

public enum Interval {
  DAY("day", CalendarInterval.Day),
  WEEK("week", CalendarInterval.Week),
  MONTH("month", CalendarInterval.Month),
  YEAR("year", CalendarInterval.Year);

  private final String param;
  private final CalendarInterval calendar;

  Interval(String param, CalendarInterval calendar) {
    this.param = param;
    this.calendar = calendar;
  }

  public String param() {
    return param;
  }

  public CalendarInterval calendar() {
    return calendar;
  }

  public static Optional<Interval> fromParam(String value) {
    return Arrays.stream(values()).filter(s -> s.param.equals(value)).findFirst();
  }
}

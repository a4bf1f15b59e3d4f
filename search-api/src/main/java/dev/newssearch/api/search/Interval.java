package dev.newssearch.api.search;

import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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

  /** How many buckets of this interval the days {@code from} to {@code to} (both included) touch. */
  public long buckets(LocalDate from, LocalDate to) {
    ChronoUnit unit = switch (this) {
      case DAY -> ChronoUnit.DAYS;
      case WEEK -> ChronoUnit.WEEKS;
      case MONTH -> ChronoUnit.MONTHS;
      case YEAR -> ChronoUnit.YEARS;
    };
    return Math.max(0, unit.between(from, to)) + 1;
  }

  public static Optional<Interval> fromParam(String value) {
    return Arrays.stream(values()).filter(s -> s.param.equals(value)).findFirst();
  }
}

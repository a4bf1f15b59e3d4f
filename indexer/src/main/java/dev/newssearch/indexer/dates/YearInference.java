package dev.newssearch.indexer.dates;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The year of a month/day printed without one, from the date of the page it is printed on: the nearest
 * such day to the page date, so {@code 12月30日} on a page of 1998-01-02 is 1997-12-30 and {@code 1月3日}
 * on a page of 1997-12-31 is 1998-01-03. A story rarely reports on days more than half a year away
 * without printing the year.
 */
public final class YearInference {
  private YearInference() {}

  /** The month/day nearest to {@code anchor}, null when it is no valid day in the three years around it. */
  public static LocalDate nearest(int month, int day, LocalDate anchor) {
    LocalDate best = null;
    long bestDistance = Long.MAX_VALUE;
    for (int y = anchor.getYear() - 1; y <= anchor.getYear() + 1; y++) {
      LocalDate d = of(y, month, day);
      if (d == null) continue;
      long distance = Math.abs(ChronoUnit.DAYS.between(anchor, d));
      // on a tie (never for real calendars) the earlier day wins: papers report what happened
      if (distance < bestDistance) {
        best = d;
        bestDistance = distance;
      }
    }
    return best;
  }

  /** The month/day in {@code year}, null when it is no valid day (2月30日, 2月29日 of a common year). */
  public static LocalDate of(int year, int month, int day) {
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null;
    }
  }
}

package dev.newssearch.indexer.segment;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates written in Chinese news text: "2020年2月23日", "3月26日", "3月 25日", "27日晚" (a day of the
 * current month), "3月26日至27日". A day without a month takes the month of the previous mention in the same
 * text, else the article's month; a month without a year takes the article's year.
 */
public final class Dates {
  private static final Pattern DATE = Pattern.compile(
      "(?:(\\d{4})\\s*年\\s*)?(?:(\\d{1,2})\\s*月\\s*)?(?<![\\d.])(\\d{1,2})\\s*日");

  private Dates() {}

  /** ISO dates mentioned in {@code text}, in order, without repeats. */
  public static List<String> mentioned(String text, LocalDate articleDate, int defaultYear) {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (LocalDate d : find(text, articleDate, defaultYear)) out.add(d.toString());
    return new ArrayList<>(out);
  }

  static List<LocalDate> find(String text, LocalDate context, int defaultYear) {
    List<LocalDate> out = new ArrayList<>();
    Integer year = context == null ? null : context.getYear();
    Integer month = context == null ? null : context.getMonthValue();
    Matcher m = DATE.matcher(text);
    while (m.find()) {
      // "5日至" is fine; "10余日", "日前" never match; "30日" inside "130日" is excluded by the lookbehind
      Integer y = m.group(1) == null ? null : Integer.valueOf(m.group(1));
      Integer mo = m.group(2) == null ? null : Integer.valueOf(m.group(2));
      int d = Integer.parseInt(m.group(3));
      if (mo == null && month == null) continue;
      int yy = y != null ? y : year != null ? year : defaultYear;
      int mm = mo != null ? mo : month;
      try {
        out.add(LocalDate.of(yy, mm, d));
        month = mm;
        year = yy;
      } catch (DateTimeException notADate) {
        // "第32日" and the like
      }
    }
    return out;
  }

  /** The first month-and-day date in a lead paragraph, or null. */
  static LocalDate firstWithMonth(String text, int year) {
    Matcher m = DATE.matcher(text);
    while (m.find()) {
      if (m.group(2) == null) continue;
      int y = m.group(1) == null ? year : Integer.parseInt(m.group(1));
      try {
        return LocalDate.of(y, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      } catch (DateTimeException e) {
        // keep looking
      }
    }
    return null;
  }
}

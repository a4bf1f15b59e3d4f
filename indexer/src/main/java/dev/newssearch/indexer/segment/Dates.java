package dev.newssearch.indexer.segment;

import dev.newssearch.indexer.dates.RelativeDays;
import dev.newssearch.indexer.dates.StoryDates;
import dev.newssearch.indexer.dates.YearInference;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates written in Chinese news text: "2020年2月23日", "3月26日", "3月 25日", "27日晚" (a day of the
 * current month), "3月26日至27日". A day without a month takes the month of the previous mention in the same
 * text, else the article's month; a month/day without a year is the nearest such day to the article's date
 * (12月28日 in a story of 1998-01-02 is 1997-12-28). Without an article date only dates printed with their
 * year are known.
 */
public final class Dates {
  private static final Pattern DATE = Pattern.compile(
      "(?:(\\d{4})\\s*年\\s*)?(?:(\\d{1,2})\\s*月\\s*)?(?<![\\d.])(\\d{1,2})\\s*日");


  private Dates() {}

  /**
   * ISO dates mentioned in {@code text}, in order, without repeats.
   *
   * @param articleDate  the article's date (context for month and year), or null
   * @param relativeTo   the day 昨天/今天 count from (the article's own day when it is certain), or null
   */
  public static List<String> mentioned(String text, LocalDate articleDate, LocalDate relativeTo) {
    return mentioned(text, articleDate, relativeTo, null);
  }

  /** As above; {@code pageYear} is the year of month/day dates in an undated article (null: none known). */
  public static List<String> mentioned(String text, LocalDate articleDate, LocalDate relativeTo, Integer pageYear) {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (LocalDate d : find(text, articleDate, pageYear)) out.add(d.toString());
    for (LocalDate d : RelativeDays.find(text, relativeTo)) out.add(d.toString());
    return new ArrayList<>(out);
  }

  static List<LocalDate> find(String text, LocalDate context, Integer pageYear) {
    List<LocalDate> out = new ArrayList<>();
    if (text.indexOf('日') < 0) return out; // every date the pattern knows ends in 日
    LocalDate anchor = context;
    Integer year = pageYear;
    Integer month = context == null ? null : context.getMonthValue();
    Matcher m = DATE.matcher(text);
    while (m.find()) {
      // "5日至" is fine; "10余日", "日前" never match; "30日" inside "130日" is excluded by the lookbehind
      Integer y = m.group(1) == null ? null : Integer.valueOf(m.group(1));
      Integer mo = m.group(2) == null ? null : Integer.valueOf(m.group(2));
      int d = Integer.parseInt(m.group(3));
      if (mo == null && month == null) continue;
      int mm = mo != null ? mo : month;
      LocalDate date = y != null ? YearInference.of(y, mm, d)
          : anchor == null ? (year == null ? null : YearInference.of(year, mm, d))
          : mo == null ? YearInference.of(anchor.getYear(), mm, d) // "27日": the month and year in context
          : YearInference.nearest(mm, d, anchor);
      if (date == null) continue; // "第32日", or no year known
      out.add(date);
      month = mm;
      anchor = date;
    }
    return out;
  }

  /**
   * The first month-and-day date in a lead paragraph printed without a year, or null: a date printed with
   * its year in a lead is an event's (1949年10月1日), not the story's.
   */
  static MonthDay firstMonthDay(String text) {
    Matcher m = DATE.matcher(text);
    while (m.find()) {
      if (m.group(2) == null || m.group(1) != null) continue;
      MonthDay md = StoryDates.monthDay(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      if (md != null) return md;
    }
    return null;
  }
}

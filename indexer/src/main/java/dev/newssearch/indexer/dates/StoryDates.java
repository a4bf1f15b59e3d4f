package dev.newssearch.indexer.dates;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The date of each story of a page, from the strongest evidence there is (see {@link DateEvidence}):
 *
 * <ol>
 *   <li>the story's own full date (publication line, date under the headline, dateline with a year);
 *   <li>the page date: printed header, else file name, else folder names, else a date the user stated;
 *       a story's month/day dateline moves the day, its year taken as the nearest to the page date (a
 *       dateline more than two weeks before the page is not the story's: see {@link #filedFor});
 *   <li>without a page date: the story's month/day dateline, else the first month/day of its lead, with the
 *       year printed on the page (a full date of another story), else the folder's year, else the year the
 *       user stated; an undated story takes the latest of the page's dated stories when they agree within
 *       two days (one issue; not for web text, whose stories span weeks);
 *   <li>else unknown. No year is ever taken from the code or the clock.
 * </ol>
 */
public final class StoryDates {
  /**
   * What one story prints about its date; any part may be null. A lead gives its month/day only: a year
   * printed in a lead dates an event (1949年10月1日), not the story.
   */
  public record Evidence(LocalDate printed, MonthDay dateline, MonthDay lead) {}

  /** The story's date (null when unknown) and what gave it. */
  public record Resolved(LocalDate date, DateEvidence evidence) {}

  /**
   * What the page says of its date, strongest first.
   *
   * @param printed the page's header or masthead; NONE when it prints none
   * @param named   the file or folder names; may give a year alone (a {@code 1998/} folder)
   * @param stated  the folder's dates file, else {@code --default-year}
   */
  public record Page(PageDate printed, PageDate named, PageDate stated) {
    public static final Page NONE = new Page(PageDate.NONE, PageDate.NONE, PageDate.NONE);

    /** The page's own date: header, else names, else a date the user stated for it. Null when none. */
    public PageDate date() {
      for (PageDate p : List.of(printed, named, stated)) if (p.hasDate()) return p;
      return null;
    }
  }

  private StoryDates() {}

  /** A month/day, null when no such day exists in any year (2月30日). */
  public static MonthDay monthDay(int month, int day) {
    return month >= 1 && month <= 12 && day >= 1 && day <= MonthDay.of(month, 1).getMonth().maxLength()
        ? MonthDay.of(month, day) : null;
  }

  /** The year used for the page's dates printed without one, and where it comes from. */
  public record Year(Integer year, YearSource source) {}

  public static Year year(Page page, List<Evidence> stories) {
    List<LocalDate> printed = new ArrayList<>();
    for (Evidence e : stories) if (e.printed() != null) printed.add(e.printed());
    return yearOf(page, printed);
  }

  /** The page's year from its evidence and the full dates its stories print; null when none is known. */
  public static Integer pageYear(Page page, List<LocalDate> printed) {
    return yearOf(page, printed).year();
  }

  private static Year yearOf(Page page, List<LocalDate> printed) {
    PageDate dated = page.date();
    if (dated != null && dated.evidence() != DateEvidence.STATED) return new Year(dated.year(), dated.yearSource());
    Integer text = null;
    for (LocalDate p : printed) text = p.getYear();
    if (text != null) return new Year(text, YearSource.PAGE_TEXT);
    if (dated != null) return new Year(dated.year(), dated.yearSource());
    for (PageDate p : List.of(page.printed(), page.named(), page.stated())) {
      if (p.hasYear()) return new Year(p.year(), p.yearSource());
    }
    return new Year(null, YearSource.NONE);
  }

  public static List<Resolved> resolve(Page page, List<Evidence> stories, boolean webText) {
    PageDate anchor = page.date();
    Integer year = year(page, stories).year();
    List<Resolved> out = new ArrayList<>();
    for (Evidence e : stories) out.add(one(e, anchor, year));
    if (anchor == null && !webText) fileContext(out);
    return out;
  }

  private static Resolved one(Evidence e, PageDate anchor, Integer year) {
    if (e.printed() != null) return new Resolved(e.printed(), DateEvidence.PUBLICATION_LINE);
    if (e.dateline() != null) {
      LocalDate d = anchor != null ? YearInference.nearest(e.dateline().getMonthValue(), e.dateline().getDayOfMonth(), anchor.date())
          : year != null ? YearInference.of(year, e.dateline().getMonthValue(), e.dateline().getDayOfMonth()) : null;
      if (d != null && (anchor == null || filedFor(d, anchor.date()))) return new Resolved(d, DateEvidence.DATELINE);
    }
    if (anchor != null) return new Resolved(anchor.date(), anchor.evidence());
    if (e.lead() != null) {
      LocalDate d = year == null ? null : YearInference.of(year, e.lead().getMonthValue(), e.lead().getDayOfMonth());
      if (d != null) return new Resolved(d, DateEvidence.LEAD);
    }
    return new Resolved(null, DateEvidence.UNKNOWN);
  }

  /**
   * A story is printed within days of being filed: a dateline more than {@value #FILED_BEFORE_DAYS} days before
   * the page date (or after it by more than a day, the time zones of foreign datelines) is a dateline quoted
   * in the text or a reprint's, not this story's, and the page date stands.
   */
  static boolean filedFor(LocalDate dateline, LocalDate page) {
    long days = ChronoUnit.DAYS.between(dateline, page);
    return days >= -1 && days <= FILED_BEFORE_DAYS;
  }

  static final int FILED_BEFORE_DAYS = 14;

  /** Stories of one printed page come from one issue: undated ones take the latest when the dated agree. */
  private static void fileContext(List<Resolved> out) {
    LocalDate min = null;
    LocalDate max = null;
    for (Resolved r : out) {
      if (r.date() == null) continue;
      if (min == null || r.date().isBefore(min)) min = r.date();
      if (max == null || r.date().isAfter(max)) max = r.date();
    }
    if (max == null || ChronoUnit.DAYS.between(min, max) > 2) return;
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i).date() == null) out.set(i, new Resolved(max, DateEvidence.FILE_CONTEXT));
    }
  }
}

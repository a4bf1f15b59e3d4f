package dev.newssearch.indexer.segment;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Fifth segment part: the date each story of a page reports itself under, with the evidence used
 * (publication_line, dateline, lead, file_context, unknown; see PIPELINE.md "Dates"). One entry point,
 * {@link #resolve}, so that a better date rule replaces this class alone.
 */
public final class DateResolver {
  /**
   * What the date of one story can be read from.
   *
   * @param printedDate a publication line's date or a date printed under the headline, or null
   * @param dateline    month and day of the dateline, or null
   * @param lead        the story's first paragraph
   */
  public record Evidence(LocalDate printedDate, MonthDay dateline, String lead) {}

  /** The page's stories in order; {@code webText}: a web compilation, whose stories span weeks. */
  public record PageEvidence(List<Evidence> stories, boolean webText) {
    public PageEvidence {
      stories = List.copyOf(stories);
    }
  }

  /** @param date null when it cannot be known */
  public record Resolved(LocalDate date, String evidence) {}

  private final int defaultYear;

  public DateResolver(int defaultYear) {
    this.defaultYear = defaultYear;
  }

  public List<Resolved> resolve(PageEvidence page) {
    // year context: an explicit year on a publication or headline date line of this file
    Integer fileYear = null;
    for (Evidence e : page.stories()) if (e.printedDate() != null) fileYear = e.printedDate().getYear();
    int year = fileYear != null ? fileYear : defaultYear;
    List<LocalDate> dates = new ArrayList<>();
    List<String> evidence = new ArrayList<>();
    for (Evidence e : page.stories()) {
      if (e.printedDate() != null) {
        dates.add(e.printedDate());
        evidence.add("publication_line");
      } else if (e.dateline() != null) {
        LocalDate d = e.dateline().isValidYear(year) ? e.dateline().atYear(year) : null;
        dates.add(d);
        evidence.add("dateline");
      } else {
        LocalDate lead = Dates.firstWithMonth(e.lead(), year);
        dates.add(lead);
        evidence.add(lead == null ? "unknown" : "lead");
      }
    }
    // Stories of one printed page come from one issue: when the dated ones agree within two days,
    // an undated one takes the latest. Web compilations (dates far apart) get no such guess.
    LocalDate min = null;
    LocalDate max = null;
    for (LocalDate x : dates) {
      if (x == null) continue;
      if (min == null || x.isBefore(min)) min = x;
      if (max == null || x.isAfter(max)) max = x;
    }
    if (!page.webText() && max != null && ChronoUnit.DAYS.between(min, max) <= 2) {
      for (int i = 0; i < dates.size(); i++) {
        if (dates.get(i) == null) {
          dates.set(i, max);
          evidence.set(i, "file_context");
        }
      }
    }
    List<Resolved> out = new ArrayList<>();
    for (int i = 0; i < dates.size(); i++) out.add(new Resolved(dates.get(i), evidence.get(i)));
    return out;
  }
}

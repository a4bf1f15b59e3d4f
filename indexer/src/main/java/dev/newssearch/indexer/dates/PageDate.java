package dev.newssearch.indexer.dates;

import java.time.LocalDate;

/**
 * What is known of the date of a whole page: a full date, or only a year, or nothing.
 *
 * @param date        the page's date, null when no full date is known
 * @param year        the page's year (equal to {@code date}'s when a date is known), null when unknown
 * @param evidence    what gave the date (page_header, file_name, folder_name, stated); UNKNOWN without a date
 * @param yearSource  what gave the year
 */
public record PageDate(LocalDate date, Integer year, DateEvidence evidence, YearSource yearSource) {
  public static final PageDate NONE = new PageDate(null, null, DateEvidence.UNKNOWN, YearSource.NONE);

  public PageDate {
    if (date != null && (year == null || year != date.getYear())) {
      throw new IllegalArgumentException("year " + year + " does not match date " + date);
    }
  }

  public static PageDate of(LocalDate date, DateEvidence evidence, YearSource yearSource) {
    return new PageDate(date, date.getYear(), evidence, yearSource);
  }

  public static PageDate yearOnly(int year, YearSource yearSource) {
    return new PageDate(null, year, DateEvidence.UNKNOWN, yearSource);
  }

  public boolean hasDate() {
    return date != null;
  }

  public boolean hasYear() {
    return year != null;
  }

  /** This one where it knows more, else {@code weaker}: a date beats a year, a year beats nothing. */
  public PageDate or(PageDate weaker) {
    if (hasDate() || !weaker.hasDate() && hasYear()) return this;
    if (weaker.hasDate()) return weaker;
    return weaker.hasYear() ? weaker : this;
  }
}

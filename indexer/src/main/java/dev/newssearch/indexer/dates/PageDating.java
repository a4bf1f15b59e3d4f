package dev.newssearch.indexer.dates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a page says of its own date, gathered once per file before it is segmented: its printed header,
 * its file and folder names, and what the user stated (the folder's {@link DatesFile}, else
 * {@code --default-year}). One per pipeline; dates files are read once per folder.
 */
public final class PageDating {
  /**
   * @param page    the page's evidence for {@link StoryDates#resolve}
   * @param edition the page number printed in its header ({@code 04版}), null when none
   */
  public record Dated(StoryDates.Page page, String edition) {
    public static final Dated NONE = new Dated(StoryDates.Page.NONE, null);
  }

  private final PageHeader headers;
  private final Integer defaultYear;
  private final Pattern datePattern;
  private final Map<Path, DatesFile> folders = new HashMap<>();

  private PageDating(PageHeader headers, Integer defaultYear, Pattern datePattern) {
    this.headers = headers;
    this.defaultYear = defaultYear;
    this.datePattern = datePattern;
  }

  /**
   * @param defaultYear the year the user stated for every page that gives none (null: no such statement)
   * @param datePattern the user's pattern for dates in names (see {@link NameDates#withPattern}), or null
   */
  public static PageDating create(PageHeader headers, Integer defaultYear, Pattern datePattern) {
    NameDates.withPattern(datePattern); // fail at the edge on a pattern without its groups
    return new PageDating(headers, defaultYear, datePattern);
  }

  /**
   * @throws IllegalArgumentException when the folder's dates file is wrong (the message names the line)
   */
  public Dated date(Path file, String text) {
    Path folder = file.toAbsolutePath().getParent();
    DatesFile stated = folder == null ? DatesFile.EMPTY : folders.computeIfAbsent(folder, PageDating::read);
    Pattern pattern = datePattern != null ? datePattern : stated.pattern();
    PageDate named = NameDates.withPattern(pattern).find(file);
    PageDate said = stated.forFile(file.getFileName().toString());
    if (!said.hasYear() && defaultYear != null) said = PageDate.yearOnly(defaultYear, YearSource.DEFAULT_YEAR);

    PageDate printed = PageDate.NONE;
    String edition = null;
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.length() > 60) continue;
      var h = headers.parse(line);
      if (h.isEmpty()) continue;
      if (edition == null) edition = h.get().edition();
      if (printed.hasDate()) continue;
      if (h.get().date() != null) {
        printed = PageDate.of(h.get().date(), DateEvidence.PAGE_HEADER, YearSource.PAGE_TEXT);
      } else if (h.get().month() != null) {
        // 4月19日 星期日: the header gives the day, the names or the user the year
        PageDate year = named.hasYear() ? named : said;
        LocalDate d = !year.hasYear() ? null
            : year.hasDate() ? YearInference.nearest(h.get().month(), h.get().day(), year.date())
            : YearInference.of(year.year(), h.get().month(), h.get().day());
        if (d != null) printed = PageDate.of(d, DateEvidence.PAGE_HEADER, year.yearSource());
      }
    }
    return new Dated(new StoryDates.Page(printed, named, said), edition);
  }

  private static DatesFile read(Path folder) {
    try {
      return DatesFile.of(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + folder.resolve(DatesFile.NAME), e);
    }
  }
}

package dev.newssearch.indexer.eval.devpages;

import dev.newssearch.indexer.eval.devpages.DevPage.DateMode;
import dev.newssearch.indexer.eval.devpages.DevPage.Layout;
import java.util.List;

/**
 * @param seed      the random seed: the same seed and corpus give the same pages
 * @param pages     how many pages (each uses about 30 corpus sentences; sentences are reused only when the corpus runs out)
 * @param year      the year the pages are printed in (a few pages fall on the first days of the next year)
 * @param layouts   layouts to cycle through
 * @param dateModes date modes to cycle through (independently of the layouts)
 */
public record GeneratorOptions(long seed, int pages, int year, List<Layout> layouts, List<DateMode> dateModes) {
  public GeneratorOptions {
    if (pages < 1) throw new IllegalArgumentException("pages must be at least 1, got " + pages);
    if (year < 1900 || year > 2100) throw new IllegalArgumentException("year must be 1900..2100, got " + year);
    layouts = List.copyOf(layouts);
    dateModes = List.copyOf(dateModes);
    if (layouts.isEmpty() || dateModes.isEmpty()) throw new IllegalArgumentException("layouts and date modes must not be empty");
  }

  /** Every layout and every date mode, pages of 1998. */
  public static GeneratorOptions defaults(long seed, int pages) {
    return new GeneratorOptions(seed, pages, 1998, List.of(Layout.values()), List.of(DateMode.values()));
  }

  public GeneratorOptions withYear(int year) {
    return new GeneratorOptions(seed, pages, year, layouts, dateModes);
  }

  public GeneratorOptions withLayouts(List<Layout> layouts) {
    return new GeneratorOptions(seed, pages, year, layouts, dateModes);
  }
}

package dev.newssearch.indexer.pipeline;

import dev.newssearch.indexer.dates.NameDates;
import java.util.regex.Pattern;

/**
 * @param defaultYear       year the user states for pages that give none (no date on the page, in its names or in
 *                          the folder's dates file); null: such pages' month/day dates stay unknown. Never a
 *                          default in code: a wrong year is worse than none.
 * @param maxParagraphChars paragraphs longer than this are split at sentence ends
 * @param datePattern       how this archive writes dates in file and folder names (named groups year, month,
 *                          day), or null for the common forms only
 */
public record PipelineOptions(Integer defaultYear, int maxParagraphChars, Pattern datePattern) {
  public static final PipelineOptions DEFAULTS = new PipelineOptions(null, 400, null);

  public PipelineOptions {
    if (defaultYear != null && (defaultYear < 1800 || defaultYear > 2099)) {
      throw new IllegalArgumentException("defaultYear " + defaultYear + " is not a plausible year (1800-2099)");
    }
    if (maxParagraphChars < 50) {
      throw new IllegalArgumentException("maxParagraphChars " + maxParagraphChars + " is below 50; use at least 50");
    }
    NameDates.withPattern(datePattern); // a pattern without its named groups fails here, not on the first file
  }

  public PipelineOptions(Integer defaultYear, int maxParagraphChars) {
    this(defaultYear, maxParagraphChars, null);
  }

  public PipelineOptions withDefaultYear(Integer year) {
    return new PipelineOptions(year, maxParagraphChars, datePattern);
  }
}

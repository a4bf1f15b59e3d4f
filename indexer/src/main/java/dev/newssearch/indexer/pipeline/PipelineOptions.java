package dev.newssearch.indexer.pipeline;

/**
 * @param defaultYear       year given to dates printed without one when the file states none (the seeds are 2020)
 * @param maxParagraphChars paragraphs longer than this are split at sentence ends
 */
public record PipelineOptions(int defaultYear, int maxParagraphChars) {
  public static final PipelineOptions DEFAULTS = new PipelineOptions(2020, 400);

  public PipelineOptions {
    if (defaultYear < 1900 || defaultYear > 2100) {
      throw new IllegalArgumentException("defaultYear " + defaultYear + " is not a plausible year (1900-2100)");
    }
    if (maxParagraphChars < 50) {
      throw new IllegalArgumentException("maxParagraphChars " + maxParagraphChars + " is below 50; use at least 50");
    }
  }
}

package dev.newssearch.indexer.eval.devpages;

import java.time.LocalDate;
import java.util.List;

/**
 * The truth about one generated story.
 *
 * @param title      the headline as a reader would type it (no letter spacing, no doubled glyphs)
 * @param kicker     the line printed above the headline (引题), or null
 * @param subtitle   the line printed below the headline (副题, without its leading dashes), or null
 * @param titleAfter the headline block was printed after the story, as extracted PDFs often have it
 * @param paragraphs the body: paragraphs of corpus sentences, in order
 * @param reporters  names credited in the byline or dateline (made up, never persons of the text)
 * @param dateline   the lead or credit line as printed (新华社北京4月18日电, 本报讯, …), or null
 * @param date       the story's true date; null when nothing on the page supports a year
 */
public record DevArticle(
    String title,
    String kicker,
    String subtitle,
    boolean titleAfter,
    List<List<DevSentence>> paragraphs,
    List<String> reporters,
    String dateline,
    LocalDate date) {
  public DevArticle {
    paragraphs = paragraphs.stream().map(List::copyOf).toList();
    reporters = List.copyOf(reporters);
  }

  public List<DevSentence> sentences() {
    return paragraphs.stream().flatMap(List::stream).toList();
  }
}

package dev.newssearch.indexer.eval.devpages;

import java.time.LocalDate;
import java.util.List;

/**
 * One generated page: the damaged text a user's archive would hold, and the truth behind it.
 *
 * @param fileName  the file name; it carries the date only in {@link DateMode#FILE_NAME}
 * @param text      the page as extracted text, with the layout's damage
 * @param layout    how the text was laid out
 * @param pageDate  the day the page was printed (known to the generator even when the page does not say it)
 * @param dateMode  where, if anywhere, the page states its date
 * @param articles  the stories, in the order their bodies are printed
 * @param furniture page furniture lines as printed (headers, page numbers, editor lines, jump lines)
 */
public record DevPage(
    String fileName,
    String text,
    Layout layout,
    LocalDate pageDate,
    DateMode dateMode,
    List<DevArticle> articles,
    List<String> furniture) {
  public DevPage {
    articles = List.copyOf(articles);
    furniture = List.copyOf(furniture);
  }

  /** The kinds of extraction damage the seeds show. */
  public enum Layout {
    /** Hard wraps at 11–21 columns, paragraphs apart by blank lines, blank lines at column breaks mid-sentence (seeds 000, 001, 002). */
    WRAPPED,
    /** Every printed line followed by a blank line, so paragraph ends show only as short lines (seed 004). */
    DOUBLE_SPACED,
    /** One paragraph per line, as text copied from a web page (seed 003). */
    LINE_PER_PARAGRAPH
  }

  /** Where the page states the day it was printed. */
  public enum DateMode {
    /** A printed header or masthead line: 人民日报 1998年4月19日 星期日 第4版. */
    HEADER,
    /** Only the file name: rmrb_19980419_04.txt. */
    FILE_NAME,
    /** Nowhere: stories may still give month and day, but no year. */
    NONE
  }

  /** True when the page itself supports a year (header or file name). */
  public boolean dated() {
    return dateMode != DateMode.NONE;
  }
}

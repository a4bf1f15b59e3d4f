package dev.newssearch.indexer.dates;

/**
 * How a paragraph's {@code date} was found, strongest first; the value is stored in {@code date_evidence}.
 *
 * <p>The page date (header, file name, folder name, a date stated for the file) fixes the year of every
 * story on the page and the day of the stories that print none of their own; a story's month/day dateline
 * moves the day within the page's year (12月30日 on a page of 1998-01-02 is 1997-12-30).
 */
public enum DateEvidence {
  /** The story prints its full date: publication line, a date under the headline, a dateline with its year. */
  PUBLICATION_LINE("publication_line"),
  /** The story's month/day dateline (新华社北京4月18日电); the year from the page or what the user stated. */
  DATELINE("dateline"),
  /** The page's printed header or masthead (人民日报 1998年4月19日 星期日 第4版). */
  PAGE_HEADER("page_header"),
  /** A date in the file name (rmrb_19980419_04.txt). */
  FILE_NAME("file_name"),
  /** A date in the folder names (1998/04/19/, 1998-04-19/). */
  FOLDER_NAME("folder_name"),
  /** A date the user stated for the file or its folder (the folder's dates file). */
  STATED("stated"),
  /** No page date: the first month/day in the story's lead, the year from the page or what the user stated. */
  LEAD("lead"),
  /** No page date: an undated story takes the latest date of the page's other stories when they agree. */
  FILE_CONTEXT("file_context"),
  /** Nothing on the page, in its name or in what the user stated: {@code date} is null. */
  UNKNOWN("unknown");

  private final String value;

  DateEvidence(String value) {
    this.value = value;
  }

  /** The value stored in {@code date_evidence}. */
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}

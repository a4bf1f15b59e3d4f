package dev.newssearch.indexer.dates;

/** Where the year of a page's dates comes from, strongest first (shown in reports, not indexed). */
public enum YearSource {
  /** A full date printed on the page: its header, a publication line, a date under a headline. */
  PAGE_TEXT("page_text"),
  FILE_NAME("file_name"),
  FOLDER_NAME("folder_name"),
  /** The folder's dates file. */
  DATES_FILE("dates_file"),
  /** {@code --default-year}. */
  DEFAULT_YEAR("default_year"),
  NONE("none");

  private final String value;

  YearSource(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}

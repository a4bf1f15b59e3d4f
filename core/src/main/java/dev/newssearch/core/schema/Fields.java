package dev.newssearch.core.schema;

/** Field names of the paragraph index; the mapping itself is {@code schema/news-paragraphs.json}. */
public final class Fields {
  public static final String ID = "id";
  public static final String ARTICLE_ID = "article_id";
  public static final String PARAGRAPH = "paragraph";
  public static final String TEXT = "text";
  /**
   * {@code text} analysed one Han character per token ({@code standard}): a {@code match_phrase} here
   * finds any exact substring, also the spans IK cuts differently (recall fallback, see IndexSchema).
   */
  public static final String TEXT_CHARS = "text.chars";
  public static final String TITLE = "title";
  /** The whole title as a keyword (sorting, exact match, terms aggregations). */
  public static final String TITLE_KEYWORD = "title.keyword";
  /** {@code title} one Han character per token, like {@link #TEXT_CHARS}: exact substrings of titles. */
  public static final String TITLE_CHARS = "title.chars";
  public static final String KICKER = "kicker";
  public static final String SUBTITLE = "subtitle";
  public static final String DATE = "date";
  public static final String DATE_EVIDENCE = "date_evidence";
  public static final String DATES_MENTIONED = "dates_mentioned";
  public static final String SOURCE = "source";
  public static final String REPORTERS = "reporters";
  public static final String CONTRIBUTORS = "contributors";
  public static final String DATELINE_PLACE = "dateline_place";
  public static final String EDITION = "edition";
  public static final String PERSONS = "persons";
  public static final String PLACES = "places";
  public static final String ORGANIZATIONS = "organizations";
  public static final String FILE = "file";
  public static final String FILE_HASH = "file_hash";
  public static final String CONTENT_HASH = "content_hash";
  public static final String DUP_GROUP = "dup_group";
  /** Completion-suggester field filled at index time from persons and terms. */
  public static final String SUGGEST = "suggest";

  private Fields() {}
}

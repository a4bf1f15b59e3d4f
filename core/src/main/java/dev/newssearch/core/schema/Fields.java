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
  /**
   * {@code text} as overlapping pairs of Han characters ({@code cjk_bigram}; a lone character stays a
   * unigram, punctuation breaks pairs): a phrase of two or more characters is a phrase of its rarer
   * bigrams here, much cheaper than the same phrase over single characters on {@link #TEXT_CHARS}.
   */
  public static final String TEXT_BIGRAMS = "text.bigrams";
  /**
   * {@code text} cut by ik_max_word into words of two or more characters, each also as its full pinyin
   * ({@code tuopin}) and as {@code pinyin|word} (for suggestions): frequent terms with counts
   * (fielddata, frequent terms only) and pinyin search.
   */
  public static final String TEXT_TERMS = "text.terms";
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
  /** Each person as written, as full pinyin and initials ({@code xijinping}, {@code xjp}) and keyed {@code xjp|习近平}. */
  public static final String PERSONS_PINYIN = "persons.pinyin";
  public static final String PLACES = "places";
  /** Places like {@link #PERSONS_PINYIN}. */
  public static final String PLACES_PINYIN = "places.pinyin";
  public static final String ORGANIZATIONS = "organizations";
  public static final String FILE = "file";
  public static final String FILE_HASH = "file_hash";
  public static final String CONTENT_HASH = "content_hash";
  public static final String DUP_GROUP = "dup_group";
  /** Completion-suggester field filled at index time from persons and terms. */
  public static final String SUGGEST = "suggest";

  private Fields() {}
}

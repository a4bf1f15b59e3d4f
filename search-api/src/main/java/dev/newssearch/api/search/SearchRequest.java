package dev.newssearch.api.search;

import dev.newssearch.api.query.QueryText;

/**
 * A validated search: every value is in range, so building the query cannot fail.
 *
 * @param query     the understood query text
 * @param filters   facet and date filters
 * @param sort      hit order
 * @param size      hits per page, 0 for facets and histogram only
 * @param page      1-based page for shallow paging (ignored when {@code cursor} is set)
 * @param cursor    position after the previous page for deep paging, or null
 * @param facetSize values per facet
 * @param interval  date histogram bucket width
 * @param collapse  fold paragraphs printed on several pages into one hit
 */
public record SearchRequest(
    QueryText query,
    Filters filters,
    SortOrder sort,
    int size,
    int page,
    Cursor cursor,
    int facetSize,
    Interval interval,
    boolean collapse) {

  public static final int MAX_SIZE = 100;
  public static final int MAX_FACET_SIZE = 200;
  /** Elasticsearch's index.max_result_window: deeper pages need the cursor. */
  public static final int MAX_WINDOW = 10_000;

  public int from() {
    return cursor != null ? 0 : (page - 1) * size;
  }
}

package dev.newssearch.api.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchRequest}.
 *
 * <p>Counting: {@code total}, facet counts and histogram counts are all paragraph counts under the
 * same filters, so they add up whether or not duplicates are collapsed. With collapse, the hits
 * list shows one paragraph per duplicate group and {@code total_groups} says how many groups match.
 *
 * @param total         paragraphs matching the query and every filter
 * @param totalGroups   distinct duplicate groups among them (what collapsed paging walks through)
 * @param tookMs        time Elasticsearch spent
 * @param hits          this page
 * @param facets        per facet key, top values with counts under the other facets' filters
 * @param dateHistogram paragraph counts per interval, empty buckets included
 * @param undated       matching paragraphs whose date is unknown (not in the histogram)
 * @param nextCursor    pass as {@code cursor} for the next page; null on the last page or when
 *                      collapsing (cursor paging walks paragraphs)
 * @param match         which tier answered: {@code exact} (every clause as typed), {@code all} (every
 *                      word), {@code most} (most words, e.g. 2 of 3), {@code any} (some words); null
 *                      without a query
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchResult(
    long total,
    long totalGroups,
    long tookMs,
    List<Hit> hits,
    Map<String, List<FacetValue>> facets,
    List<DateBucket> dateHistogram,
    long undated,
    String nextCursor,
    String match) {

  /**
   * Every field is always present (null when unknown), so clients can rely on the shape.
   * {@code match} is this hit's tier; {@code more_in_article}: further matching paragraphs of the same
   * article left off this page to make room for other articles (open them with
   * {@code /api/articles/{article_id}}), counted among the first results only.
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Hit(
      String id,
      Double score,
      String text,
      List<String> highlights,
      String title,
      String titleHighlight,
      String date,
      List<String> persons,
      List<String> reporters,
      List<String> places,
      List<String> organizations,
      String source,
      String file,
      String articleId,
      int paragraph,
      long duplicates,
      String match,
      int moreInArticle) {}

  public record FacetValue(String value, long count, boolean selected) {}

  public record DateBucket(String date, long count) {}
}

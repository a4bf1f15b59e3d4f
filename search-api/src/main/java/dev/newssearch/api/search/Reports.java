package dev.newssearch.api.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** The answers of the aggregation, article, suggest and health routes. */
public final class Reports {
  private Reports() {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record PersonsReport(long total, long tookMs, List<PersonStats> persons) {}

  /** A person's paragraph count, first and last date, and who is most often mentioned alongside. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PersonStats(String name, long count, String firstDate, String lastDate, List<Count> coMentioned) {}

  public record Count(String value, long count) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record DatesReport(long total, long tookMs, String interval, long undated, List<DateSeries> buckets) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DateSeries(String date, long count, List<Count> persons) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Article(
      String articleId,
      String title,
      String kicker,
      String subtitle,
      String date,
      String source,
      List<String> reporters,
      List<String> contributors,
      String datelinePlace,
      String edition,
      String file,
      List<String> persons,
      List<String> places,
      List<String> organizations,
      List<ArticleParagraph> paragraphs) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record ArticleParagraph(
      String id, int paragraph, String text, List<String> persons, List<String> places, List<String> organizations) {}

  public record SuggestReport(String q, List<Suggestion> suggestions) {}

  /** {@code type} is {@code person} for a name from the persons field, {@code term} otherwise. */
  public record Suggestion(String text, String type, Long count) {}

  public record Health(String status, String elasticsearch, String alias, String detail) {}
}

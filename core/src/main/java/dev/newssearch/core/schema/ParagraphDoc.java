package dev.newssearch.core.schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * One indexed document: a body paragraph with its article's metadata. JSON names are the field names
 * of {@code schema/news-paragraphs.json} (snake_case), listed as constants in {@link Fields}.
 *
 * @param id             deterministic: the same input file gives the same ids on every run
 * @param articleId      deterministic id of the article the paragraph belongs to
 * @param paragraph      1-based position of the paragraph in its article
 * @param text           the paragraph as a reader sees it (reflowed, simplified Chinese kept as printed)
 * @param title          the article's headline, null when none could be found
 * @param kicker         line printed above the headline (引题), may be null
 * @param subtitle       line printed below the headline (副题), may be null
 * @param date           ISO date of the article (yyyy-MM-dd), null when it cannot be known
 * @param dateEvidence   how the date was found: publication_line, dateline, lead, file_context, unknown
 * @param datesMentioned ISO dates mentioned in this paragraph
 * @param source         issuing organisation: 新华社, 本报, 人民日报, 求是, …; null when unknown
 * @param reporters      reporters and authors from the byline (names without spaces)
 * @param contributors   others in the byline kept apart (实习生, photographers, correspondents), "role:name"
 * @param datelinePlace  place of the dateline (北京 in 新华社北京3月27日电), may be null
 * @param edition        edition/page when stated (01版), may be null
 * @param persons        canonical names of persons mentioned in this paragraph, one value each
 * @param places         places mentioned in this paragraph
 * @param organizations  organisations mentioned in this paragraph
 * @param file           the seed file name the paragraph comes from
 * @param fileHash       sha256 of the seed file's bytes
 * @param contentHash    sha256 of the paragraph's normalised text
 * @param dupGroup       duplicate-group key: equal for the same paragraph printed on several pages
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ParagraphDoc(
    String id,
    String articleId,
    int paragraph,
    String text,
    String title,
    String kicker,
    String subtitle,
    String date,
    String dateEvidence,
    List<String> datesMentioned,
    String source,
    List<String> reporters,
    List<String> contributors,
    String datelinePlace,
    String edition,
    List<String> persons,
    List<String> places,
    List<String> organizations,
    String file,
    String fileHash,
    String contentHash,
    String dupGroup) {

  public ParagraphDoc {
    datesMentioned = copy(datesMentioned);
    reporters = copy(reporters);
    contributors = copy(contributors);
    persons = copy(persons);
    places = copy(places);
    organizations = copy(organizations);
  }

  private static List<String> copy(List<String> values) {
    return values == null ? List.of() : List.copyOf(values);
  }
}

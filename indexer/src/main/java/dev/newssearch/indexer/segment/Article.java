package dev.newssearch.indexer.segment;

import java.time.LocalDate;
import java.util.List;

/**
 * One article of a page, with its metadata.
 *
 * @param index         0-based position of the article in its file (order of the first body paragraph)
 * @param title         headline, null when none could be found
 * @param kicker        line above the headline (引题), may be null
 * @param subtitle      line below the headline (副题), may be null
 * @param subheads      section headings inside the article, in order
 * @param source        issuing organisation (新华社, 本报, 人民日报, 求是…), may be null
 * @param reporters     reporters and authors from bylines, names without spaces
 * @param contributors  others in the byline as "role:name" (实习生:舒畅, 摄影:赵戈)
 * @param datelinePlace place of the dateline, may be null
 * @param edition       edition/page when printed (01版), may be null
 * @param date          date of the article, null when it cannot be known
 * @param dateEvidence  publication_line, dateline, lead, file_context or unknown
 * @param paragraphs    body paragraphs, reflowed, bylines and datelines cut from the lead
 * @param firstLine     1-based line of the first body paragraph in the decoded file
 * @param credits       the printed credit text the byline and dateline fields were read from (datelines,
 *                      bylines, publication and source lines, a date or author line under the headline)
 */
public record Article(
    int index,
    String title,
    String kicker,
    String subtitle,
    List<String> subheads,
    String source,
    List<String> reporters,
    List<String> contributors,
    String datelinePlace,
    String edition,
    LocalDate date,
    String dateEvidence,
    List<String> paragraphs,
    int firstLine,
    List<String> credits) {

  public Article {
    subheads = List.copyOf(subheads);
    reporters = List.copyOf(reporters);
    contributors = List.copyOf(contributors);
    paragraphs = List.copyOf(paragraphs);
    credits = List.copyOf(credits);
  }
}

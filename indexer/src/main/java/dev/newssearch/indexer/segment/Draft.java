package dev.newssearch.indexer.segment;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;

/**
 * An article as the segment parts hand it on: each part returns a new draft with what it found, the
 * earlier parts' findings untouched.
 *
 * @param startBlock   first block of the story's body
 * @param endBlock     last block of the story (body or the trailer that closed it)
 * @param firstLine    1-based line of the first body paragraph
 * @param paragraphs   body paragraphs with the line each starts on, credits cut from the lead
 * @param source       issuing organisation from the dateline, byline or publication line, or null
 * @param place        place of the dateline, or null
 * @param edition      edition printed on the publication line (01版), or null
 * @param publication  date of a publication line, or null
 * @param dateline     month and day of the dateline, or null
 * @param reporters    reporters and authors, in order of appearance
 * @param contributors others credited, role:name
 * @param credits      the printed text of every credit, dateline and publication line cut from the story
 * @param headings     headline lines given to this story (by {@link HeadlineAssigner})
 */
public record Draft(int startBlock, int endBlock, int firstLine, List<Para> paragraphs, String source,
    String place, String edition, LocalDate publication, MonthDay dateline, List<String> reporters,
    List<String> contributors, List<String> credits, List<Heading> headings) {

  /** A body paragraph and the line it starts on. */
  public record Para(String text, int line) {}

  /**
   * A headline line given to a story.
   *
   * @param block  the first block of the run of consecutive headline blocks the line came from
   * @param order  position of the line among the page's headline lines
   * @param inside printed between the story's first and last blocks (a subhead)
   * @param score  how well the line matched the story
   * @param lineNo 1-based line of the headline block in the file
   */
  public record Heading(int block, int order, String line, boolean inside, double score, int lineNo) {}

  public Draft {
    paragraphs = List.copyOf(paragraphs);
    reporters = List.copyOf(reporters);
    contributors = List.copyOf(contributors);
    credits = List.copyOf(credits);
    headings = List.copyOf(headings);
  }

  public List<String> texts() {
    return paragraphs.stream().map(Para::text).toList();
  }

  Draft withParagraphs(List<Para> ps) {
    return new Draft(startBlock, endBlock, firstLine, ps, source, place, edition, publication, dateline, reporters,
        contributors, credits, headings);
  }

  Draft withHeadings(List<Heading> hs) {
    return new Draft(startBlock, endBlock, firstLine, paragraphs, source, place, edition, publication, dateline,
        reporters, contributors, credits, hs);
  }

  Draft withHeading(Heading h) {
    List<Heading> hs = new ArrayList<>(headings);
    hs.add(h);
    return withHeadings(hs);
  }
}

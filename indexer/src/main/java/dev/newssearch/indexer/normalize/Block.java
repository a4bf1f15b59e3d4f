package dev.newssearch.indexer.normalize;

import java.util.List;

/**
 * One reflowed unit of a page, in file order.
 *
 * @param kind         BODY: a paragraph of running text; HEADING: headline, kicker, subhead or caption lines
 *                     (kept as separate lines, the segmenter decides which is which); TRAILER: a standalone
 *                     byline, dateline, publication or source line
 * @param lines        the cleaned printed lines the block was built from
 * @param text         the reflowed text (lines joined without spaces between CJK characters)
 * @param firstLine    1-based line number in the decoded file
 * @param continuation the block started with a continuation marker (上接1版)
 * @param display      a line was set in display type (letter-spaced or doubled glyphs): a headline or caption
 * @param continuedOn  the block ends where a "（下转2版）" marker was printed: its story's text on this page
 *                     stops there, and what follows belongs to another story (or is this story's headline)
 */
public record Block(Kind kind, List<String> lines, String text, int firstLine, boolean continuation,
    boolean display, boolean continuedOn) {
  public enum Kind { BODY, HEADING, TRAILER }

  public Block {
    lines = List.copyOf(lines);
  }

  /** The same lines read as running text: a paragraph, in body type. */
  public Block asBody() {
    return new Block(Kind.BODY, lines, text, firstLine, continuation, false, continuedOn);
  }
}

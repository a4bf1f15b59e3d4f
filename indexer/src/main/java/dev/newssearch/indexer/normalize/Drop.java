package dev.newssearch.indexer.normalize;

/**
 * Printed text that deliberately goes into no document, with where it was and why. Every character of a
 * page ends up in a paragraph, a headline field, a credit field, or one of these; the run report lists them
 * ({@code inspect --dropped}) so that nothing is lost silently.
 *
 * @param line   1-based line of the decoded file the text was printed on
 * @param reason why it is not indexed
 * @param text   the dropped text as printed
 */
public record Drop(int line, Reason reason, String text) {
  public enum Reason {
    /** Page furniture: section labels, "扫一扫", page numerals (rules in pipeline/furniture.txt). */
    FURNITURE,
    /** A jump line: "（上接1版）", "（下转2版）". */
    CONTINUATION_MARKER,
    /** The second copy of a glyph printed twice by bold or shadowed type ("新疆新疆"). */
    DOUBLED_GLYPHS,
    /** A web summary bullet repeated in full later in its story. */
    REPEATED_SUMMARY,
    /** A headline-like line that matches no story on the page (a caption or a headline of another page). */
    UNPLACED_HEADLINE,
    /** A byline or source line followed by no story. */
    ORPHAN_CREDIT;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}

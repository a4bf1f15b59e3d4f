package dev.newssearch.indexer.segment;

/**
 * How a headline line is scored against a story: the weighted share of its character pairs found in the
 * story's body, plus small bonuses for where it was printed. The bonuses only break near-ties; the words
 * decide.
 *
 * @param before    the line is printed right before the story's first block
 * @param after     the line is printed right after the story's last block
 * @param inside    the line is printed between the story's first and last blocks (a subhead)
 * @param sameGroup the previous line of the same headline group went to this story
 * @param minimum   a line scoring less matches no story and is reported as unplaced
 * @param window    stories considered on each side of the line's position: a headline is printed on the
 *                  page of its story, and this bound keeps the assignment linear in the file's size
 */
public record HeadlineWeights(double before, double after, double inside, double sameGroup, double minimum, int window) {
  public static final HeadlineWeights DEFAULTS = new HeadlineWeights(0.25, 0.2, 0.35, 0.15, 0.2, 60);
}

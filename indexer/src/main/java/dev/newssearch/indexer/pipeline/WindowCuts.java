package dev.newssearch.indexer.pipeline;

import dev.newssearch.indexer.dates.PageHeader;
import dev.newssearch.indexer.normalize.Text;
import dev.newssearch.indexer.source.TextWindows;
import java.util.BitSet;
import java.util.List;

/**
 * Where a full window of a big file ends: at the strongest page boundary in its last quarter, so that a
 * window holds whole pages and a story is cut only when a quarter of a window holds no boundary at all.
 * Strongest first: a page break (form feed); a page header or masthead line ({@link PageHeader}, the line
 * the normalize stage drops as furniture and dates the page by); a run of blank lines after a sentence end;
 * one blank line after a sentence end (a paragraph end in columns); a line after a sentence end. Among equals
 * the latest wins (fuller windows). The next window starts at the chosen line.
 */
final class WindowCuts implements TextWindows.Cut {
  private static final int PAGE_BREAK = 5;
  private static final int PAGE_HEADER = 4;
  private static final int BLANK_RUN = 3;
  private static final int BLANK_LINE = 2;
  private static final int SENTENCE_END = 1;
  private static final int ANY = 0;

  private final PageHeader headers;

  WindowCuts(PageHeader headers) {
    this.headers = headers;
  }

  @Override
  public int at(List<String> lines, int from, BitSet breaks) {
    int best = lines.size();
    int bestScore = -1;
    for (int i = from; i < lines.size(); i++) {
      int s = score(lines, i, breaks);
      if (s >= bestScore) {
        bestScore = s;
        best = i;
      }
    }
    return best;
  }

  /** How good a boundary lies just before line {@code i}. */
  private int score(List<String> lines, int i, BitSet breaks) {
    if (breaks.get(i)) return PAGE_BREAK;
    String line = lines.get(i);
    if (line.isEmpty()) return ANY; // cut before the first line after blanks, not between them
    if (headers.isHeader(line)) return PAGE_HEADER;
    int blanks = 0;
    int j = i - 1;
    while (j >= 0 && lines.get(j).isEmpty()) {
      blanks++;
      j--;
    }
    if (j < 0 || !Text.endsSentence(lines.get(j))) return ANY;
    return blanks >= 2 ? BLANK_RUN : blanks == 1 ? BLANK_LINE : SENTENCE_END;
  }
}

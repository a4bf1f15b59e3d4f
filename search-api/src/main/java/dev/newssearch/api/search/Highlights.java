package dev.newssearch.api.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a whole highlighted paragraph (HTML-escaped text with {@code <em>} marks, as Elasticsearch
 * returns it with {@code number_of_fragments: 0}) into fragments around the marks. Doing it here
 * rather than in the highlighter lets a short paragraph come back whole and a long one as a few
 * windows of about {@code fragmentChars} visible characters, never cutting a mark or an entity.
 */
public final class Highlights {
  private static final String OPEN = "<em>";
  private static final String CLOSE = "</em>";

  private Highlights() {}

  /** Adjacent marks ({@code <em>脱贫</em><em>攻坚</em>}) become one word-level mark. */
  public static String mergeAdjacent(String html) {
    return html.replace(CLOSE + OPEN, "");
  }

  /**
   * The marks of two highlights of the same text in one: {@code words} marks IK words of
   * {@code text}, {@code exact} the exact occurrences found on {@code text.chars} (a substring that
   * cuts across IK words has no IK mark at all). A character is marked when either marks it, and
   * touching or overlapping marks become one, so a phrase comes back as one {@code <em>…</em>}.
   * The marks of one-character IK tokens are dropped when there is an exact mark (see below).
   * Null arguments are "no highlight"; if the two disagree on the text itself, the one with marks wins.
   */
  public static String union(String words, String exact) {
    if (words == null || !words.contains(OPEN)) {
      return exact == null || !exact.contains(OPEN) ? words : mergeAdjacent(exact);
    }
    if (exact == null || !exact.contains(OPEN)) {
      return mergeAdjacent(words);
    }
    Marked a = Marked.parse(words);
    Marked b = Marked.parse(exact);
    if (!a.sameText(b)) {
      return mergeAdjacent(words);
    }
    boolean[] marked = new boolean[a.count];
    for (int i = 0; i < a.count; i++) {
      // when the paragraph holds a query word exactly, a one-character IK token is the rest of a word the
      // query cut across (贫攻坚成效 → 贫 | 攻坚 | 成效 marks every 贫), or a word IK has no entry for, cut
      // into its characters (防控 → 防 | 控), whose every lone 防 and 控 it marks: noise beside the exact mark,
      // also where two such tokens, or such a token and a word, stand side by side
      marked[i] = (a.marked[i] && !a.alone[i]) || b.marked[i];
    }
    return a.html(0, a.count, marked, false, false);
  }

  public static List<String> fragments(String html, int wholeUpTo, int fragmentChars, int maxFragments) {
    html = mergeAdjacent(html);
    Marked units = Marked.parse(html);
    int visible = units.count;
    if (visible <= wholeUpTo || !html.contains(OPEN)) {
      if (visible <= wholeUpTo) {
        return List.of(html);
      }
      return List.of(units.html(0, fragmentChars, units.marked, false, true));
    }
    List<String> out = new ArrayList<>();
    int coveredUntil = -1;
    for (int mark = 0; mark < visible; mark++) {
      boolean markStart = units.marked[mark] && (mark == 0 || !units.marked[mark - 1]);
      if (!markStart || mark < coveredUntil) {
        continue;
      }
      int start = Math.max(Math.max(0, coveredUntil), Math.min(mark - fragmentChars / 4, visible - fragmentChars));
      int end = Math.min(visible, start + fragmentChars);
      out.add(units.html(start, end, units.marked, start > 0, end < visible));
      coveredUntil = end;
      if (out.size() == maxFragments) {
        break;
      }
    }
    return out;
  }

  /**
   * A highlighted text parsed once: its visible units (a character, a surrogate pair or an entity
   * such as {@code &amp;}) as offsets into the HTML, and which of them a mark covers. Arrays rather
   * than an object per character: the API parses every hit's highlights on every search.
   */
  private static final class Marked {
    final String html;
    final int count;
    final int[] from;
    final int[] to;
    final boolean[] marked;
    /** The unit is all that one {@code <em>…</em>} marks: Elasticsearch marks each matched token on its own. */
    final boolean[] alone;

    private Marked(String html, int count, int[] from, int[] to, boolean[] marked, boolean[] alone) {
      this.html = html;
      this.count = count;
      this.from = from;
      this.to = to;
      this.marked = marked;
      this.alone = alone;
    }

    static Marked parse(String html) {
      int n = html.length();
      int[] from = new int[n];
      int[] to = new int[n];
      boolean[] marked = new boolean[n];
      boolean[] alone = new boolean[n];
      int count = 0;
      boolean open = false;
      int openedAt = 0;
      int i = 0;
      while (i < n) {
        if (html.startsWith(OPEN, i)) {
          open = true;
          openedAt = count;
          i += OPEN.length();
          continue;
        }
        if (html.startsWith(CLOSE, i)) {
          if (open && count == openedAt + 1) {
            alone[openedAt] = true;
          }
          open = false;
          i += CLOSE.length();
          continue;
        }
        int end;
        if (html.charAt(i) == '&') {
          int semi = html.indexOf(';', i);
          end = semi > 0 && semi - i <= 10 ? semi + 1 : i + 1;
        } else {
          end = i + Character.charCount(html.codePointAt(i));
        }
        from[count] = i;
        to[count] = end;
        marked[count] = open;
        count++;
        i = end;
      }
      return new Marked(html, count, from, to, java.util.Arrays.copyOf(marked, count), java.util.Arrays.copyOf(alone, count));
    }

    boolean sameText(Marked other) {
      if (count != other.count) {
        return false;
      }
      for (int i = 0; i < count; i++) {
        int len = to[i] - from[i];
        if (len != other.to[i] - other.from[i] || !html.regionMatches(from[i], other.html, other.from[i], len)) {
          return false;
        }
      }
      return true;
    }

    /** Units {@code [start, end)} with the given marks, touching marked units as one {@code <em>}. */
    String html(int start, int end, boolean[] marks, boolean ellipsisBefore, boolean ellipsisAfter) {
      end = Math.min(end, count);
      StringBuilder sb = new StringBuilder((end > start ? to[end - 1] - from[start] : 0) + 16);
      if (ellipsisBefore) {
        sb.append('…');
      }
      boolean open = false;
      for (int i = start; i < end; i++) {
        if (marks[i] && !open) {
          sb.append(OPEN);
        } else if (!marks[i] && open) {
          sb.append(CLOSE);
        }
        open = marks[i];
        sb.append(html, from[i], to[i]);
      }
      if (open) {
        sb.append(CLOSE);
      }
      if (ellipsisAfter) {
        sb.append('…');
      }
      return sb.toString();
    }
  }
}

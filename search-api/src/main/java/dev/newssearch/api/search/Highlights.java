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
   * One-character IK marks are dropped when there is an exact mark (see below).
   * Null arguments are "no highlight"; if the two disagree on the text itself, the one with marks wins.
   */
  public static String union(String words, String exact) {
    if (words == null || !words.contains(OPEN)) {
      return exact == null || !exact.contains(OPEN) ? words : mergeAdjacent(exact);
    }
    if (exact == null || !exact.contains(OPEN)) {
      return mergeAdjacent(words);
    }
    List<Unit> a = units(words);
    List<Unit> b = units(exact);
    List<String> visible = new ArrayList<>();
    List<Boolean> marked = new ArrayList<>();
    collect(a, visible, marked);
    List<String> visibleB = new ArrayList<>();
    List<Boolean> markedB = new ArrayList<>();
    collect(b, visibleB, markedB);
    if (!visible.equals(visibleB)) {
      return mergeAdjacent(words);
    }
    dropSingleCharacterMarks(marked);
    StringBuilder sb = new StringBuilder(words.length() + exact.length() / 4);
    boolean open = false;
    for (int i = 0; i < visible.size(); i++) {
      boolean m = marked.get(i) || markedB.get(i);
      if (m && !open) {
        sb.append(OPEN);
      } else if (!m && open) {
        sb.append(CLOSE);
      }
      open = m;
      sb.append(visible.get(i));
    }
    if (open) {
      sb.append(CLOSE);
    }
    return sb.toString();
  }

  /**
   * When the paragraph holds a query word exactly, a one-character IK mark is the rest of a word
   * that the query cut across (贫攻坚成效 → 贫 | 攻坚 | 成效 marks every lone 贫): noise beside the
   * exact mark.
   */
  private static void dropSingleCharacterMarks(List<Boolean> marked) {
    for (int i = 0; i < marked.size(); i++) {
      boolean single = marked.get(i) && (i == 0 || !marked.get(i - 1)) && (i + 1 == marked.size() || !marked.get(i + 1));
      if (single) {
        marked.set(i, false);
      }
    }
  }

  private static void collect(List<Unit> units, List<String> visible, List<Boolean> marked) {
    boolean open = false;
    for (Unit u : units) {
      if (u.visible) {
        visible.add(u.text);
        marked.add(open);
      } else {
        open = u.text.equals(OPEN);
      }
    }
  }

  public static List<String> fragments(String html, int wholeUpTo, int fragmentChars, int maxFragments) {
    html = mergeAdjacent(html);
    List<Unit> units = units(html);
    long visible = units.stream().filter(u -> u.visible).count();
    if (visible <= wholeUpTo || !html.contains(OPEN)) {
      if (visible <= wholeUpTo) {
        return List.of(html);
      }
      return List.of(window(units, 0, fragmentChars, false, true));
    }
    List<Integer> markStarts = new ArrayList<>();
    for (int i = 0, vis = 0; i < units.size(); i++) {
      Unit u = units.get(i);
      if (u.text.equals(OPEN)) {
        markStarts.add(vis);
      }
      if (u.visible) {
        vis++;
      }
    }
    List<String> out = new ArrayList<>();
    int coveredUntil = -1;
    for (int mark : markStarts) {
      if (mark < coveredUntil) {
        continue;
      }
      int start = (int) Math.max(Math.max(0, coveredUntil), Math.min(mark - fragmentChars / 4, visible - fragmentChars));
      int end = (int) Math.min(visible, start + fragmentChars);
      out.add(window(units, start, end - start, start > 0, end < visible));
      coveredUntil = end;
      if (out.size() == maxFragments) {
        break;
      }
    }
    return out;
  }

  private record Unit(String text, boolean visible) {}

  private static List<Unit> units(String html) {
    List<Unit> units = new ArrayList<>();
    int i = 0;
    while (i < html.length()) {
      if (html.startsWith(OPEN, i)) {
        units.add(new Unit(OPEN, false));
        i += OPEN.length();
      } else if (html.startsWith(CLOSE, i)) {
        units.add(new Unit(CLOSE, false));
        i += CLOSE.length();
      } else if (html.charAt(i) == '&') {
        int semi = html.indexOf(';', i);
        int end = semi > 0 && semi - i <= 10 ? semi + 1 : i + 1;
        units.add(new Unit(html.substring(i, end), true));
        i = end;
      } else {
        int cp = html.codePointAt(i);
        int len = Character.charCount(cp);
        units.add(new Unit(html.substring(i, i + len), true));
        i += len;
      }
    }
    return units;
  }

  private static String window(List<Unit> units, int start, int length, boolean ellipsisBefore, boolean ellipsisAfter) {
    StringBuilder sb = new StringBuilder();
    if (ellipsisBefore) {
      sb.append('…');
    }
    boolean open = false;
    boolean emittedOpen = false;
    int vis = 0;
    for (Unit u : units) {
      if (u.visible) {
        if (vis >= start && vis < start + length) {
          if (open && !emittedOpen) {
            sb.append(OPEN);
            emittedOpen = true;
          }
          sb.append(u.text);
        }
        vis++;
      } else if (u.text.equals(OPEN)) {
        open = true;
        emittedOpen = vis >= start && vis < start + length;
        if (emittedOpen) {
          sb.append(OPEN);
        }
      } else {
        if (emittedOpen) {
          sb.append(CLOSE);
        }
        open = false;
        emittedOpen = false;
      }
    }
    if (emittedOpen) {
      sb.append(CLOSE);
    }
    if (ellipsisAfter) {
      sb.append('…');
    }
    return sb.toString();
  }
}

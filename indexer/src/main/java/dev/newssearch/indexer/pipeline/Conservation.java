package dev.newssearch.indexer.pipeline;

import dev.newssearch.indexer.normalize.Drop;
import dev.newssearch.indexer.normalize.Text;
import dev.newssearch.indexer.segment.Article;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the Han characters of a file went. Each one must be in exactly one named place: a paragraph, a
 * headline field (title, kicker, subtitle, subhead), a credit (byline, dateline, publication line), or a
 * reported {@link Drop}. Counted as multisets of characters, so a character lost in one place and printed
 * twice in another does not cancel out: {@code missing} and {@code extra} are counted apart.
 *
 * @param input       Han characters of the decoded file
 * @param paragraphs  in body paragraphs
 * @param headlines   in titles, kickers, subtitles and subheads
 * @param credits     in bylines, datelines, publication and source lines
 * @param dropped     in reported drops
 * @param missing     in the input but in no named place
 * @param extra       in named places more often than in the input (text duplicated by a stage)
 * @param missingText the missing characters, in input order (for finding where they were lost)
 */
public record Conservation(int input, int paragraphs, int headlines, int credits, int dropped, int missing, int extra,
    String missingText) {
  public static final Conservation NONE = new Conservation(0, 0, 0, 0, 0, 0, 0, "");

  public int unaccounted() {
    return missing + extra;
  }

  /** Two parts of one file (windows) together: their characters are disjoint, so the counts add up. */
  public Conservation plus(Conservation other) {
    return new Conservation(input + other.input, paragraphs + other.paragraphs, headlines + other.headlines,
        credits + other.credits, dropped + other.dropped, missing + other.missing, extra + other.extra,
        missingText + other.missingText);
  }

  public static Conservation of(String decoded, List<Article> articles, List<Drop> drops) {
    Counts left = new Counts();
    for (int i = 0; i < decoded.length(); ) {
      int c = decoded.codePointAt(i);
      i += Character.charCount(c);
      if (Text.isHan(c)) left.add(c);
    }
    int input = left.total;
    int[] extra = {0};
    int paragraphs = 0;
    int headlines = 0;
    int credits = 0;
    for (Article a : articles) {
      for (String p : a.paragraphs()) paragraphs += take(left, p, extra);
      List<String> heads = new ArrayList<>(a.subheads());
      for (String h : new String[] {a.title(), a.kicker(), a.subtitle()}) if (h != null) heads.add(h);
      for (String h : heads) headlines += take(left, h, extra);
      for (String c : a.credits()) credits += take(left, c, extra);
    }
    int dropped = 0;
    for (Drop d : drops) dropped += take(left, d.text(), extra);
    int missing = left.total;
    String missingText = missing == 0 ? "" : left.inOrderOf(decoded);
    return new Conservation(input, paragraphs, headlines, credits, dropped, missing, extra[0], missingText);
  }

  /** Takes the Han characters of {@code s} from {@code left}; those not there are counted as extra. */
  private static int take(Counts left, String s, int[] extra) {
    int n = 0;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (!Text.isHan(c)) continue;
      n++;
      if (!left.take(c)) extra[0]++;
    }
    return n;
  }

  /**
   * A multiset of Han characters: counts in an array over the Basic Multilingual Plane from U+2E80, where
   * nearly all of them are (a map of boxed counts cost more than the rest of the check), a map above it.
   */
  private static final class Counts {
    private static final int BASE = 0x2E80;
    private final int[] bmp = new int[0x10000 - BASE];
    private final Map<Integer, Integer> astral = new HashMap<>();
    private int total;

    void add(int c) {
      total++;
      if (c < 0x10000) bmp[c - BASE]++;
      else astral.merge(c, 1, Integer::sum);
    }

    boolean take(int c) {
      if (c < 0x10000) {
        if (bmp[c - BASE] == 0) return false;
        bmp[c - BASE]--;
      } else {
        Integer n = astral.get(c);
        if (n == null || n == 0) return false;
        astral.put(c, n - 1);
      }
      total--;
      return true;
    }

    /** The characters still counted, in the order {@code text} prints them (the first occurrences). */
    String inOrderOf(String text) {
      int[] rest = bmp.clone();
      Map<Integer, Integer> restAstral = new HashMap<>(astral);
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < text.length(); ) {
        int c = text.codePointAt(i);
        i += Character.charCount(c);
        if (!Text.isHan(c)) continue;
        if (c < 0x10000) {
          if (rest[c - BASE] > 0) {
            rest[c - BASE]--;
            out.appendCodePoint(c);
          }
        } else {
          Integer n = restAstral.get(c);
          if (n != null && n > 0) {
            restAstral.put(c, n - 1);
            out.appendCodePoint(c);
          }
        }
      }
      return out.toString();
    }
  }
}

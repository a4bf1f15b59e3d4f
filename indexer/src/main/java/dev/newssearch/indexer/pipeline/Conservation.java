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
    Map<Integer, Integer> left = Text.hanCounts(decoded);
    int input = left.values().stream().mapToInt(Integer::intValue).sum();
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
    StringBuilder missingText = new StringBuilder();
    Map<Integer, Integer> rest = new HashMap<>(left);
    decoded.codePoints().filter(Text::isHan).forEach(c -> {
      Integer n = rest.get(c);
      if (n != null && n > 0) {
        missingText.appendCodePoint(c);
        rest.put(c, n - 1);
      }
    });
    int missing = left.values().stream().mapToInt(Integer::intValue).sum();
    return new Conservation(input, paragraphs, headlines, credits, dropped, missing, extra[0], missingText.toString());
  }

  /** Takes the Han characters of {@code s} from {@code left}; those not there are counted as extra. */
  private static int take(Map<Integer, Integer> left, String s, int[] extra) {
    int n = 0;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (!Text.isHan(c)) continue;
      n++;
      Integer have = left.get(c);
      if (have != null && have > 0) left.put(c, have - 1);
      else extra[0]++;
    }
    return n;
  }
}

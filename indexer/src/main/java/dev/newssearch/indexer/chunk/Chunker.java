package dev.newssearch.indexer.chunk;

import dev.newssearch.core.hash.Murmur3;
import dev.newssearch.indexer.normalize.Text;
import dev.newssearch.indexer.segment.Article;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The chunk stage: one {@link Chunk} per body paragraph, long paragraphs split at sentence ends.
 *
 * <p>Ids are content-derived so that re-indexing the same file overwrites instead of duplicating:
 * {@code articleId = sha256(file name, article's first paragraph, occurrence)[0..20)} and
 * {@code id = sha256(articleId, position, text)[0..20)}. The article key deliberately leaves out the
 * article's index in the file, so editing or inserting another article leaves this one's ids unchanged.
 */
public final class Chunker {
  private final int maxChars;

  public Chunker(int maxChars) {
    this.maxChars = maxChars;
  }

  public List<Chunk> chunks(String fileName, List<Article> articles) {
    return chunks(fileName, articles, new HashMap<>());
  }

  /**
   * As above for a file that comes in windows: {@code seen} counts the occurrences of each article key over
   * the windows so far (one map per file), so an article repeated in a later window gets its own id.
   */
  public List<Chunk> chunks(String fileName, List<Article> articles, Map<String, Integer> seen) {
    List<Chunk> out = new ArrayList<>();
    for (Article a : articles) {
      String key = fileName + "\n" + (a.paragraphs().isEmpty() ? String.valueOf(a.title()) : a.paragraphs().get(0));
      int occurrence = seen.merge(key, 1, Integer::sum);
      String articleId = Murmur3.hex(key + "\n" + occurrence).substring(0, 20);
      int position = 0;
      for (String paragraph : a.paragraphs()) {
        for (String piece : split(paragraph, maxChars)) {
          position++;
          String id = Murmur3.hex(articleId + "\n" + position + "\n" + piece).substring(0, 20);
          out.add(new Chunk(id, articleId, position, piece, a));
        }
      }
    }
    return out;
  }

  /**
   * Splits at the last sentence end before the bound; a sentence longer than the bound is cut at a comma. A
   * sentence end early in the piece still beats a cut inside the next sentence ("…做刀工。" before a weather
   * table). A run with neither (a table of cities and temperatures) is cut where a Han word starts after
   * digits or symbols ("27℃|天津"), so no word is halved, else hard.
   */
  public static List<String> split(String text, int maxChars) {
    List<String> out = new ArrayList<>();
    String rest = text;
    while (rest.length() > maxChars) {
      int cut = lastIndexOfAny(rest, "。！？；", maxChars);
      int comma = lastIndexOfAny(rest, "，、", maxChars);
      if (cut < maxChars / 3 && comma >= maxChars / 3) cut = comma;
      if (cut < 1) cut = wordStart(rest, maxChars) - 1;
      if (cut < 1) cut = comma;
      if (cut < 1) cut = maxChars - 1;
      int end = cut + 1;
      while (end < rest.length() && "”’）」』".indexOf(rest.charAt(end)) >= 0) end++;
      out.add(rest.substring(0, end));
      rest = rest.substring(end);
    }
    if (!rest.isEmpty()) out.add(rest);
    return out;
  }

  /** The last position in the final third before the bound where a Han character follows a non-Han one, or -1. */
  private static int wordStart(String s, int before) {
    for (int i = Math.min(before, s.length()) - 1; i >= Math.max(1, 2 * before / 3); i--) {
      if (Text.isHan(s.charAt(i)) && !Text.isHan(s.charAt(i - 1)) && !Text.isCjkPunct(s.charAt(i - 1))) return i;
    }
    return -1;
  }

  private static int lastIndexOfAny(String s, String chars, int before) {
    for (int i = Math.min(before - 1, s.length() - 1); i >= 0; i--) {
      if (chars.indexOf(s.charAt(i)) >= 0) return i;
    }
    return -1;
  }
}

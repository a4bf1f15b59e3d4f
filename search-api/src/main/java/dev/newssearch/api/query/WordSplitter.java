package dev.newssearch.api.query;

import dev.newssearch.analysis.ik.IkMode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.wltea.analyzer.core.IKSegmenter;
import org.wltea.analyzer.core.Lexeme;
import org.wltea.analyzer.dic.Dictionary;

/**
 * Cuts what a user typed without spaces ({@code 海南美丽乡村}) into words ({@code 海南 / 美丽乡村}) with
 * IK's smart mode, in this process: the node's {@code _analyze} would cost a second round trip per
 * search. The words are then matched as exact substrings (see {@code QueryBuilder}), so a word IK
 * cuts differently in the index still matches, and a name missing from this dictionary (IK's own
 * plus the synonym terms and the names learned from the index, see {@code IndexedNames}) is cut into
 * pieces that all still match.
 *
 * <p>IK keeps one dictionary per class loader; this class is the API's only user of it. IK's trie is
 * not built for a write while another thread reads it, so words are added under a write lock and
 * every cut holds the read lock.
 *
 * <p>A search asks for the cut of each of its words a dozen times (its query, its highlights, its tiers), and
 * users repeat words; each cut is a new {@link IKSegmenter} with its own 4,096-character buffer (4 % of the
 * API's CPU at 40 searches a second, bench/RESULTS.md). So cuts are kept, {@value #KEPT_CUTS} at most, and
 * forgotten whenever the dictionary gains words, since a new word can change the cut of a kept one.
 */
public final class WordSplitter {
  /** The IK plugin's domain terms (脱贫攻坚, 中欧班列 …), copied here by the build. */
  static final String TERMS = "ik/news_terms.dic";

  private WordSplitter() {
    Dictionary.initial(IkMode.SMART);
    try (var in = WordSplitter.class.getClassLoader().getResourceAsStream(TERMS)) {
      if (in != null) {
        List<String> words = new java.io.BufferedReader(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8))
            .lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        Dictionary.getSingleton().addWords(words);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + TERMS, e);
    }
  }

  public static WordSplitter shared() {
    return SHARED;
  }

  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  /**
   * Adds words IK must keep whole (the synonym terms: 世界卫生组织 is not 世界 / 卫生组织; the names
   * learned by the indexer: 钟南山 is not 钟 / 南山).
   */
  public void addWords(Collection<String> words) {
    lock.writeLock().lock();
    try {
      Dictionary.getSingleton().addWords(words);
      cuts.clear();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * The words of {@code text} in order, lower case, punctuation dropped; the text itself when IK
   * finds nothing (a query of punctuation only).
   */
  public List<String> split(String text) {
    return kept(text, IkMode.SMART, this::cut);
  }

  private List<String> cut(String text) {
    List<String> words = new ArrayList<>();
    for (Lexeme l : lexemes(text, IkMode.SMART)) {
      String w = l.getLexemeText().toLowerCase(Locale.ROOT);
      if (!w.isBlank()) {
        words.add(w);
      }
    }
    return List.copyOf(words);
  }

  /**
   * The finest cover of {@code word} by dictionary words: from the left, the shortest word of two or
   * more characters IK's max-word mode finds there ({@code 中国人民} → 中国 / 人民); none when a single
   * character would be left over (习近平 stays whole).
   * Typed together, two words can make a longer dictionary word across their boundary (中国 + 人民);
   * a paragraph holding them apart still holds this cover. The word itself when there is nothing finer.
   */
  public List<String> finest(String word) {
    return kept(word, IkMode.MAX_WORD, this::cover);
  }

  private List<String> cover(String word) {
    List<int[]> spans = new ArrayList<>();
    for (Lexeme l : lexemes(word, IkMode.MAX_WORD)) {
      spans.add(new int[] {l.getBeginPosition(), l.getEndPosition()});
    }
    List<String> out = new ArrayList<>();
    int at = 0;
    while (at < word.length()) {
      int end = -1;
      for (int[] s : spans) {
        if (s[0] == at && s[1] - s[0] >= 2 && s[1] - s[0] < word.length() && (end < 0 || s[1] < end)) {
          end = s[1];
        }
      }
      if (end < 0) {
        // a lone character would match almost any paragraph: no finer cover then
        return List.of(word.toLowerCase(Locale.ROOT));
      }
      out.add(word.substring(at, end).toLowerCase(Locale.ROOT));
      at = end;
    }
    return out.size() <= 1 ? List.of(word.toLowerCase(Locale.ROOT)) : List.copyOf(out);
  }

  static final int KEPT_CUTS = 10_000;

  /** The kept cut of {@code text} in {@code mode}, else {@code cut}'s; under the read lock: no word comes meanwhile. */
  private List<String> kept(String text, IkMode mode, Function<String, List<String>> cut) {
    Cut key = new Cut(text, mode);
    lock.readLock().lock();
    try {
      List<String> known = cuts.get(key);
      if (known != null) {
        return known;
      }
      if (cuts.size() >= KEPT_CUTS) {
        cuts.clear();
      }
      List<String> made = cut.apply(text);
      cuts.put(key, made);
      return made;
    } finally {
      lock.readLock().unlock();
    }
  }

  private record Cut(String text, IkMode mode) {}

  private final Map<Cut, List<String>> cuts = new ConcurrentHashMap<>();

  /**
   * IK's cut of {@code text} in one of the plugin's modes (no bundled stop words: they drop real words
   * such as 在, 二 and 人民); called only by {@link #kept}, under the read lock (see the class comment).
   */
  private static List<Lexeme> lexemes(String text, IkMode mode) {
    List<Lexeme> out = new ArrayList<>();
    IKSegmenter segmenter = new IKSegmenter(new StringReader(text), mode);
    try {
      for (Lexeme l = segmenter.next(); l != null; l = segmenter.next()) {
        out.add(l);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading a string cannot fail", e);
    }
    return out;
  }

  private static final WordSplitter SHARED = new WordSplitter();
}

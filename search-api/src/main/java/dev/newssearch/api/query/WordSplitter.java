package dev.newssearch.api.query;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.wltea.analyzer.cfg.Configuration;
import org.wltea.analyzer.core.IKSegmenter;
import org.wltea.analyzer.core.Lexeme;
import org.wltea.analyzer.dic.Dictionary;

/**
 * Cuts what a user typed without spaces ({@code 海南美丽乡村}) into words ({@code 海南 / 美丽乡村}) with
 * IK's smart mode, in this process: the node's {@code _analyze} would cost a second round trip per
 * search. The words are then matched as exact substrings (see {@code QueryBuilder}), so a word IK
 * cuts differently in the index still matches, and a name missing from this dictionary (IK's own
 * plus the synonym terms; the node's learned names are not visible here) is cut into pieces that all
 * still match.
 *
 * <p>IK keeps one dictionary per class loader; this class is the API's only user of it.
 */
public final class WordSplitter {
  private WordSplitter() {
    Dictionary.initial(SMART);
  }

  public static WordSplitter shared() {
    return SHARED;
  }

  /** Adds words IK must keep whole (the synonym terms: 世界卫生组织 is not 世界 / 卫生组织). */
  public synchronized void addWords(Collection<String> words) {
    Dictionary.getSingleton().addWords(words);
  }

  /**
   * The words of {@code text} in order, lower case, punctuation dropped; the text itself when IK
   * finds nothing (a query of punctuation only).
   */
  public List<String> split(String text) {
    List<String> words = new ArrayList<>();
    IKSegmenter segmenter = new IKSegmenter(new StringReader(text), SMART);
    try {
      for (Lexeme l = segmenter.next(); l != null; l = segmenter.next()) {
        String w = l.getLexemeText().toLowerCase(Locale.ROOT);
        if (!w.isBlank()) {
          words.add(w);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading a string cannot fail", e);
    }
    return words;
  }

  /**
   * Smart mode without IK's bundled stop words (they drop real words such as 在, 二 and 人民), the
   * same choice as the plugin's {@code IkMode}.
   */
  private static final Configuration SMART = new Configuration() {
    @Override
    public boolean useSmart() {
      return true;
    }

    @Override
    public void setUseSmart(boolean useSmart) {
      throw new UnsupportedOperationException("the API only segments in smart mode");
    }

    @Override
    public String getMainDictionary() {
      return "org/wltea/analyzer/dic/main2012.dic";
    }

    @Override
    public String getQuantifierDicionary() {
      return "org/wltea/analyzer/dic/quantifier.dic";
    }

    @Override
    public List<String> getExtDictionarys() {
      return List.of();
    }

    @Override
    public List<String> getExtStopWordDictionarys() {
      return List.of();
    }
  };

  // after SMART: static fields initialise in order
  private static final WordSplitter SHARED = new WordSplitter();
}

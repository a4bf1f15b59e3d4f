package dev.newssearch.analysis.ik;

import java.util.List;
import org.wltea.analyzer.cfg.Configuration;

/**
 * The two IK segmentation modes, as IK's {@link Configuration}.
 *
 * <p>Deliberately lists no extension or stop-word dictionaries: IK would look those up on the
 * classpath only, and its bundled {@code stopword.dic} drops real words such as 在, 二 and 人民.
 * Our dictionaries are files in the node's config folder, loaded by {@link IkDictionaries}.
 */
public enum IkMode implements Configuration {
  /** Every dictionary word it can find, overlapping: best recall, used at index time. */
  MAX_WORD(false),
  /** The single most likely segmentation: used at search time and for phrase-like queries. */
  SMART(true);

  private static final String MAIN_DICTIONARY = "org/wltea/analyzer/dic/main2012.dic";
  private static final String QUANTIFIER_DICTIONARY = "org/wltea/analyzer/dic/quantifier.dic";

  private final boolean smart;

  IkMode(boolean smart) {
    this.smart = smart;
  }

  @Override
  public boolean useSmart() {
    return smart;
  }

  @Override
  public void setUseSmart(boolean useSmart) {
    // the mode is the enum constant; IK's mutable flag would change it for every index at once
    throw new UnsupportedOperationException("pick IkMode.SMART or IkMode.MAX_WORD instead");
  }

  @Override
  public String getMainDictionary() {
    return MAIN_DICTIONARY;
  }

  @Override
  public String getQuantifierDicionary() {
    return QUANTIFIER_DICTIONARY;
  }

  @Override
  public List<String> getExtDictionarys() {
    return List.of();
  }

  @Override
  public List<String> getExtStopWordDictionarys() {
    return List.of();
  }
}

package dev.newssearch.analysis.ik;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Toneless pinyin of a word with pinyin4j: each Han character's first reading (习近平 → xi jin ping),
 * Latin letters and digits kept as they are. A character with several readings gets its most common
 * one, pinyin4j's first; names with a rare reading are then found by their common spelling only.
 */
final class Pinyin {
  private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();
  /** Words already read: a paragraph's terms repeat across an archive, and pinyin4j's lookup is slow. */
  private static final int CACHED_WORDS = 200_000;
  private static final String[] NONE = new String[0];
  /** The added tokens of each word, one map per choice of forms (initials or not, keyed or not). */
  @SuppressWarnings("unchecked")
  private static final ConcurrentHashMap<String, String[]>[] FORMS = new ConcurrentHashMap[] {
    new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>()
  };

  static {
    FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
    FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
    FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
  }

  /** Full pinyin ({@code xijinping}) and initials ({@code xjp}). */
  record Reading(String full, String initials) {}

  private Pinyin() {}

  /**
   * The tokens {@link PinyinTokenFilter} adds after {@code word}, in order: full pinyin, initials,
   * {@code full|word}, {@code initials|word} (those asked for, each once, never the word itself);
   * empty when the word has no reading. Kept per word, because the filter asks for every word of
   * every paragraph and the same few thousand words make most of an archive.
   */
  static String[] forms(String word, boolean initials, boolean keyed) {
    ConcurrentHashMap<String, String[]> cache = FORMS[(initials ? 2 : 0) + (keyed ? 1 : 0)];
    String[] forms = cache.get(word);
    if (forms == null) {
      if (cache.size() >= CACHED_WORDS) {
        cache.clear(); // bounded: a new archive's vocabulary refills it
      }
      forms = formsOf(word, initials, keyed);
      cache.put(word, forms);
    }
    return forms;
  }

  private static String[] formsOf(String word, boolean initials, boolean keyed) {
    Reading reading = of(word);
    if (reading == null) {
      return NONE;
    }
    Set<String> forms = new LinkedHashSet<>();
    forms.add(reading.full());
    if (initials) {
      forms.add(reading.initials());
    }
    if (keyed) {
      forms.add(reading.full() + "|" + word);
      if (initials) {
        forms.add(reading.initials() + "|" + word);
      }
    }
    forms.remove(word);
    return forms.toArray(NONE);
  }

  /** Null when the word has no Han character (nothing to add) or a character pinyin4j does not know. */
  static Reading of(String word) {
    StringBuilder full = new StringBuilder();
    StringBuilder initials = new StringBuilder();
    boolean han = false;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (Character.isLetterOrDigit(c) && c < 0x80) {
        full.append(Character.toLowerCase(c));
        initials.append(Character.toLowerCase(c));
        continue;
      }
      String[] readings;
      try {
        readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
      } catch (BadHanyuPinyinOutputFormatCombination e) {
        throw new IllegalStateException("toneless lower-case pinyin with v is a valid format", e);
      }
      if (readings == null || readings.length == 0) {
        if (Character.isLetterOrDigit(c)) {
          return null;
        }
        continue; // a separator (·) in a transliterated name
      }
      han = true;
      full.append(readings[0]);
      initials.append(readings[0].charAt(0));
    }
    return han ? new Reading(full.toString(), initials.toString()) : null;
  }
}

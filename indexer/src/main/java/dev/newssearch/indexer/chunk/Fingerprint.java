package dev.newssearch.indexer.chunk;

import com.hankcs.hanlp.HanLP;
import dev.newssearch.indexer.normalize.Text;
import dev.newssearch.core.hash.Murmur3;

/**
 * Keys for duplicate detection. {@code normalise} is the text search compares: simplified characters
 * (a traditional-character reprint is the same story), letters and digits only (a reprint often differs
 * in punctuation, spacing or line breaks), Latin lower-cased.
 */
public final class Fingerprint {
  private Fingerprint() {}

  public static String normalise(String text) {
    char[] simplified = Simplified.TABLE;
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Text.isHan(c) || Character.isLetterOrDigit(c)) sb.append(simplified[Character.toLowerCase(c)]);
    }
    return sb.toString();
  }

  /**
   * Each character's simplified form, from HanLP's traditional-to-simplified conversion asked one character at a
   * time, once: a key needs both printings to meet, not the phrase-aware conversion a reader would want (乾隆
   * stays 乾 in a phrase and becomes 干 here, in every copy alike), and a table lookup per character is what
   * lets every paragraph be keyed twice (its group, its near-duplicate shingles) at no cost worth measuring.
   */
  private static final class Simplified {
    static final char[] TABLE = table();

    private static char[] table() {
      char[] table = new char[Character.MAX_VALUE + 1];
      for (int c = 0; c <= Character.MAX_VALUE; c++) {
        table[c] = (char) c;
        if (Text.isHan(c)) {
          String s = HanLP.convertToSimplifiedChinese(String.valueOf((char) c));
          if (s.length() == 1) table[c] = s.charAt(0);
        }
      }
      return table;
    }
  }

  public static String contentHash(String text) {
    return Murmur3.hex(text);
  }

  public static String dupGroup(String text) {
    return Murmur3.hex(normalise(text)).substring(0, 16);
  }
}

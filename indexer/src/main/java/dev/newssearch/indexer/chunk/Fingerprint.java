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
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Text.isHan(c) || Character.isLetterOrDigit(c)) sb.append(Character.toLowerCase(c));
    }
    String s = sb.toString();
    return hasNonAscii(s) ? HanLP.convertToSimplifiedChinese(s) : s;
  }

  private static boolean hasNonAscii(String s) {
    for (int i = 0; i < s.length(); i++) if (s.charAt(i) > 0x7F) return true;
    return false;
  }

  public static String contentHash(String text) {
    return Murmur3.hex(text);
  }

  public static String dupGroup(String text) {
    return Murmur3.hex(normalise(text)).substring(0, 16);
  }
}

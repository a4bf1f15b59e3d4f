package dev.newssearch.api.query;

import com.hankcs.hanlp.HanLP;
import java.text.Normalizer;

/**
 * Brings what a user types to the form the index holds: NFKC folds full-width letters, digits and
 * punctuation to half-width; HanLP converts traditional characters to simplified, word by word (so
 * 乾隆 stays 乾隆 while 乾燥 becomes 干燥, which a character table would get wrong).
 */
public final class TextNormalizer {
  private TextNormalizer() {}

  public static String normalize(String raw) {
    if (raw == null) {
      return "";
    }
    String nfkc = Normalizer.normalize(raw, Normalizer.Form.NFKC);
    // NFKC leaves the ideographic space alone on some JDKs; it is a separator for us.
    nfkc = nfkc.replace('\u3000', ' ');
    // 「」『』“” are how Chinese users quote a phrase: treat them as the ASCII quote.
    nfkc = nfkc.replaceAll("[“”「」『』＂]", "\"");
    if (!containsHan(nfkc)) {
      return nfkc;
    }
    return HanLP.convertToSimplifiedChinese(nfkc);
  }

  /** Loads HanLP's conversion dictionary now rather than on the first user request. */
  public static void warmUp() {
    normalize("脫貧攻堅");
  }

  static boolean containsHan(String s) {
    return s.codePoints().anyMatch(TextNormalizer::isHan);
  }

  /** Whether {@code s} has characters and every one is a Han character. */
  public static boolean onlyHan(String s) {
    return !s.isEmpty() && s.codePoints().allMatch(TextNormalizer::isHan);
  }

  private static boolean isHan(int codePoint) {
    return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
  }
}

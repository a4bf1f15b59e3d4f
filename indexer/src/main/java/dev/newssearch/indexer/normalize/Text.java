package dev.newssearch.indexer.normalize;

import java.util.BitSet;

/** Character classes shared by the stages. */
public final class Text {
  /** Punctuation that ends a sentence, possibly followed by closing quotes/brackets. */
  private static final String FINAL = "。！？!?…；;";
  private static final String CLOSERS = "”’」』）)》\"'";

  private Text() {}

  /** First code point of the Han table: nothing below it is Han. */
  private static final int HAN_TABLE_FROM = 0x2E80;
  /** Which code points from {@link #HAN_TABLE_FROM} to U+FFFF are of Unicode's Han script, looked up once. */
  private static final BitSet HAN_TABLE = hanTable();

  private static BitSet hanTable() {
    BitSet han = new BitSet(0x10000 - HAN_TABLE_FROM);
    for (int c = HAN_TABLE_FROM; c <= 0xFFFF; c++) {
      if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) han.set(c - HAN_TABLE_FROM);
    }
    return han;
  }

  /**
   * Unicode's Han script. The script lookup is a binary search over every script range; the CJK Unified
   * Ideographs block (U+4E00–U+9FFC, nearly every character of a Chinese page) is all Han, and the rest of the
   * Basic Multilingual Plane comes from a table made with that lookup once, so full-width punctuation (about a
   * sixth of a page) does not search the ranges each time.
   */
  public static boolean isHan(int c) {
    if (c < HAN_TABLE_FROM) return false;
    if (c >= 0x4E00 && c <= 0x9FFC) return true;
    if (c <= 0xFFFF) return HAN_TABLE.get(c - HAN_TABLE_FROM);
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }

  /** Full-width CJK punctuation (，。：“”（）…) and the ideographic symbols block. */
  public static boolean isCjkPunct(int c) {
    return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20)
        || (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65) || c == '“' || c == '”' || c == '‘'
        || c == '’' || c == '—' || c == '…' || c == '·' || c == '●' || c == '□';
  }

  public static boolean isCjk(int c) {
    return isHan(c) || isCjkPunct(c);
  }

  public static boolean endsSentence(String s) {
    int i = s.length() - 1;
    while (i >= 0 && (CLOSERS.indexOf(s.charAt(i)) >= 0 || s.charAt(i) == ' ')) i--;
    return i >= 0 && FINAL.indexOf(s.charAt(i)) >= 0;
  }

  /** Width in full-width cells: a Han character or CJK punctuation counts 1, ASCII counts 1/2. */
  public static double width(String s) {
    double w = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      w += c < 0x2000 ? 0.5 : 1;
    }
    return w;
  }

  /**
   * Joins two wrapped lines: nothing between CJK, one space between two Latin words. A column of Chinese breaks
   * wherever the line is full, inside numbers too ("3000" printed "30" | "00元", "G2" | "0峰会"), so a digit on
   * either side of the break joins without a space.
   */
  public static String join(String a, String b) {
    if (a.isEmpty()) return b;
    if (b.isEmpty()) return a;
    char x = a.charAt(a.length() - 1);
    char y = b.charAt(0);
    boolean letterX = x < 0x2000 && Character.isLetter(x);
    boolean letterY = y < 0x2000 && Character.isLetter(y);
    if (letterX && letterY) return a + " " + b;
    return a + b;
  }

  /** What {@code before} holds that {@code after} does not, as a multiset of characters in the order of before. */
  public static String removed(String before, String after) {
    java.util.Map<Character, Integer> left = new java.util.HashMap<>();
    for (int i = 0; i < after.length(); i++) left.merge(after.charAt(i), 1, Integer::sum);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < before.length(); i++) {
      char c = before.charAt(i);
      Integer n = left.get(c);
      if (n != null && n > 0) left.put(c, n - 1);
      else out.append(c);
    }
    return out.toString();
  }
}

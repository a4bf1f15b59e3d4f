package dev.newssearch.indexer.source;

/**
 * Whitespace and compatibility clean-up that keeps the text faithful to print: line ends become LF, a
 * BOM in the middle goes, NBSP and other Unicode spaces become ASCII spaces, an indent (two spaces or more,
 * ideographic or not) becomes one mark, {@link #INDENT}, lines holding only whitespace become empty, and
 * full-width Latin letters and digits become ASCII (NFKC applied to those only: NFKC on everything would
 * also turn "，" into "," and "：" into ":", which readers of Chinese text expect to keep).
 */
public final class TextCleaner {
  private TextCleaner() {}

  public static String clean(String text) {
    String t = text.replace("\r\n", "\n").replace('\r', '\n').replace("\uFEFF", "");
    StringBuilder out = new StringBuilder(t.length());
    for (String line : t.split("\n", -1)) {
      out.append(cleanLine(line)).append('\n');
    }
    out.setLength(out.length() - 1);
    return out.toString();
  }

  static String cleanLine(String line) {
    StringBuilder sb = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c >= '\uFF10' && c <= '\uFF19' || c >= '\uFF21' && c <= '\uFF3A' || c >= '\uFF41' && c <= '\uFF5A') {
        sb.append((char) (c - 0xFEE0));
      } else if (c == '\u00A0' || c == '\u2002' || c == '\u2003' || c == '\u2009' || c == '\u202F' || c == '\t') {
        sb.append(' ');
      } else if (c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\uFEFF') {
        // zero-width characters split words for search without being visible
      } else {
        sb.append(c);
      }
    }
    // Ideographic spaces at the start are paragraph indents; inside a line they separate words like a space.
    // The indent itself is kept as one mark (INDENT), because it is the clearest paragraph start a column
    // prints: the normalize stage reads it and strips it.
    String raw = sb.toString();
    String s = raw.replace('\u3000', ' ').strip();
    return !s.isEmpty() && isIndented(raw) ? INDENT + s : s;
  }

  /** How an indented line starts in the cleaned text: two ideographic spaces, whatever the page printed. */
  public static final String INDENT = "\u3000\u3000";

  /**
   * An indent: two spaces or more, ideographic or not. One is too often a stray one, or the space between a
   * dateline and its byline (`本报合肥7月31日电　记者…`) that a wrap put at the start of the next line.
   */
  private static boolean isIndented(String line) {
    return line.length() > 2 && isSpace(line.charAt(0)) && isSpace(line.charAt(1)) && !line.isBlank();
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\u3000';
  }
}

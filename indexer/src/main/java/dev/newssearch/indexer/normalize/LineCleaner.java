package dev.newssearch.indexer.normalize;

import dev.newssearch.indexer.dates.PageHeader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Repairs one printed line: letter-spaced headlines, doubled glyph runs from bold/shadowed type,
 * continuation markers and page furniture. Rules for furniture are data ({@code pipeline/furniture.txt}).
 */
public final class LineCleaner {
  /**
   * A cleaned line; {@code continuation} when a "（上接1版）" marker was cut from its start; {@code continuedOn}
   * when a "（下转2版）" marker was cut from its end (or was the whole line): the story's text on this page stops
   * there; {@code removed} what was cut from the printed line and why (line numbers are 0 here, the caller
   * knows the line).
   */
  public record Cleaned(String text, boolean continuation, boolean continuedOn, boolean headlineStyle,
      java.util.List<Drop> removed) {
    public Cleaned {
      removed = java.util.List.copyOf(removed);
    }
  }

  private static final Pattern CONTINUED_FROM =
      Pattern.compile("^[（(]\\s*(?:上接|接上)\\s*(?:第?\\s*(?:\\d+|[一二三四五六七八九十]+)\\s*版|上版)\\s*[）)]\\s*");
  private static final Pattern CONTINUED_ON = Pattern.compile(
      "\\s*[（(]\\s*(?:下转|转)\\s*第?\\s*(?:\\d+|[一二三四五六七八九十]+)\\s*版\\s*[）)]\\s*$");

  private final List<String> exact = new ArrayList<>();
  private final List<String> prefixes = new ArrayList<>();
  /** The furniture file's regex rules as one alternation: one match per line instead of one per rule. */
  private Pattern furniturePattern;
  private final PageHeader headers;

  private LineCleaner(PageHeader headers) {
    this.headers = headers;
  }

  public static LineCleaner loadDefault() {
    LineCleaner c = new LineCleaner(PageHeader.loadDefault());
    List<String> regexes = new ArrayList<>();
    try (var in = LineCleaner.class.getResourceAsStream("/pipeline/furniture.txt")) {
      if (in == null) throw new IllegalStateException("pipeline/furniture.txt missing from the classpath");
      var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) continue;
        if (line.startsWith("line:")) c.exact.add(line.substring(5));
        else if (line.startsWith("prefix:")) c.prefixes.add(line.substring(7));
        else if (line.startsWith("regex:")) regexes.add("(?:" + Pattern.compile(line.substring(6)).pattern() + ")");
        else throw new IllegalStateException("furniture.txt: unknown rule " + line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    c.furniturePattern = regexes.isEmpty() ? null : Pattern.compile(String.join("|", regexes));
    return c;
  }

  public Cleaned clean(String line) {
    String s = line.strip();
    List<Drop> removed = new ArrayList<>();
    boolean continuation = false;
    // the markers' patterns run only where they can match: a line opening a bracket, a line naming a page
    var m = s.startsWith("（") || s.startsWith("(") ? CONTINUED_FROM.matcher(s) : null;
    if (m != null && m.find()) {
      continuation = true;
      removed.add(new Drop(0, Drop.Reason.CONTINUATION_MARKER, m.group().strip()));
      s = s.substring(m.end());
    }
    var on = s.indexOf('版') >= 0 ? CONTINUED_ON.matcher(s) : null;
    boolean continuedOn = false;
    if (on != null && on.find()) {
      continuedOn = true;
      removed.add(new Drop(0, Drop.Reason.CONTINUATION_MARKER, on.group().strip()));
      s = on.replaceAll("");
    }
    boolean styled = false;
    String undoubled = undouble(s);
    if (!undoubled.equals(s)) {
      removed.add(new Drop(0, Drop.Reason.DOUBLED_GLYPHS, Text.removed(s, undoubled)));
      s = undoubled;
      styled = true;
    }
    String despaced = despace(s);
    if (!despaced.equals(s)) {
      s = despaced;
      styled = true;
    }
    // the page's header or masthead dates the page (read by PageDating), it is no text of any story
    if (headers.isHeader(s)) {
      removed.add(new Drop(0, Drop.Reason.PAGE_HEADER, s));
      return new Cleaned("", continuation, continuedOn, false, removed);
    }
    String compact = s.replace(" ", "");
    boolean furniture = exact.contains(compact) || furniturePattern != null && furniturePattern.matcher(compact).matches();
    if (furniture) {
      removed.add(new Drop(0, Drop.Reason.FURNITURE, s));
      return new Cleaned("", continuation, continuedOn, false, removed);
    }
    for (String p : prefixes) {
      if (s.startsWith(p) && s.length() > p.length()) {
        removed.add(new Drop(0, Drop.Reason.FURNITURE, p));
        s = s.substring(p.length()).strip();
        styled = true;
      }
    }
    return new Cleaned(s, continuation, continuedOn, styled, removed);
  }

  /**
   * Letter-spaced lines ("凝 心 聚 力", "会 议 以 电 视 … 召 开 ，市", "2 0 0 0 年 前") are recognised by most of
   * their space-separated tokens being a single CJK character or digit; only spaces between two CJK characters
   * or digits are removed (numbers are spaced out with the rest of the line: "1 9 6 4 年" is 1964年), so Latin
   * words keep their spacing. Two-character names ("王 婷") are left to the byline parser, which knows that they
   * are names.
   */
  static String despace(String s) {
    int spaces = 0;
    for (int i = 0; i < s.length() && spaces < 3; i++) if (s.charAt(i) == ' ') spaces++;
    if (spaces < 3) return s; // fewer than four tokens
    String[] tokens = s.split(" +");
    if (tokens.length < 4) return s;
    int singles = 0;
    int cjkSingles = 0;
    for (String t : tokens) {
      if (t.codePointCount(0, t.length()) != 1) continue;
      if (Text.isCjk(t.codePointAt(0))) cjkSingles++;
      if (Text.isCjk(t.codePointAt(0)) || isDigit(t.charAt(0))) singles++;
    }
    if (cjkSingles < 2 || singles < 3 || singles < 0.6 * tokens.length) return s;
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ' && sb.length() > 0 && spacedOut(sb.charAt(sb.length() - 1))) {
        int j = i;
        while (j < s.length() && s.charAt(j) == ' ') j++;
        if (j < s.length() && spacedOut(s.charAt(j))) {
          i = j - 1;
          continue;
        }
      }
      sb.append(c);
    }
    return sb.toString();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean spacedOut(char c) {
    return Text.isCjk(c) || isDigit(c);
  }

  /**
   * Bold or shadowed type is extracted twice, interleaved: "新疆新疆：：转转移就业移就业" is "新疆：转移就业".
   * The repair takes, at each position, the shortest chunk that is immediately repeated and keeps one copy.
   * It is applied only when repeats cover nearly the whole line: running it on ordinary text would also
   * collapse real reduplication (扎扎实实, 常常, 层层).
   */
  static String undouble(String s) {
    if (s.length() < 4) return s;
    // every character but a space is counted once; once those outside repeats pass a fifth of them, the line
    // cannot qualify (the usual case, seen within the first few characters of ordinary text)
    int spaces = 0;
    for (int j = 0; j < s.length(); j++) if (s.charAt(j) == ' ') spaces++;
    double maxUncovered = 0.2 * (s.length() - spaces);
    StringBuilder out = new StringBuilder();
    int covered = 0;
    int countable = 0;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == ' ') {
        out.append(c);
        i++;
        continue;
      }
      countable++;
      int k = repeatAt(s, i);
      if (k > 0) {
        out.append(s, i, i + k);
        covered += 2 * k;
        countable += 2 * k - 1;
        i += 2 * k;
      } else {
        out.append(c);
        i++;
        if (countable - covered > maxUncovered) return s;
      }
    }
    return covered >= 0.8 * countable && covered >= 4 ? out.toString() : s;
  }

  private static int repeatAt(String s, int i) {
    for (int k = 1; k <= 8 && i + 2 * k <= s.length(); k++) {
      if (s.charAt(i) == s.charAt(i + k) && s.regionMatches(i, s, i + k, k) && s.substring(i, i + k).indexOf(' ') < 0) {
        return k;
      }
    }
    return 0;
  }
}

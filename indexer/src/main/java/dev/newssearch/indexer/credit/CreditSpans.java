package dev.newssearch.indexer.credit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byline credits inside a paragraph ({@code （新华社记者 柳丝 常天童 赵卓昀）}, {@code □ 本报记者 王 婷},
 * {@code 记者王泽勇报道}, {@code 作者：王 毅}, {@code （刘娟娟 张建峰）} at the end) and datelines
 * ({@code 新华社北京3月27日电}). The names in a credit are reporters or authors, not persons the paragraph
 * talks about, so the recogniser blanks these spans before it looks for persons.
 */
public final class CreditSpans {

  /** One name in a credit with its role: 记者, 作者, 实习生, 摄影, 通讯员 (署名 for a bare trailing credit). */
  public record Credit(String role, String name) {}

  private static final String ROLE = CreditGrammar.ROLE_IN_TEXT;
  private static final Pattern PARENTHESISED =
      Pattern.compile("[（(]([^（）()]{0,40}?" + ROLE + "[^（）()]{0,60}?)[）)]");
  private static final Pattern TRAILING_NAMES =
      Pattern.compile("[（(]\\s*(\\p{IsHan}{2,4}(?:\\s+\\p{IsHan}{2,4})*)\\s*[）)]\\s*$");
  private static final Pattern ANCHOR = Pattern.compile(
      "(?:□\\s*)?(?:" + CreditGrammar.AGENCY + "(?:特约)?记者|□\\s*记者|作者[：:])");
  private static final Pattern LETTER_SPACED = Pattern.compile("\\G\\s*(\\p{IsHan}(?: \\p{IsHan}){1,2})(?!\\p{IsHan}? \\p{IsHan})");
  private static final Pattern SPACED_NAMES =
      Pattern.compile("\\G((?:\\s+\\p{IsHan}{2,3}(?=\\s|$|[，。“”（）()]))+)");
  private static final Pattern GLUED_NAME = Pattern.compile("\\G(\\p{IsHan}{2,3}?)(?=报道|\\s|$|[^\\p{IsHan}])");
  private static final Pattern GLUED_FALLBACK = Pattern.compile("\\G(\\p{IsHan}{2})");
  private static final Pattern REPORTED_BY = CreditGrammar.REPORTED_BY;
  private static final Pattern DATELINE = CreditGrammar.XINHUA_DATELINE;
  private static final Pattern TRAILING_ROLE = Pattern.compile("^\\s*(摄|报道)");

  private final java.util.Set<String> surnames;

  public CreditSpans(java.util.Set<String> surnames) {
    this.surnames = surnames;
  }

  /** The text with every credit and dateline replaced by spaces (same length, so offsets stay valid). */
  public String blank(String text) {
    if (!mayHoldCredit(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text);
    for (int[] span : spans(text, null)) {
      for (int i = span[0]; i < span[1]; i++) {
        out.setCharAt(i, ' ');
      }
    }
    Matcher dateline = DATELINE.matcher(out);
    while (dateline.find()) {
      for (int i = dateline.start(); i < dateline.end(); i++) {
        out.setCharAt(i, ' ');
      }
    }
    return out.toString();
  }

  /** Cheap test that skips the regular expressions for the many paragraphs without a credit or dateline. */
  private static boolean mayHoldCredit(String text) {
    return text.indexOf('（') >= 0 || text.indexOf('(') >= 0 || text.indexOf('□') >= 0 || text.contains("记者")
        || text.contains("作者") || text.contains("新华社");
  }

  /** The credited names in order, letter-spaced names joined. */
  public List<Credit> credits(String text) {
    List<Credit> credits = new ArrayList<>();
    spans(text, credits);
    return credits;
  }

  private List<int[]> spans(String text, List<Credit> credits) {
    List<int[]> spans = new ArrayList<>();
    Matcher parenthesised = PARENTHESISED.matcher(text);
    while (parenthesised.find()) {
      spans.add(new int[] {parenthesised.start(), parenthesised.end()});
      if (credits != null) {
        namesInGroup(parenthesised.group(1), credits);
      }
    }
    Matcher trailing = TRAILING_NAMES.matcher(text);
    if (trailing.find() && !overlaps(spans, trailing.start()) && allLookLikeNames(trailing.group(1))) {
      spans.add(new int[] {trailing.start(), trailing.end()});
      if (credits != null) {
        for (String name : trailing.group(1).split("\\s+")) {
          credits.add(new Credit("署名", name));
        }
      }
    }
    Matcher anchor = ANCHOR.matcher(text);
    while (anchor.find()) {
      if (overlaps(spans, anchor.start())) {
        continue;
      }
      String role = anchor.group().contains("作者") ? "作者" : "记者";
      int end = anchor.end();
      List<String> names = new ArrayList<>();
      Matcher m = LETTER_SPACED.matcher(text).region(end, text.length());
      if (m.lookingAt()) {
        String letters = m.group(1);
        end = m.end();
        if (letters.endsWith(" 摄")) {
          letters = letters.substring(0, letters.length() - 2);
          end -= 2;
        }
        names.add(letters.replace(" ", ""));
      } else if ((m = SPACED_NAMES.matcher(text).region(end, text.length())).lookingAt()) {
        for (String name : m.group(1).strip().split("\\s+")) {
          names.add(name);
        }
        end = m.end();
      } else if ((m = GLUED_NAME.matcher(text).region(end, text.length())).lookingAt()
          || (m = GLUED_FALLBACK.matcher(text).region(end, text.length())).lookingAt()) {
        names.add(m.group(1));
        end = m.end();
      }
      Matcher roleAfter = TRAILING_ROLE.matcher(text.substring(end));
      if (roleAfter.find()) {
        if (roleAfter.group(1).equals("摄")) {
          role = "摄影";
        }
        end += roleAfter.end();
      }
      spans.add(new int[] {anchor.start(), end});
      if (credits != null) {
        for (String name : names) {
          credits.add(new Credit(role, name));
        }
      }
    }
    Matcher reported = REPORTED_BY.matcher(text);
    while (reported.find()) {
      if (!overlaps(spans, reported.start())) {
        spans.add(new int[] {reported.start(), reported.end()});
        if (credits != null) {
          credits.add(new Credit("记者", reported.group(2)));
        }
      }
    }
    return spans;
  }

  private static void namesInGroup(String group, List<Credit> credits) {
    String role = "记者";
    StringBuilder letters = new StringBuilder();
    for (String token : group.strip().split("\\s+")) {
      String rest = token;
      Matcher roleWord = Pattern.compile("^(.*?)(" + ROLE + ")$").matcher(token);
      if (roleWord.matches()) {
        flush(letters, role, credits);
        role = roleWord.group(2).replaceAll("\\s", "");
        if (role.equals("摄影")) {
          role = "摄影";
        }
        continue;
      }
      if (rest.endsWith("摄") && rest.length() > 1) {
        rest = rest.substring(0, rest.length() - 1);
      }
      if (rest.equals("摄") || rest.isEmpty() || !rest.codePoints().allMatch(CreditSpans::isHanOrDot)) {
        flush(letters, role, credits);
        continue;
      }
      if (rest.length() == 1) {
        letters.append(rest);
        continue;
      }
      flush(letters, role, credits);
      credits.add(new Credit(role, rest));
    }
    flush(letters, role, credits);
  }

  private static void flush(StringBuilder letters, String role, List<Credit> credits) {
    if (letters.length() >= 2) {
      credits.add(new Credit(role, letters.toString()));
    }
    letters.setLength(0);
  }

  private boolean allLookLikeNames(String group) {
    for (String name : group.split("\\s+")) {
      if (!surnames.contains(name.substring(0, 1)) && !surnames.contains(name.substring(0, 2))) {
        return false;
      }
    }
    return true;
  }

  private static boolean overlaps(List<int[]> spans, int position) {
    for (int[] span : spans) {
      if (position >= span[0] && position < span[1]) {
        return true;
      }
    }
    return false;
  }

  private static boolean isHanOrDot(int codePoint) {
    return codePoint == '·' || Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
  }
}

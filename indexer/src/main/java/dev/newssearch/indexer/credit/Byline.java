package dev.newssearch.indexer.credit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the credit part of a byline ("记者 黄乔 实习生 舒畅", "新华社记者 柳丝 常天童 赵卓昀",
 * "新华社记者 赵 戈 摄", "刘娟娟 张建峰"). Reporters and authors go to {@code reporters}; interns,
 * correspondents and photographers to {@code contributors} as role:name. Letter-spaced names ("王 婷")
 * are joined: a run of single characters is one name.
 */
public final class Byline {
  public record Credits(String source, List<String> reporters, List<String> contributors) {}

  private static final Pattern ROLE = CreditGrammar.ROLE_PREFIX;
  private static final Pattern AGENCY = Pattern.compile("^" + CreditGrammar.AGENCY);
  private static final Pattern NAME = Pattern.compile("\\p{IsHan}{2,4}");

  private Byline() {}

  public static Credits parse(String credit) {
    String s = credit.strip().replaceAll("^[（(]|[）)]$", "").strip();
    String source = null;
    boolean photo = false;
    if (s.endsWith("摄") && !s.endsWith("拍摄")) {
      photo = true;
      s = s.substring(0, s.length() - 1).strip();
    }
    s = s.replaceAll("报道$", "").strip();
    List<String> reporters = new ArrayList<>();
    List<String> contributors = new ArrayList<>();
    String role = null;
    List<String> pendingSingles = new ArrayList<>();
    // split role words off names written without a space ("记者王泽勇")
    List<String> tokens = new ArrayList<>();
    for (String t : s.split("[\\s、，,]+")) {
      while (!t.isEmpty()) {
        Matcher m = ROLE.matcher(t);
        if (!m.find()) {
          tokens.add(t);
          break;
        }
        tokens.add(m.group(1));
        t = t.substring(m.end());
      }
    }
    for (int i = 0; i <= tokens.size(); i++) {
      String t = i < tokens.size() ? tokens.get(i) : null;
      if (t != null && t.codePointCount(0, t.length()) == 1 && !ROLE.matcher(t).matches()) {
        pendingSingles.add(t);
        continue;
      }
      if (!pendingSingles.isEmpty()) {
        add(String.join("", pendingSingles), role, photo, reporters, contributors);
        pendingSingles.clear();
      }
      if (t == null) break;
      Matcher m = ROLE.matcher(t);
      if (m.matches()) {
        role = m.group(1);
        Matcher agency = AGENCY.matcher(role);
        if (agency.find()) source = agency.group();
        continue;
      }
      add(t, role, photo, reporters, contributors);
    }
    return new Credits(source, dedupe(reporters), dedupe(contributors));
  }

  private static void add(String name, String role, boolean photo, List<String> reporters, List<String> contributors) {
    if (!NAME.matcher(name).matches()) return;
    if (photo || "摄影".equals(role) ) {
      contributors.add("摄影:" + name);
    } else if (role == null || role.endsWith("记者") || role.equals("作者") || role.equals("文/图")) {
      reporters.add(name);
    } else {
      contributors.add(role + ":" + name);
    }
  }

  /** True when every token is a plausible personal name: "（刘娟娟 张建峰）", "（邓小凤）". */
  public static boolean isNameList(String s) {
    String inner = s.strip().replaceAll("^[（(]|[）)]$", "").strip();
    if (inner.isEmpty()) return false;
    for (String t : inner.split("[\\s、]+")) {
      if (!NAME.matcher(t).matches() || t.length() > 3) return false;
    }
    return true;
  }

  private static List<String> dedupe(List<String> xs) {
    Set<String> set = new LinkedHashSet<>(xs);
    return new ArrayList<>(set);
  }
}

package dev.newssearch.indexer.segment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fourth segment part: turns a story's headline lines into kicker, title, subtitle and subheads. The
 * best-scoring group printed outside the body is the title group; a first line ending in 强调/指出/表示/时/篇/：
 * is the kicker; then the title, then the subtitle (a "——" line or the rest). A date line under the headline
 * and an author line are returned apart, for the date and the byline, not written into the draft.
 */
final class TitleSplitter {
  private static final Pattern KICKER = Pattern.compile(".*(强调|指出|表示|要求|时|篇|：)$");
  private static final Pattern NAME_LINE = Pattern.compile("^\\p{IsHan}{2,3}$");
  private static final Pattern COMBINED = Pattern.compile("^(.{6,}?(?:强调|指出|表示))[：:\\s]\\s*(.+)$");

  /**
   * @param headlineDate a date printed under the headline ("（2020年3月6日）"), or null
   * @param author       an author line under a speech's title ("习近平"), or null
   * @param printed      the printed lines consumed for the date and the author (kept for the conservation check)
   */
  record Titles(String kicker, String title, String subtitle, List<String> subheads, LocalDate headlineDate,
      String author, List<String> printed) {
    Titles {
      subheads = List.copyOf(subheads);
      printed = List.copyOf(printed);
    }
  }

  private TitleSplitter() {}

  static Titles split(Draft d) {
    // group the assigned lines by the block they came from, in file order
    Map<Integer, List<Draft.Heading>> groups = new TreeMap<>();
    for (Draft.Heading a : d.headings()) groups.computeIfAbsent(a.block(), k -> new ArrayList<>()).add(a);
    List<String> subheads = new ArrayList<>();
    List<Draft.Heading> titleGroup = null;
    double bestScore = -1;
    for (var e : groups.entrySet()) {
      double mean = e.getValue().stream().mapToDouble(Draft.Heading::score).average().orElse(0);
      boolean inside = e.getValue().get(0).inside();
      if (!inside && mean > bestScore) {
        bestScore = mean;
        titleGroup = e.getValue();
      }
    }
    List<String> lines = new ArrayList<>();
    String kicker = null;
    for (var e : groups.entrySet()) {
      if (titleGroup != null && e.getValue() == titleGroup) {
        for (Draft.Heading a : e.getValue()) lines.add(a.line());
      } else if (!e.getValue().get(0).inside() && e.getValue().size() == 1
          && KICKER.matcher(e.getValue().get(0).line()).matches() && kicker == null) {
        kicker = e.getValue().get(0).line();
      } else {
        for (Draft.Heading a : e.getValue()) subheads.add(a.line());
      }
    }
    LocalDate headlineDate = null;
    String author = null;
    List<String> printed = new ArrayList<>();
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      Matcher dm = LeadParser.FULL_DATE_LINE.matcher(l);
      if (dm.matches()) {
        if (headlineDate == null) {
          headlineDate = LocalDate.of(Integer.parseInt(dm.group(1)), Integer.parseInt(dm.group(2)),
              Integer.parseInt(dm.group(3)));
        }
        printed.add(l);
        continue;
      }
      if (NAME_LINE.matcher(l).matches() && i == lines.size() - 1 && rest.size() >= 1 && lines.size() >= 3) {
        author = l;
        printed.add(l);
        continue;
      }
      rest.addAll(splitCombined(l));
    }
    String title = null;
    String subtitle = null;
    if (rest.size() >= 2 && KICKER.matcher(rest.get(0)).matches()) {
      kicker = rest.remove(0).replaceAll("：$", "");
    }
    if (rest.size() == 2 && rest.get(0).matches(".*(召开|举行|举办|开展|发布|启动)$")) {
      // "重庆警备区在武隆区召开 / 决战决胜脱贫攻坚推进会" is one headline set on two lines
      rest.set(0, rest.get(0) + rest.remove(1));
    }
    if (!rest.isEmpty()) {
      title = rest.remove(0);
      if (!rest.isEmpty()) subtitle = String.join(" ", rest);
    }
    if (subtitle != null) subtitle = subtitle.replaceFirst("^——\\s*", "");
    if (kicker != null) kicker = kicker.replaceAll("：$", "");
    return new Titles(kicker, title, subtitle, subheads, headlineDate, author, printed);
  }

  /**
   * Web pages print kicker, title and subtitle on one line separated by spaces or a colon:
   * "习近平在…会议上强调 毫不放松抓紧抓实抓细防控工作 统筹做好…". Split only when the first part reads as
   * a kicker, so "守望相助 共克时艰" stays one title.
   */
  static List<String> splitCombined(String line) {
    Matcher m = COMBINED.matcher(line);
    if (!m.matches()) return List.of(line);
    List<String> out = new ArrayList<>();
    out.add(m.group(1) + "：");
    for (String p : m.group(2).split("\\s+")) if (!p.isBlank()) out.add(p);
    return out;
  }
}

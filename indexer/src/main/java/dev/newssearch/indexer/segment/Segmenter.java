package dev.newssearch.indexer.segment;

import dev.newssearch.indexer.dates.PageDating;
import dev.newssearch.indexer.dates.StoryDates;
import dev.newssearch.indexer.normalize.Block;
import dev.newssearch.indexer.normalize.Reflow;
import dev.newssearch.indexer.normalize.Text;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The segment stage: splits a reflowed page into articles.
 *
 * <p>Article bodies are delimited by what a reader uses: a lead marker (本报讯, 新华社…电, ●, □ byline,
 * 来源：), a continuation marker (上接1版), and a trailer that closes the story (a byline or dateline in
 * parentheses, a publication line). Headlines are not trusted to precede their story: on these pages
 * they are often printed after it or grouped at the top. Each headline line is given to the article
 * whose body shares most of its rarer character pairs (pairs weighted by how few articles of the page
 * contain them), with a small bonus for the article it touches; web text (one paragraph per line) puts
 * its headline before the story, so there the next article wins.
 */
public final class Segmenter {
  private static final Pattern XINHUA_LEAD = Pattern.compile(
      "^(据)?新华社\\s*(\\p{IsHan}{0,8}?)\\s*(?:(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日)?\\s*电\\s*");
  private static final Pattern BENBAO_LEAD = Pattern.compile(
      "^本报(?:讯|(\\p{IsHan}{0,8}?)\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日电)\\s*");
  private static final Pattern PAREN_CREDIT = Pattern.compile("^[（(]([^（）()]{1,40})[）)]\\s*");
  private static final Pattern REPORTED_BY = Pattern.compile("^(记者\\s*\\S{2,8}?)\\s*报道\\s*");
  private static final Pattern TRAILING_CREDIT = Pattern.compile("\\s*[（(]([^（）()]{1,30})[）)]$");
  private static final Pattern PUBLICATION = Pattern.compile(
      "^《\\s*([^》]+?)\\s*》\\s*[（(]\\s*(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日\\s*(?:(\\d{1,2})\\s*版)?\\s*[）)]$");
  private static final Pattern SOURCE_LINE = Pattern.compile("^来源：\\s*《?([^》\\s]+)》?\\s*(\\S*)\\s*(?:作者：\\s*(.+))?$");
  private static final Pattern FULL_DATE_LINE =
      Pattern.compile("^[（(]\\s*(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日\\s*[）)]$");
  private static final Pattern KICKER = Pattern.compile(".*(强调|指出|表示|要求|时|篇|：)$");
  private static final Pattern NAME_LINE = Pattern.compile("^\\p{IsHan}{2,3}$");

  private Segmenter() {}

  public static Segmenter create() {
    return new Segmenter();
  }

  /** Mutable while the page is read; frozen into an {@link Article}. */
  private static final class Draft {
    final List<String> paragraphs = new ArrayList<>();
    final List<String> reporters = new ArrayList<>();
    final List<String> contributors = new ArrayList<>();
    final List<Assigned> headings = new ArrayList<>();
    String source;
    String place;
    String edition;
    LocalDate publication;
    int[] dateline; // {month, day, year or 0}
    boolean closed;
    int startBlock = -1;
    int endBlock = -1;
    int firstLine;

    void credits(Byline.Credits c) {
      if (source == null) source = c.source();
      for (String r : c.reporters()) if (!reporters.contains(r)) reporters.add(r);
      for (String r : c.contributors()) if (!contributors.contains(r)) contributors.add(r);
    }
  }

  /** {@code block} is the first block of the run of consecutive headline blocks the line came from. */
  private record Assigned(int block, int order, String line, boolean inside, double score) {}

  /** A page whose date is known from nothing but its own stories (tests of layout). */
  public List<Article> segment(Reflow.Page page) {
    return segment(page, PageDating.Dated.NONE);
  }

  /** {@code dated}: what the page's header, names and the user say of its date (see {@link StoryDates}). */
  public List<Article> segment(Reflow.Page page, PageDating.Dated dated) {
    List<Block> blocks = page.blocks();
    boolean lines = page.layout() == Reflow.Layout.LINES;
    List<Draft> drafts = new ArrayList<>();
    List<Integer> headingBlocks = new ArrayList<>();
    Draft cur = null;
    for (int b = 0; b < blocks.size(); b++) {
      Block block = blocks.get(b);
      String text = block.text();
      switch (block.kind()) {
        case HEADING -> {
          headingBlocks.add(b);
          // a headline in display type (letter-spaced, doubled glyphs) opens a new story or photo caption
          if ((lines || block.display()) && cur != null) cur.closed = true;
        }
        case TRAILER -> {
          if (FULL_DATE_LINE.matcher(text).matches()) {
            headingBlocks.add(b); // a date printed under a headline belongs with the headline
            continue;
          }
          if (text.startsWith("□") || text.startsWith("来源：")) {
            cur = open(drafts, cur, b, block);
            if (text.startsWith("□")) {
              cur.credits(Byline.parse(text.substring(1)));
            } else {
              Matcher m = SOURCE_LINE.matcher(text);
              if (m.matches()) {
                cur.source = m.group(1);
                if (m.group(3) != null) cur.credits(Byline.parse("作者 " + m.group(3)));
              }
            }
            continue;
          }
          Draft target = cur != null ? cur : drafts.isEmpty() ? null : drafts.get(drafts.size() - 1);
          if (target == null) {
            headingBlocks.add(b);
            continue;
          }
          if (applyTrailer(target, text)) {
            target.closed = true;
            target.endBlock = b;
          } else {
            headingBlocks.add(b);
          }
        }
        case BODY -> {
          boolean starts = block.continuation() || text.startsWith("●") || XINHUA_LEAD.matcher(text).find()
              || BENBAO_LEAD.matcher(text).find();
          // Web text puts a summary before the story's dateline: there only a headline or a source line
          // starts an article, and the dateline is read wherever it comes.
          if (cur == null || cur.closed || starts && !lines && !cur.paragraphs.isEmpty()) {
            cur = open(drafts, null, b, block);
          }
          if (cur.paragraphs.isEmpty()) {
            cur.firstLine = block.firstLine();
            text = cutLead(cur, text);
          } else if (starts && lines && cur.dateline == null && cur.source == null) {
            text = cutLead(cur, text);
          }
          Matcher t = TRAILING_CREDIT.matcher(text);
          if (t.find() && isCredit(t.group(1)) && t.start() > 0 && Text.endsSentence(text.substring(0, t.start()))) {
            cur.credits(Byline.parse(t.group(1)));
            text = text.substring(0, t.start()).strip();
            cur.closed = true;
          }
          if (!text.isEmpty()) cur.paragraphs.add(text);
          cur.endBlock = b;
        }
      }
    }
    drafts.removeIf(d -> d.paragraphs.isEmpty());
    assignHeadings(blocks, headingBlocks, drafts, lines);
    for (Draft d : drafts) dropRepeatedSummaries(d);
    return freeze(drafts, lines, dated);
  }

  /**
   * Web pages print the story's key sentences as unpunctuated bullets above it. A paragraph that does not
   * end a sentence and whose character 4-grams are (almost) all in another paragraph of the same article
   * is such a repeat; the full sentence stays.
   */
  private static void dropRepeatedSummaries(Draft d) {
    List<String> keep = new ArrayList<>();
    for (int i = 0; i < d.paragraphs.size(); i++) {
      String p = d.paragraphs.get(i);
      boolean repeated = false;
      if (!Text.endsSentence(p) && p.length() >= 20) {
        Set<String> mine = grams(p, 4);
        for (int j = 0; j < d.paragraphs.size() && !repeated; j++) {
          if (j == i || d.paragraphs.get(j).length() < p.length()) continue;
          Set<String> other = grams(d.paragraphs.get(j), 4);
          long hit = mine.stream().filter(other::contains).count();
          repeated = hit >= 0.9 * mine.size();
        }
      }
      if (!repeated) keep.add(p);
    }
    d.paragraphs.clear();
    d.paragraphs.addAll(keep);
  }

  private static Set<String> grams(String s, int k) {
    Set<String> out = new HashSet<>();
    for (int i = 0; i + k <= s.length(); i++) out.add(s.substring(i, i + k));
    return out;
  }

  private static Draft open(List<Draft> drafts, Draft cur, int b, Block block) {
    if (cur != null && cur.paragraphs.isEmpty() && !cur.closed) return cur;
    Draft d = new Draft();
    d.startBlock = b;
    d.endBlock = b;
    d.firstLine = block.firstLine();
    drafts.add(d);
    return d;
  }

  private static boolean isCredit(String inner) {
    return inner.contains("记者") || inner.contains("通讯员") || Byline.isNameList("（" + inner + "）");
  }

  /** Trailers: （据新华社北京3月27日电）, （新华社记者 柳丝…）, （记者 颜安）, （刘娟娟 张建峰）, publication lines. */
  private boolean applyTrailer(Draft d, String text) {
    Matcher pub = PUBLICATION.matcher(text);
    if (pub.matches()) {
      if (d.source == null) d.source = pub.group(1).strip();
      d.publication = LocalDate.of(Integer.parseInt(pub.group(2)), Integer.parseInt(pub.group(3)),
          Integer.parseInt(pub.group(4)));
      if (pub.group(5) != null) d.edition = String.format("%02d版", Integer.parseInt(pub.group(5)));
      return true;
    }
    if (text.matches(".*记者.*摄$")) {
      d.credits(Byline.parse(text));
      return true;
    }
    String inner = text.replaceAll("^[（(]|[）)]$", "").strip();
    Matcher x = XINHUA_LEAD.matcher(inner);
    if (x.find() && x.end() >= inner.length() - 1) {
      if (d.source == null) d.source = "新华社";
      if (d.place == null && !x.group(2).isEmpty()) d.place = x.group(2);
      if (d.dateline == null && x.group(3) != null) {
        d.dateline = new int[] {Integer.parseInt(x.group(3)), Integer.parseInt(x.group(4)), 0};
      }
      return true;
    }
    if (isCredit(inner)) {
      d.credits(Byline.parse(inner));
      return true;
    }
    return false;
  }

  /** Cuts the dateline and byline from a lead, recording them: "据新华社北京3月27日电 （记者 侯雪静）记者27日…". */
  private static String cutLead(Draft d, String text) {
    String s = text;
    if (s.startsWith("●")) s = s.substring(1).strip();
    Matcher x = XINHUA_LEAD.matcher(s);
    Matcher bb = BENBAO_LEAD.matcher(s);
    if (x.find()) {
      d.source = "新华社";
      if (!x.group(2).isEmpty()) d.place = x.group(2);
      if (x.group(3) != null) d.dateline = new int[] {Integer.parseInt(x.group(3)), Integer.parseInt(x.group(4)), 0};
      s = s.substring(x.end());
    } else if (bb.find()) {
      d.source = "本报";
      if (bb.group(2) != null) {
        if (!bb.group(1).isEmpty()) d.place = bb.group(1);
        d.dateline = new int[] {Integer.parseInt(bb.group(2)), Integer.parseInt(bb.group(3)), 0};
      }
      s = s.substring(bb.end());
    } else {
      return s;
    }
    Matcher p = PAREN_CREDIT.matcher(s);
    Matcher r = REPORTED_BY.matcher(s);
    if (p.find() && isCredit(p.group(1))) {
      d.credits(Byline.parse(p.group(1)));
      s = s.substring(p.end());
    } else if (r.find()) {
      d.credits(Byline.parse(r.group(1)));
      s = s.substring(r.end());
    }
    return s.strip();
  }

  // ---------------------------------------------------------------- headlines

  private void assignHeadings(List<Block> blocks, List<Integer> headingBlocks, List<Draft> drafts, boolean lines) {
    if (drafts.isEmpty()) return;
    List<Set<String>> bodies = new ArrayList<>();
    Map<String, Integer> df = new HashMap<>();
    for (Draft d : drafts) {
      Set<String> bg = bigrams(String.join("", d.paragraphs));
      bodies.add(bg);
      for (String g : bg) df.merge(g, 1, Integer::sum);
    }
    int n = drafts.size();
    int order = 0;
    int prevRun = -1;
    int prevDraft = -1;
    String prevLine = null;
    for (int hb : headingBlocks) {
      int run = runStart(blocks, hb);
      if (run != prevRun) {
        prevDraft = -1;
        prevLine = null;
      }
      prevRun = run;
      for (String line : headingLines(blocks.get(hb))) {
        order++;
        String previousLine = prevLine;
        prevLine = line;
        // a date or author line under a headline, or a "——" subtitle, goes where the headline went
        if (prevDraft >= 0 && (FULL_DATE_LINE.matcher(line).matches() || NAME_LINE.matcher(line).matches()
            || line.startsWith("——") || parallel(previousLine, line))) {
          Draft d = drafts.get(prevDraft);
          d.headings.add(new Assigned(run, order, line, hb > d.startBlock && hb < d.endBlock, 1));
          continue;
        }
        int best = -1;
        double bestScore = -1;
        boolean bestInside = false;
        for (int i = 0; i < n; i++) {
          Draft d = drafts.get(i);
          boolean before = nextNonHeading(blocks, hb) == d.startBlock;
          boolean after = prevNonHeading(blocks, hb) == d.endBlock;
          boolean inside = hb > d.startBlock && hb < d.endBlock;
          double score;
          if (line.endsWith("篇")) {
            // a series label ("…英雄·下沉干部篇") sits wherever the layout had room: content decides alone
            score = overlap(line, bodies.get(i), df, n);
          } else if (lines) {
            score = before ? 1 : 0;
          } else {
            score = overlap(line, bodies.get(i), df, n) + (before ? 0.25 : 0) + (after ? 0.2 : 0) + (inside ? 0.35 : 0)
                + (i == prevDraft ? 0.15 : 0);
          }
          if (score > bestScore) {
            bestScore = score;
            best = i;
            bestInside = inside;
          }
        }
        if (best >= 0 && bestScore >= 0.2) {
          drafts.get(best).headings.add(new Assigned(run, order, line, bestInside, bestScore));
          prevDraft = best;
        }
      }
    }
  }

  /** Two short headline lines built alike ("坚决克服… / 坚决夺取…") are one headline's title and subtitle. */
  private static boolean parallel(String previous, String line) {
    return previous != null && previous.length() >= 4 && line.length() >= 4 && previous.length() <= 14
        && line.length() <= 14 && previous.regionMatches(0, line, 0, 2) && previous.indexOf('，') < 0
        && line.indexOf('，') < 0;
  }

  private static int runStart(List<Block> blocks, int b) {
    int i = b;
    while (i > 0 && isHeadlineLike(blocks.get(i - 1))) i--;
    return i;
  }

  private static boolean isHeadlineLike(Block b) {
    return b.kind() == Block.Kind.HEADING || FULL_DATE_LINE.matcher(b.text()).matches();
  }

  private static int nextNonHeading(List<Block> blocks, int b) {
    for (int i = b + 1; i < blocks.size(); i++) {
      if (!isHeadlineLike(blocks.get(i))) return i;
    }
    return -1;
  }

  private static int prevNonHeading(List<Block> blocks, int b) {
    for (int i = b - 1; i >= 0; i--) {
      if (!isHeadlineLike(blocks.get(i))) return i;
    }
    return -1;
  }

  /** Lines of a headline block; a line ending in a comma continues on the next one (a two-line subtitle). */
  private static List<String> headingLines(Block block) {
    List<String> out = new ArrayList<>();
    String pending = "";
    for (String l : block.lines()) {
      pending = Text.join(pending, l);
      char last = pending.charAt(pending.length() - 1);
      if (last != '，' && last != '、') {
        out.add(pending);
        pending = "";
      }
    }
    if (!pending.isEmpty()) out.add(pending);
    return out;
  }

  private static Set<String> bigrams(String s) {
    Set<String> out = new HashSet<>();
    int prev = -1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Text.isHan(c) && !Character.isLetterOrDigit(c)) continue;
      if (prev >= 0 && prev == i - 1) out.add(s.substring(i - 1, i + 1));
      prev = i;
    }
    return out;
  }

  private static double overlap(String line, Set<String> body, Map<String, Integer> df, int n) {
    Set<String> lg = bigrams(line);
    if (lg.isEmpty()) return 0;
    double total = 0;
    double hit = 0;
    for (String g : lg) {
      double w = Math.log((n + 1.0) / (df.getOrDefault(g, 0) + 0.5));
      total += w;
      if (body.contains(g)) hit += w;
    }
    return total <= 0 ? 0 : hit / total;
  }

  // ---------------------------------------------------------------- freezing, titles and dates

  private record Titles(String kicker, String title, String subtitle, List<String> subheads) {}

  private List<Article> freeze(List<Draft> drafts, boolean webText, PageDating.Dated dated) {
    List<Titles> titles = new ArrayList<>();
    for (Draft d : drafts) titles.add(titles(d)); // may find a date printed under a headline
    List<StoryDates.Evidence> evidence = new ArrayList<>();
    for (Draft d : drafts) {
      MonthDay dateline = d.dateline == null ? null : StoryDates.monthDay(d.dateline[0], d.dateline[1]);
      evidence.add(new StoryDates.Evidence(d.publication, dateline, Dates.firstMonthDay(d.paragraphs.get(0))));
    }
    List<StoryDates.Resolved> dates = StoryDates.resolve(dated.page(), evidence, webText);
    List<Article> out = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      Draft d = drafts.get(i);
      Titles t = titles.get(i);
      StoryDates.Resolved r = dates.get(i);
      out.add(new Article(i, t.title, t.kicker, t.subtitle, t.subheads, d.source, d.reporters, d.contributors,
          d.place, d.edition != null ? d.edition : dated.edition(), r.date(), r.evidence().value(), d.paragraphs,
          d.firstLine));
    }
    return out;
  }

  private Titles titles(Draft d) {
    // group the assigned lines by the block they came from, in file order
    Map<Integer, List<Assigned>> groups = new TreeMap<>();
    for (Assigned a : d.headings) groups.computeIfAbsent(a.block, k -> new ArrayList<>()).add(a);
    List<String> subheads = new ArrayList<>();
    List<Assigned> titleGroup = null;
    double bestScore = -1;
    Map<Integer, Double> means = new LinkedHashMap<>();
    for (var e : groups.entrySet()) {
      double mean = e.getValue().stream().mapToDouble(Assigned::score).average().orElse(0);
      means.put(e.getKey(), mean);
      boolean inside = e.getValue().get(0).inside();
      if (!inside && mean > bestScore) {
        bestScore = mean;
        titleGroup = e.getValue();
      }
    }
    // a headline group printed as two blocks (kicker block, title block) is merged when they are adjacent
    List<String> lines = new ArrayList<>();
    String kicker = null;
    for (var e : groups.entrySet()) {
      if (titleGroup != null && e.getValue() == titleGroup) {
        for (Assigned a : e.getValue()) lines.add(a.line);
      } else if (!e.getValue().get(0).inside() && e.getValue().size() == 1
          && KICKER.matcher(e.getValue().get(0).line).matches() && kicker == null) {
        kicker = e.getValue().get(0).line;
      } else {
        for (Assigned a : e.getValue()) subheads.add(a.line);
      }
    }
    // date line under a headline ("（2020年3月6日）") and an author line ("习近平")
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      Matcher dm = FULL_DATE_LINE.matcher(l);
      if (dm.matches()) {
        if (d.publication == null) {
          d.publication = LocalDate.of(Integer.parseInt(dm.group(1)), Integer.parseInt(dm.group(2)),
              Integer.parseInt(dm.group(3)));
        }
        continue;
      }
      if (NAME_LINE.matcher(l).matches() && i == lines.size() - 1 && rest.size() >= 1 && lines.size() >= 3) {
        if (!d.reporters.contains(l)) d.reporters.add(l);
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
    return new Titles(kicker, title, subtitle, subheads);
  }

  /**
   * Web pages print kicker, title and subtitle on one line separated by spaces or a colon:
   * "习近平在…会议上强调 毫不放松抓紧抓实抓细防控工作 统筹做好…". Split only when the first part reads as
   * a kicker, so "守望相助 共克时艰" stays one title.
   */
  private static List<String> splitCombined(String line) {
    Matcher m = Pattern.compile("^(.{6,}?(?:强调|指出|表示))[：:\\s]\\s*(.+)$").matcher(line);
    if (!m.matches()) return List.of(line);
    List<String> out = new ArrayList<>();
    out.add(m.group(1) + "：");
    for (String p : m.group(2).split("\\s+")) if (!p.isBlank()) out.add(p);
    return out;
  }
}

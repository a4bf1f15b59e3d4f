package dev.newssearch.indexer.eval.devpages;

import dev.newssearch.indexer.credit.CreditGrammar;
import dev.newssearch.indexer.eval.devpages.DevPage.DateMode;
import dev.newssearch.indexer.eval.devpages.DevPage.Layout;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Lays corpus sentences out as newspaper pages with the damage that extraction from PDFs and web pages
 * leaves (the kinds the seeds show), and keeps the truth: which sentences form which paragraph of which
 * story, the headlines, the credits, the furniture and the dates.
 *
 * <p>Deterministic for a seed. Each story takes consecutive corpus sentences; its headline, kicker and
 * subtitle are clauses cut from further sentences that do not appear in any body. Reporter names are
 * made up from common surnames and given-name characters, so that a recogniser that takes credits for
 * persons is caught. A few pages fall on the first days of the next year, with stories dated in the
 * last days of the year before, to exercise year inference across the boundary.
 */
public final class PageGenerator {
  private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔汤";
  private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力斌宇浩凯鹏晨欣佳琳雪梅海波峰亮瑞婷骏岚彤";
  private static final String[] CITIES = {"北京", "上海", "广州", "南京", "武汉", "成都", "西安", "沈阳", "杭州", "长沙",
      "郑州", "济南", "昆明", "兰州", "拉萨", "乌鲁木齐", "哈尔滨", "福州", "合肥", "南昌", "华盛顿", "东京", "巴黎", "莫斯科"};
  private static final String[] SECTIONS = {"要闻", "国内新闻", "国际新闻", "经济", "理论", "文化", "体育", "社会", "地方传真"};
  private static final String[] PAPERS = {"人民日报", "光明日报", "经济日报", "工人日报"};
  private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"};
  private static final String CLOSING = "，。、；：！？”’）》」』";
  private static final String WEEK = "一二三四五六日";

  private PageGenerator() {}

  public static List<DevPage> generate(List<DevSentence> corpus, GeneratorOptions options) {
    if (corpus.size() < 50) throw new IllegalArgumentException("the corpus is too small: " + corpus.size() + " sentences");
    Random rnd = new Random(options.seed());
    Cursor cursor = new Cursor(corpus, rnd.nextInt(corpus.size()));
    List<DevPage> pages = new ArrayList<>();
    java.util.Set<String> fileNames = new java.util.HashSet<>();
    for (int i = 0; i < options.pages(); i++) {
      Layout layout = options.layouts().get(i % options.layouts().size());
      DateMode mode = options.dateModes().get((i / options.layouts().size()) % options.dateModes().size());
      pages.add(page(i, layout, mode, options.year(), cursor, rnd, fileNames));
    }
    return List.copyOf(pages);
  }

  private static DevPage page(int index, Layout layout, DateMode mode, int year, Cursor cursor, Random rnd,
      java.util.Set<String> fileNames) {
    LocalDate date = rnd.nextInt(12) == 0
        ? LocalDate.of(year + 1, 1, 1 + rnd.nextInt(3))
        : LocalDate.ofYearDay(year, 1 + rnd.nextInt(LocalDate.of(year, 1, 1).lengthOfYear()));
    int edition = 1 + rnd.nextInt(16);
    int format = rnd.nextInt(3);
    // one folder never holds two files of one name: another page of the same day takes the next edition
    String fileName = fileName(mode, format, date, edition, index);
    for (int tries = 0; tries < 99 && fileNames.contains(fileName); tries++) {
      edition = edition % 99 + 1;
      fileName = fileName(mode, format, date, edition, index);
    }
    fileNames.add(fileName);
    String paper = PAPERS[rnd.nextInt(PAPERS.length)];
    List<String> furniture = new ArrayList<>();
    Render out = new Render(layout, rnd);

    if (mode == DateMode.HEADER) {
      String header = switch (rnd.nextInt(3)) {
        case 0 -> paper + " " + cn(date) + " " + weekday(date) + " 第" + edition + "版";
        case 1 -> cn(date) + " " + weekday(date);
        default -> paper + "  " + cn(date) + "  第" + edition + "版  " + SECTIONS[rnd.nextInt(SECTIONS.length)];
      };
      furniture.add(header);
      out.furniture(header);
    } else if (rnd.nextBoolean()) {
      String header = "第" + edition + "版  " + SECTIONS[rnd.nextInt(SECTIONS.length)];
      furniture.add(header);
      out.furniture(header);
    }

    List<DevArticle> articles = new ArrayList<>();
    int count = 2 + rnd.nextInt(3);
    for (int a = 0; a < count; a++) {
      articles.add(article(layout, mode, date, cursor, rnd, out, furniture));
    }
    if (rnd.nextBoolean()) {
      String editor = "（责任编辑：" + name(rnd) + "）";
      furniture.add(editor);
      out.furniture(editor);
    }
    return new DevPage(fileName, out.text(), layout, date, mode, articles, furniture);
  }

  private static String fileName(DateMode mode, int format, LocalDate date, int edition, int index) {
    if (mode != DateMode.FILE_NAME) {
      return String.format("page_%03d.txt", index + 1);
    }
    return switch (format) {
      case 0 -> String.format("rmrb_%04d%02d%02d_%02d.txt", date.getYear(), date.getMonthValue(), date.getDayOfMonth(), edition);
      case 1 -> String.format("%04d-%02d-%02d_p%02d.txt", date.getYear(), date.getMonthValue(), date.getDayOfMonth(), edition);
      default -> String.format("rmrb%04d%02d%02d%02d.txt", date.getYear(), date.getMonthValue(), date.getDayOfMonth(), edition);
    };
  }

  private static DevArticle article(Layout layout, DateMode mode, LocalDate pageDate, Cursor cursor, Random rnd,
      Render out, List<String> furniture) {
    String title = clause(cursor, rnd, 5, 18);
    String kicker = rnd.nextInt(5) == 0 ? clause(cursor, rnd, 6, 20) : null;
    String subtitle = rnd.nextInt(4) == 0 ? clause(cursor, rnd, 6, 20) : null;
    boolean titleAfter = layout != Layout.LINE_PER_PARAGRAPH && rnd.nextInt(10) < 3;
    boolean enumerated = rnd.nextInt(8) == 0;

    List<List<DevSentence>> paragraphs = new ArrayList<>();
    int n = 2 + rnd.nextInt(4);
    for (int p = 0; p < n; p++) {
      List<DevSentence> para = new ArrayList<>();
      int s = 1 + rnd.nextInt(3);
      for (int k = 0; k < s; k++) para.add(cursor.nextBody());
      paragraphs.add(para);
    }

    List<String> reporters = new ArrayList<>();
    String city = CITIES[rnd.nextInt(CITIES.length)];
    LocalDate storyDate = pageDate;
    String lead = null;
    String bylineLine = null;
    String trailer = null;
    switch (rnd.nextInt(6)) {
      case 0 -> {
        storyDate = pageDate.minusDays(rnd.nextInt(2) + (pageDate.getDayOfYear() <= 3 ? 1 : 0));
        reporters.add(name(rnd));
        lead = "新华社" + city + md(storyDate) + "电（记者 " + reporters.get(0) + "）";
      }
      case 1 -> {
        storyDate = pageDate.minusDays(rnd.nextInt(2));
        reporters.add(name(rnd));
        reporters.add(name(rnd));
        lead = "本报" + city + md(storyDate) + "电　记者" + reporters.get(0) + "、" + reporters.get(1) + "报道：";
      }
      case 2 -> {
        reporters.add(name(rnd));
        lead = "本报讯（记者 " + reporters.get(0) + "）";
      }
      case 3 -> {
        reporters.add(name(rnd));
        String shown = reporters.get(0).length() == 2 ? reporters.get(0).charAt(0) + " " + reporters.get(0).charAt(1) : reporters.get(0);
        bylineLine = (rnd.nextBoolean() ? "□ " : "") + "本报记者 " + shown;
      }
      case 4 -> {
        reporters.add(name(rnd));
        reporters.add(name(rnd));
        trailer = "（新华社记者 " + reporters.get(0) + " " + reporters.get(1) + "）";
      }
      default -> { }
    }

    if (!titleAfter) out.headline(kicker, title, subtitle);
    if (bylineLine != null) out.credit(bylineLine);
    if (rnd.nextInt(12) == 0) {
      String jump = "（上接第" + NUMERALS[rnd.nextInt(4)] + "版）";
      furniture.add(jump);
      out.furniture(jump);
    }
    for (int p = 0; p < paragraphs.size(); p++) {
      StringBuilder text = new StringBuilder();
      if (p == 0 && lead != null) text.append(lead);
      if (enumerated && p > 0) text.append(NUMERALS[Math.min(p - 1, NUMERALS.length - 1)]).append("、");
      for (DevSentence s : paragraphs.get(p)) text.append(s.text());
      out.paragraph(text.toString());
    }
    if (trailer != null) out.credit(trailer);
    if (rnd.nextInt(12) == 0) {
      String jump = "（下转第" + NUMERALS[1 + rnd.nextInt(4)] + "版）";
      furniture.add(jump);
      out.furniture(jump);
    }
    if (titleAfter) out.headline(kicker, title, subtitle);
    out.gap();
    return new DevArticle(title, kicker, subtitle, titleAfter, paragraphs, reporters, lead != null ? lead : trailer,
        mode == DateMode.NONE ? null : storyDate);
  }

  /** A headline-like clause: a stretch between punctuation of a further corpus sentence. */
  private static String clause(Cursor cursor, Random rnd, int min, int max) {
    for (int tries = 0; tries < 8; tries++) {
      String s = cursor.next().text();
      for (String part : s.split("[，。；：！？、“”‘’（）《》「」\\s]+")) {
        if (part.length() >= min && part.length() <= max && part.codePoints().allMatch(c -> Character.isIdeographic(c) || Character.isLetterOrDigit(c))) {
          return part;
        }
      }
    }
    String s = cursor.next().text().replaceAll("[^\\p{IsHan}]", "");
    return s.substring(0, Math.min(s.length(), min + rnd.nextInt(max - min + 1)));
  }

  private static String name(Random rnd) {
    StringBuilder b = new StringBuilder().append(SURNAMES.charAt(rnd.nextInt(SURNAMES.length())));
    int given = rnd.nextInt(3) == 0 ? 1 : 2;
    for (int i = 0; i < given; i++) b.append(GIVEN.charAt(rnd.nextInt(GIVEN.length())));
    return b.toString();
  }

  private static String cn(LocalDate d) {
    return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
  }

  private static String md(LocalDate d) {
    return d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
  }

  private static String weekday(LocalDate d) {
    DayOfWeek w = d.getDayOfWeek();
    return "星期" + WEEK.charAt(w.getValue() - 1);
  }

  /** A dateline anywhere in the line: a bulleted headline run into its story's dateline (●…据新华社…电) too. */
  static boolean opensWithDateline(String text) {
    String t = text.strip();
    return CreditGrammar.XINHUA_DATELINE.matcher(t).find() || CreditGrammar.OWN_DATELINE.matcher(t).lookingAt();
  }

  /**
   * A corpus line its paper printed as a headline or caption, not as story text: no sentence end, and a
   * subtitle dash (…的启示———记…), a picture tag (…（附图片1张）) or a column rubric in brackets closing it
   * (…（人民论坛）, …（新闻分析）), or no punctuation at all in a line no longer than a headline
   * (各级协会推动事业健康发展). Placed mid-story it made a page no paper prints (a paragraph that is a bare headline,
   * or ends on one, right where the next story's headline would stand), whose truth called a headline body text;
   * neither a reader nor the pipeline can tell such a paragraph from a headline.
   */
  static boolean printedAsHeadline(String text) {
    String t = text.strip();
    if (SENTENCE_END.matcher(t).find()) return false;
    return HEADLINE_MARK.matcher(t).find()
        || t.codePointCount(0, t.length()) <= BARE_HEADLINE_MAX && t.codePoints().allMatch(Character::isLetterOrDigit);
  }

  /** The longest generated headline clause: an unpunctuated corpus line no longer than this reads as a headline. */
  private static final int BARE_HEADLINE_MAX = 20;

  private static final java.util.regex.Pattern SENTENCE_END = java.util.regex.Pattern.compile("[。！？…”’」』]$");
  private static final java.util.regex.Pattern HEADLINE_MARK =
      java.util.regex.Pattern.compile("——|－－|[（(]\\s*(?:附)?图片?\\s*\\d*\\s*张?\\s*[）)]$|[（(]\\p{IsHan}{2,6}[）)]$");

  /** Walks the corpus from a random start, wrapping around. */
  private static final class Cursor {
    private final List<DevSentence> corpus;
    private int next;

    Cursor(List<DevSentence> corpus, int start) {
      this.corpus = corpus;
      this.next = start;
    }

    DevSentence next() {
      DevSentence s = corpus.get(next);
      next = (next + 1) % corpus.size();
      return s;
    }

    /**
     * The next sentence that can stand inside a story: not one that opens with its own dateline
     * (新华社北京6月7日电…, 本报讯…), which a page only ever prints at the start of a story. Such corpus
     * sentences, placed mid-story, made pages no paper prints, with a truth that ignored their dateline.
     */
    DevSentence nextBody() {
      for (int tries = 0; tries < corpus.size(); tries++) {
        DevSentence s = next();
        if (!opensWithDateline(s.text()) && !printedAsHeadline(s.text())) {
          return s;
        }
      }
      throw new IllegalArgumentException("every corpus sentence opens with a dateline or is a headline");
    }

  }

  /** Prints blocks in one layout, with that layout's damage. */
  private static final class Render {
    private final Layout layout;
    private final Random rnd;
    private final StringBuilder text = new StringBuilder();
    private final int width;
    private final int columnHeight;
    private final boolean indent;
    private int linesInColumn;

    Render(Layout layout, Random rnd) {
      this.layout = layout;
      this.rnd = rnd;
      this.width = 11 + rnd.nextInt(11);
      this.columnHeight = 18 + rnd.nextInt(30);
      this.indent = rnd.nextInt(4) == 0;
    }

    String text() {
      return text.toString();
    }

    void furniture(String line) {
      line(line);
      if (layout != Layout.WRAPPED || rnd.nextBoolean()) blank();
    }

    void credit(String line) {
      line(line);
      if (layout != Layout.LINE_PER_PARAGRAPH) blank();
    }

    void headline(String kicker, String title, String subtitle) {
      String shown = title;
      int damage = rnd.nextInt(10);
      if (damage < 3) shown = String.join(" ", title.split(""));
      else if (damage == 3) shown = doubled(title);
      if (layout == Layout.LINE_PER_PARAGRAPH && (kicker != null || subtitle != null) && rnd.nextBoolean()) {
        line(String.join(" ", nonNull(kicker, shown, subtitle)));
      } else {
        if (kicker != null) line(kicker);
        line(shown);
        if (subtitle != null) line("——" + subtitle);
      }
      if (layout == Layout.LINE_PER_PARAGRAPH && rnd.nextBoolean()) text.append("\t\n");
      blank();
    }

    void paragraph(String para) {
      switch (layout) {
        case LINE_PER_PARAGRAPH -> {
          String shown = para.endsWith("。") && rnd.nextInt(6) == 0 ? para.substring(0, para.length() - 1) : para;
          line(shown);
        }
        case WRAPPED -> {
          for (String l : wrap((indent ? "　　" : "") + para)) {
            line(l);
            if (++linesInColumn >= columnHeight) {
              blank(); // a column break, wherever the sentence is
              linesInColumn = 0;
            }
          }
          blank();
        }
        case DOUBLE_SPACED -> {
          for (String l : wrap(para)) {
            line(l);
            blank();
          }
        }
      }
    }

    /** Space between stories: web text has none beyond its line breaks. */
    void gap() {
      if (layout == Layout.WRAPPED && rnd.nextBoolean()) blank();
    }

    private void line(String l) {
      text.append(l).append('\n');
    }

    private void blank() {
      if (text.length() > 0 && !text.toString().endsWith("\n\n")) text.append('\n');
    }

    /** Hard wraps at the page's width; closing punctuation hangs at a line end, as typesetters do. */
    private List<String> wrap(String para) {
      List<String> lines = new ArrayList<>();
      StringBuilder cur = new StringBuilder();
      double w = 0;
      for (int i = 0; i < para.length(); i++) {
        char c = para.charAt(i);
        double cw = c < 0x2000 ? 0.5 : 1;
        if (w + cw > width && CLOSING.indexOf(c) < 0) {
          lines.add(cur.toString());
          cur.setLength(0);
          w = 0;
        }
        cur.append(c);
        w += cw;
      }
      if (cur.length() > 0) lines.add(cur.toString());
      return lines;
    }

    private String doubled(String s) {
      StringBuilder b = new StringBuilder();
      int i = 0;
      while (i < s.length()) {
        int k = Math.min(s.length() - i, 1 + rnd.nextInt(3));
        String chunk = s.substring(i, i + k);
        b.append(chunk).append(chunk);
        i += k;
      }
      return b.toString();
    }

    private static List<String> nonNull(String... parts) {
      List<String> out = new ArrayList<>();
      for (String p : parts) if (p != null) out.add(p);
      return out;
    }
  }
}

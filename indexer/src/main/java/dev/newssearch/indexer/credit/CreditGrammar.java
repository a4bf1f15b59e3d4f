package dev.newssearch.indexer.credit;

import java.util.regex.Pattern;

/**
 * The one grammar of credits on a news page: who reported a story (bylines), where and when it was filed
 * (datelines), and the lead markers that open a story. Reflow (is this line a byline or a story start?),
 * segment (cut the credit from the lead, read the trailer) and enrich (blank credited names before looking
 * for persons) all read these patterns; a new form is added here once.
 *
 * <p>Forms: {@code 新华社北京3月27日电}, {@code 据新华社北京3月27日电}, {@code 本报讯}, {@code 本报北京3月27日电},
 * {@code 本报北京6月17日讯},
 * {@code （记者 黄乔 实习生 舒畅）}, {@code 记者王泽勇报道}, {@code □ 本报记者 王 婷}, {@code 作者：王 毅},
 * {@code （刘娟娟 张建峰）}, {@code 新华社记者 赵 戈 摄}, {@code 来源：《求是》2020/05 作者：习近平}.
 */
public final class CreditGrammar {
  private CreditGrammar() {}

  /** Organisations whose staff are credited as "&lt;agency&gt;记者". */
  static final String AGENCY = "(?:新华社|人民日报|本报|央视|中新社)";

  /**
   * Role words of a byline. Reporters and authors: …记者, 作者, 文/图; the others are contributors
   * (实习生, 通讯员, 摄影, 撰稿, 编辑). Longest first so that 新华社记者 wins over 记者.
   */
  static final String ROLE_WORD =
      "(?:" + AGENCY + "(?:特约|实习)?记者|本报通讯员|特约记者|实习记者|通讯员|实习生|记者|作者|摄影|撰稿|编辑|文/图)";

  /** A role word at the start of a token, for splitting "记者王泽勇" into role and name. */
  static final Pattern ROLE_PREFIX = Pattern.compile("^(" + ROLE_WORD + ")[：:]?");

  /** A role word inside a parenthesised credit, tolerating letter-spacing (记 者). */
  static final String ROLE_IN_TEXT = "(?:记\\s*者|通讯员|实习生|作\\s*者|摄影|撰稿|编辑)";

  /** A Xinhua dateline: 1 据, 2 place, 3 month, 4 day. */
  public static final Pattern XINHUA_DATELINE = Pattern.compile(
      "(据)?新华社\\s*(\\p{IsHan}{0,8}?)\\s*(?:(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日)?\\s*电");

  /**
   * Our own paper: 本报讯, 本报北京电, 本报北京3月27日电 or 本报北京6月17日讯 (1 place, 2 month, 3 day). The place
   * never starts with 记者 or 通讯: 本报记者…电话, 本报通讯员 are a byline and running text, not a dateline.
   */
  public static final Pattern OWN_DATELINE = Pattern.compile(
      "本报(?:讯|((?:(?!记者|通讯)\\p{IsHan}){0,8}?)\\s*(?:(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日\\s*[电讯]|电))");

  /** "记者王泽勇报道", "记者黎琳芳、龙晨文报道：" (1 the credit without 报道, 2 the names). */
  public static final Pattern REPORTED_BY =
      Pattern.compile("(记者\\s*(\\p{IsHan}{2,4}?(?:[、\\s]\\p{IsHan}{2,4}?){0,3}))\\s*报道[：:]?");

  /** A byline on a line of its own, names set apart by spaces: "本报记者 韩鹏秀", "本报记者 韦 伟丽". */
  public static final Pattern BYLINE_LINE =
      Pattern.compile("^" + AGENCY + "(?:特约|实习)?记者(?:\\s+\\p{IsHan}{1,3}){1,6}$");

  /** A bracketed credit at the end of a paragraph: "…。（记者 颜安）". */
  public static final Pattern TRAILING_BRACKETS = Pattern.compile("\\s*[（(]([^（）()]{1,30})[）)]$");

  /** A bracketed group right at the start of what is left of a lead: "（记者 侯雪静）记者27日…". */
  public static final Pattern LEADING_BRACKETS = Pattern.compile("^[（(]([^（）()]{1,40})[）)]\\s*");

  /** A line that opens a story: a dateline, 本报讯, a bullet or box byline, a source line, a 【 label. */
  public static final Pattern STORY_START = Pattern.compile(
      "^(?:" + XINHUA_DATELINE.pattern() + "|" + OWN_DATELINE.pattern() + "|●|□|来源：|【)");

  /** A line holding only a lead marker (the story's text starts on the next line). */
  public static final Pattern MARKER_ONLY = Pattern.compile(
      "^(?:本报讯|" + XINHUA_DATELINE.pattern() + ")(?:\\s*" + REPORTED_BY.pattern() + ")?$");

  /** A standalone credit line: bracketed, a □ byline, a publication line, a source line, a photo credit. */
  public static final Pattern CREDIT_LINE = Pattern.compile(
      "^(?:[（(][^（）()]{1,48}[）)]|□.*|《[^》]{1,12}》\\s*[（(].*[）)]|来源：.*|\\S*记者[\\s\\S]{1,12}摄|"
          + BYLINE_LINE.pattern().substring(1, BYLINE_LINE.pattern().length() - 1) + ")$");

  /**
   * Whether {@code line} is a whole {@link #CREDIT_LINE}. Every form opens with a bracket, □, 《 or 来源： or holds
   * 记者, which nearly no line of running text does; those lines skip the pattern.
   */
  public static boolean isCreditLine(String line) {
    if (line.isEmpty()) return false;
    char first = line.charAt(0);
    boolean possible = first == '（' || first == '(' || first == '□' || first == '《' || line.startsWith("来源：")
        || line.contains("记者");
    return possible && CREDIT_LINE.matcher(line).matches();
  }

  /** A publication line: 《人民日报》（2020年02月24日 01 版）: 1 title, 2-4 y/m/d, 5 edition. */
  public static final Pattern PUBLICATION = Pattern.compile(
      "^《\\s*([^》]+?)\\s*》\\s*[（(]\\s*(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日\\s*(?:(\\d{1,2})\\s*版)?\\s*[）)]$");

  /** A web source line: 来源：《求是》2020/05 作者：习近平 (1 publication, 2 issue, 3 author). */
  public static final Pattern SOURCE_LINE =
      Pattern.compile("^来源：\\s*《?([^》\\s]+)》?\\s*(\\S*)\\s*(?:作者：\\s*(.+))?$");

  /** A photo credit: "新华社记者 赵 戈 摄". */
  public static final Pattern PHOTO_CREDIT = Pattern.compile(".*记者.*摄$");

  /** True when the text inside brackets is a credit: it names a role, or is a list of personal names. */
  public static boolean isCredit(String inner) {
    return inner.contains("记者") || inner.contains("通讯员") || Byline.isNameList("（" + inner + "）");
  }
}

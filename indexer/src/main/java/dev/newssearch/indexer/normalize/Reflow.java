package dev.newssearch.indexer.normalize;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.common.Term;
import dev.newssearch.indexer.credit.CreditGrammar;
import dev.newssearch.indexer.source.TextCleaner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The normalize stage: rebuilds paragraphs from hard-wrapped PDF column text (or keeps web text that has
 * one paragraph per line) and separates running text from headlines and bylines.
 *
 * <p>The column width is learned per neighbourhood (the median of the widths of the 20 lines
 * around each line), because one page mixes column widths: briefs run across two columns, a lead across
 * the page. With the width known, a line ending a sentence and clearly shorter than the column ends a
 * paragraph; a blank line ends one only after a sentence end, and not at all in double-spaced files
 * (where every line is followed by a blank). A line that does not end a sentence is joined to the next
 * unless it looks like a headline: it starts a block, does not contain a comma, is short, letter-spaced,
 * or its last and the next line's first characters do not form a word (HanLP decides "讲|话" vs "等”|在").
 */
public final class Reflow {
  private static final Pattern START = CreditGrammar.STORY_START;
  /** A lead's dateline: the line it starts opens a paragraph and is never a headline, however short. */
  private static final Pattern LEAD_MARKER = Pattern.compile(
      "^(?:" + CreditGrammar.OWN_DATELINE.pattern() + "|" + CreditGrammar.XINHUA_DATELINE.pattern() + ")");
  private static final Pattern TRAILING_BYLINE = CreditGrammar.TRAILING_BRACKETS;

  /** Characters a headline does not end on: particles, prepositions, conjunctions. */
  private static final Pattern ENUMERATED = Pattern.compile("^[一二三四五六七八九十]{1,3}、\\S");
  /** A sentence ended inside a text (a full stop, or an ellipsis that trails off a sentence) and text after it. */
  private static final Pattern SENTENCE_END_INSIDE = Pattern.compile("(?:[。！？]|……)[”’]?\\S");
  private static final String FUNCTION_END = "了的地得和与及或在对从向把被将为于之其等着过";
  private static final int LAST_WORDS_CHARS = 8;

  private final LineCleaner cleaner;

  private Reflow(LineCleaner cleaner) {
    this.cleaner = cleaner;
  }

  public static Reflow create() {
    return new Reflow(LineCleaner.loadDefault());
  }

  /**
   * A printed line: {@code indented} when the page set it in by a paragraph indent ({@link TextCleaner#INDENT}).
   */
  private record Line(int no, String text, boolean continuation, boolean styled, boolean blankAfter, boolean indented,
      boolean continuedOn, double width) {
    Line(int no, String text, boolean continuation, boolean styled, boolean blankAfter, boolean indented,
        boolean continuedOn) {
      this(no, text, continuation, styled, blankAfter, indented, continuedOn, Text.width(text) + (indented ? 2 : 0));
    }
  }

  /**
   * Pages that indent only some lines mark paragraph starts with it; a page that indents (nearly) every line
   * says nothing by it.
   */
  private static boolean indentMarksParagraphs(List<Line> lines) {
    long indented = lines.stream().filter(Line::indented).count();
    return indented > 0 && indented <= 0.5 * lines.size();
  }

  /** How a file's lines were laid out, learned from the lines themselves. */
  public enum Layout { COLUMNS, DOUBLE_SPACED, LINES }

  /** The reflowed page: blocks in file order, the layout they were read with, and what line repair cut. */
  public record Page(List<Block> blocks, Layout layout, List<Drop> drops) {
    public Page {
      blocks = List.copyOf(blocks);
      drops = List.copyOf(drops);
    }
  }

  public Page reflow(String text) {
    List<Drop> drops = new ArrayList<>();
    List<Line> lines = cleanLines(text, drops);
    if (lines.isEmpty()) return new Page(List.of(), Layout.COLUMNS, drops);
    double[] widths = columnWidths(lines);
    long followedByBlank = lines.stream().filter(Line::blankAfter).count();
    boolean doubleSpaced = lines.size() >= 8 && followedByBlank >= 0.75 * lines.size();
    boolean lineMode = weightedMedianWidth(lines) >= 40;
    boolean indents = indentMarksParagraphs(lines);
    double inset = firstLineInset(lines, widths);
    boolean blankLines = lines.stream().anyMatch(Line::blankAfter);

    List<Block> blocks = new ArrayList<>();
    List<Line> cur = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      cur.add(l);
      Line next = i + 1 < lines.size() ? lines.get(i + 1) : null;
      boolean afterHeading = !blocks.isEmpty() && blocks.get(blocks.size() - 1).kind() == Block.Kind.HEADING;
      if (next == null
          || breaksAfter(cur, l, next, widths[i], doubleSpaced, lineMode, indents, afterHeading, inset)) {
        Block b = toBlock(cur, lineMode, indents);
        // a headline is not set line after line across the full column: four lines or more that fill it are running
        // text that prints no punctuation at all (a weather table, "北京多云转晴15℃／27℃天津多|云16℃…")
        // an item line with the next item right under it is one of a list, not a numbered heading: a heading stands
        // above text of its own ("一、那些搞理论…的" directly over "二、他说，…")
        if (b.kind() == Block.Kind.HEADING && !b.display() && cur.size() == 1 && next != null
            && enumerated(l.text()) && enumerated(next.text())) {
          b = b.asBody();
        }
        // a story goes on on another page from its running text, never from a headline: the text a "（下转2版）"
        // marker closes is a paragraph that lost its final stop
        if (b.kind() == Block.Kind.HEADING && !b.display() && b.continuedOn()) {
          b = b.asBody();
        }
        // a story's text runs down to its closing credit ("（新华社记者 王涛 李明）"): a headline never stands between
        // them, so clauses right above the credit are its last paragraph, which lost its final stop
        if (b.kind() == Block.Kind.HEADING && !lineMode && !b.display() && next != null
            && closingCredit(next.text()) && (b.text().indexOf('，') >= 0 || cur.size() > 1)) {
          b = b.asBody();
        }
        // a bullet opens an item of a list of briefs ("●3月27日，…"): an item running over lines is a paragraph
        if (b.kind() == Block.Kind.HEADING && !b.display() && cur.size() > 1 && b.text().startsWith("●")) {
          b = b.asBody();
        }
        if (b.kind() == Block.Kind.HEADING && lineMode && !b.display() && runsOn(lines, i, blankLines)) {
          b = b.asBody();
        }
        if (b.kind() == Block.Kind.HEADING && !lineMode && !b.display() && fillsColumn(cur, widths, i)) {
          b = b.asBody();
        }
        // a byline opening a story stands between its headline and its text: what follows it in body type is the
        // story's first paragraph ("□ 本报记者 邱彤静" above a one-sentence paragraph that lost its final stop)
        if (b.kind() == Block.Kind.HEADING && !b.display() && !blocks.isEmpty()
            && opensStory(blocks.get(blocks.size() - 1))) {
          b = b.asBody();
        }
        blocks.add(b);
        cur = new ArrayList<>();
      }
    }
    Layout layout = lineMode ? Layout.LINES : doubleSpaced ? Layout.DOUBLE_SPACED : Layout.COLUMNS;
    return new Page(blocks, layout, drops);
  }

  private List<Line> cleanLines(String text, List<Drop> drops) {
    String[] raw = text.split("\n", -1);
    List<Line> out = new ArrayList<>();
    boolean pendingContinuation = false;
    for (int i = 0; i < raw.length; i++) {
      LineCleaner.Cleaned c = cleaner.clean(raw[i]);
      for (Drop d : c.removed()) drops.add(new Drop(i + 1, d.reason(), d.text()));
      pendingContinuation |= c.continuation();
      if (c.text().isEmpty()) {
        // a "（下转2版）" line on its own ends the story printed above it
        if (c.continuedOn() && !out.isEmpty()) {
          Line last = out.remove(out.size() - 1);
          out.add(new Line(last.no, last.text, last.continuation, last.styled, last.blankAfter, last.indented, true));
        }
        // the newline ending the file's last line leaves an empty string behind it: no blank line was printed
        boolean endOfFile = i == raw.length - 1 && raw[i].isEmpty();
        if (!out.isEmpty() && raw[i].isBlank() && !endOfFile) {
          Line last = out.remove(out.size() - 1);
          out.add(new Line(last.no, last.text, last.continuation, last.styled, true, last.indented, last.continuedOn));
        }
        continue;
      }
      out.add(new Line(i + 1, c.text(), pendingContinuation, c.headlineStyle(), false,
          raw[i].startsWith(TextCleaner.INDENT), c.continuedOn()));
      pendingContinuation = false;
    }
    return out;
  }

  /**
   * The width of the line holding the middle character of the page: most of the text of a web page sits on
   * long lines even when its headlines, bylines and editor lines outnumber them (a plain median of line
   * widths would call such a page a column layout).
   */
  private static double weightedMedianWidth(List<Line> lines) {
    double[] widths = lines.stream().mapToDouble(l -> Text.width(l.text())).sorted().toArray();
    double total = 0;
    for (double w : widths) total += w;
    double seen = 0;
    for (double w : widths) {
      seen += w;
      if (seen >= total / 2) return w;
    }
    return widths[widths.length - 1];
  }

  /**
   * How much shorter than its column a paragraph's first line is printed: 0 where first lines fill the column
   * (or carry a visible indent, which counts in their width), about 2 where the page indented them and the
   * extraction lost the indent (seed 004). Learned from the lines that follow a clear paragraph end (a sentence
   * end on a short line); with fewer than three such starts, 2, as if indented.
   */
  private static double firstLineInset(List<Line> lines, double[] widths) {
    List<Double> insets = new ArrayList<>();
    for (int i = 0; i + 1 < lines.size(); i++) {
      Line a = lines.get(i);
      Line b = lines.get(i + 1);
      if (endsFinal(a.text()) && a.width() <= widths[i] - 1.5 && !endsFinal(b.text()) && !b.styled()
          && widths[i + 1] - b.width() < 4) {
        insets.add(Math.max(0, widths[i + 1] - b.width()));
      }
    }
    if (insets.size() < 3) return 2;
    double[] sorted = insets.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return sorted[(sorted.length - 1) / 2];
  }

  private static double[] columnWidths(List<Line> lines) {
    double[] w = new double[lines.size()];
    double[] window = new double[21];
    for (int i = 0; i < lines.size(); i++) {
      int n = 0;
      for (int j = Math.max(0, i - 10); j < Math.min(lines.size(), i + 11); j++) {
        double x = lines.get(j).width();
        if (x >= 4) window[n++] = x;
      }
      if (n == 0) {
        w[i] = lines.get(i).width();
        continue;
      }
      Arrays.sort(window, 0, n);
      w[i] = window[(n - 1) / 2];
    }
    return w;
  }

  static boolean isTrailer(String s) {
    return CreditGrammar.isCreditLine(s) && !Text.endsSentence(s.substring(0, Math.max(0, s.length() - 1)));
  }

  private static boolean endsClause(String s) {
    char last = s.charAt(s.length() - 1);
    return last == '；' || last == ';';
  }

  /** 一、二、…: an item of a numbered list (the pattern runs only on lines opening with a numeral). */
  private static boolean enumerated(String s) {
    return !s.isEmpty() && "一二三四五六七八九十".indexOf(s.charAt(0)) >= 0 && ENUMERATED.matcher(s).find();
  }

  static boolean endsFinal(String s) {
    if (Text.endsSentence(s)) return true;
    if (!s.endsWith("）") && !s.endsWith(")")) return false; // the trailing byline's pattern ends on its bracket
    var m = TRAILING_BYLINE.matcher(s);
    return m.find() && m.start() > 0 && Text.endsSentence(s.substring(0, m.start()).strip());
  }

  private boolean breaksAfter(List<Line> cur, Line l, Line next, double colWidth, boolean doubleSpaced,
      boolean lineMode, boolean indents, boolean afterHeading, double inset) {
    String s = l.text();
    String n = next.text();
    if (lineMode) return true;
    if (l.continuedOn()) return true; // the story's text on this page stops at a "（下转2版）" marker
    if (isTrailer(s) || isTrailer(n)) return true;
    // "据" at a line end opens the dateline on the next line ("…不成了。据|新华社东京6月17日电…"): it is no story start
    if (next.continuation() || START.matcher(n).find() && !(s.endsWith("据") && n.startsWith("新华社"))) return true;
    if (cur.size() == 1 && LEAD_MARKER.matcher(s).find() && !endsFinal(s)) return false;
    // an indented line starts a paragraph: what stands before it ends there, sentence or headline
    if (indents && next.indented()) return true;
    boolean hasComma = s.indexOf('，') >= 0 || s.indexOf('。') >= 0;
    if ((l.styled() && !hasComma) || (next.styled() && n.indexOf('，') < 0)) return true;
    double w = l.width();
    if (endsFinal(s)) {
      if (colWidth - w >= 1.5) return true;
      // double spacing hides paragraph ends: at the column's full width an ellipsis is as likely to trail off
      // inside a sentence ("一堆债务……厂长戚西洋说") as to end it, and a full stop decides better than it. A short
      // line of no punctuation under it is no continuation but a headline: the ellipsis ended the paragraph
      // ("…已摆在那里……" above "尽管它还十分脆弱")
      if (doubleSpaced && s.endsWith("…")) return headlineShaped(n, colWidth) && !next.continuation();
      // a semicolon ends a clause: at the full width of the column the sentence goes on ("…加强征管；要顾全大局")
      if (endsClause(s) && (doubleSpaced || !l.blankAfter())) return false;
      return doubleSpaced || l.blankAfter();
    }
    char last = s.charAt(s.length() - 1);
    if ("，、；：“‘（《—·".indexOf(last) >= 0) {
      // a kicker such as "国务院扶贫开发领导小组：" above a headline, but not a salutation ("同志们：")
      return last == '：' && cur.size() == 1 && s.length() > 6 && w <= 0.85 * colWidth;
    }
    if (Character.isLetterOrDigit(last) && last < 0x2000) return false;
    boolean blank = l.blankAfter() && !doubleSpaced;
    if (cur.size() > 1 && (joinedHasSentencePunct(cur) || w >= 0.8 * colWidth)) {
      // running text is not interrupted by a headline before its sentence ends
      return false;
    }
    if (l.continuation() && cur.size() == 1) return false; // "（上接1版）" was cut from a full line
    if (openQuote(cur)) return false; // headlines do not leave a quotation or a bracket open
    // a "——" line of no clauses under a block's first line, set wider or shorter than the column, is the subtitle of
    // the headline this line is: running text does not go on into a line set to another width
    if (cur.size() == 1 && !hasComma && n.startsWith("——") && n.indexOf('，') < 0 && !endsFinal(n)
        && (next.width() > colWidth + 1.5 || next.width() <= colWidth - 1.5)) {
      return true;
    }
    // a "——" line under a headline, or one too short for a paragraph's first line, is a subtitle even when it
    // ends on a particle ("——特别是威胁中东和平进程的"): the particle test below is for lines of running text
    if (s.startsWith("——") && !hasComma && cur.size() == 1 && (afterHeading || w <= colWidth - 1.5)) return true;
    double nw = next.width();
    // the next line is the short last line of a paragraph: this line is inside that paragraph, however wide the
    // neighbourhood's median makes it look (short headlines and credit lines around pull the median down)
    boolean nextEndsParagraph = endsFinal(n) && nw <= colWidth - 1.5 && !next.styled();
    // a line wider than its column, above one that is not, is display type set across columns: a headline, whatever
    // word it ends on (a kicker "…的印象是极为深刻的" printed wider than the column under it)
    if (cur.size() == 1 && !hasComma && s.indexOf('、') < 0 && w > colWidth + 1.5 && nw <= colWidth + 1.5
        && !nextEndsParagraph) {
      return true;
    }
    if (endsOnFunctionWord(s)) return false; // nor end on 了, 的, 和… (but "行为", "土地" are nouns)
    // 一、我国脱贫攻坚取得决定性成就: a numbered heading is shorter than the column and has no comma; a full
    // line ("一、作为一个中国人，就是要", "三、名声大噪的9号弗洛尔在小") is the first line of an item
    if (enumerated(s) && cur.size() == 1 && !hasComma && w <= colWidth - 1.5) return true;
    if (hasComma || s.indexOf('、') >= 0) return false;
    // a "——" subtitle stands apart; a paragraph opening with a dash ("———对于不慎失足的孩子要关心") runs on.
    // Right under a headline line a dash line is the subtitle, however wide.
    if (s.startsWith("——") && (w <= colWidth - 1.5 || w > colWidth + 1.5 || afterHeading && cur.size() == 1)) {
      return true;
    }
    // the next line is the short last line of a paragraph: this line is inside that paragraph
    if (nextEndsParagraph) return false;
    // 下沉一线当好“指战员”; but no headline or paragraph opens on 的 ("…在“遗憾”与“庆幸”|的交织中产生的")
    // A line as wide as its column (a closing quotation may hang past it) is running text that the column cut after a quotation
    // ("由“青岛”号…和“世昌”" | "号综合训练舰…"): a headline is shorter than the column, or set across columns
    if (last == '”' && s.indexOf('“') >= 0 && n.charAt(0) != '的' && (w < colWidth - 0.5 || w > colWidth + 1.5)) return true;
    if (s.startsWith("“")) return false; // a quotation opening a paragraph: “东侨速度”是宁德市发挥
    if (!blank && !doubleSpaced && w >= 0.8 * colWidth) return false;
    // a blank line followed by a full, unindented line is a column break inside a paragraph
    // (the column filled up: a short line before the blank is a headline's, not a broken column's)
    // A paragraph's first line there is printed only as much shorter than the column as the page sets first
    // lines in (a headline one word short of the column is no column break: "为什么有些舆论监督长期没有下文")
    double breakSlack = cur.size() == 1 ? Math.min(3, inset + 1.5) : 3;
    // A column cuts its text at one width: a line wider than the column's full lines (by more than half a cell; it
    // ends on no hanging punctuation here) is no column's last line but a headline set wider than the column
    if (blank && nw >= colWidth - 0.5 && !next.styled() && w >= colWidth - breakSlack
        && w <= Math.max(nw, colWidth) + 0.5) {
      return false;
    }
    // a short line at a block start above a full line: the full line opens a paragraph ("为此，党中央提出：…"), whose
    // first word is not the end of one cut from this line
    double startInset = Math.max(inset + 1, 1.5);
    if (cur.size() == 1 && w <= colWidth - startInset && nw >= colWidth - 1.5) return true;
    if (n.length() > 1 && (Text.isCjkPunct(n.charAt(0)) && n.charAt(0) != '“' && n.charAt(0) != '—' || "，、。；：".indexOf(n.charAt(1)) >= 0
        || n.length() > 2 && "，、。；：".indexOf(n.charAt(2)) >= 0)) {
      return false;
    }
    // shorter than the first line of a paragraph, which fills its column (an indent counts in the width): a
    // headline. A later line of a block is a headline's only when shorter still (the last line of a paragraph
    // whose final stop was lost is short too)
    if (w <= colWidth - (cur.size() == 1 ? startInset : 3)) return true;
    // double spacing hides the blank lines between paragraphs, so only width can mark a headline there
    if (doubleSpaced) return false;
    return !wordContinues(s, n);
  }

  /**
   * Web text that sets its headlines apart (a blank line under some line of the page) runs a headline into
   * nothing: a line of it printed straight above running text, with no blank under it, and itself under running
   * text or under a blank, is a paragraph that lost its final stop ("这是今年入汛以来的第三次洪峰" between two
   * paragraphs, or first under a headline), and so is such a line above a bracketed closing credit, above a
   * "（下转2版）" marker or at the end of the page. A section label too short for a sentence ("一", "二"), a column
   * name before a colon ("人民论坛：…"), a numbered heading or a line under which a headline, a credit or a source
   * line follows stays a headline.
   */
  private static boolean runsOn(List<Line> lines, int i, boolean blankLines) {
    if (!blankLines || i == 0) return false;
    Line l = lines.get(i);
    Line prev = lines.get(i - 1);
    String s = l.text();
    // the page's last line heads nothing (a blank under it is the end of the page), nor does a line whose story
    // goes on on another page ("（下转2版）" under it)
    boolean ends = i + 1 >= lines.size() || l.continuedOn();
    if (l.blankAfter() && !ends || l.styled() || Text.width(s) < 8) return false;
    int colon = s.indexOf('：');
    if (colon >= 0 && colon <= 6 || enumerated(s) || s.startsWith("——")) return false;
    // under running text, or under the blank that sets a headline apart (a story's first paragraph); a line right
    // under another headline line is part of its group
    if (!prev.blankAfter() && !runningText(prev)) return false;
    // a bracketed credit closes the story the line ends
    if (ends) return true;
    String n = lines.get(i + 1).text();
    if (closingCredit(n)) return true;
    return runningText(lines.get(i + 1)) && !START.matcher(n).find() && !isTrailer(n);
  }

  /** A bracketed credit line closing a story: "（新华社记者 王涛 李明）". */
  private static boolean closingCredit(String s) {
    var m = TRAILING_BYLINE.matcher(s);
    return isTrailer(s) && m.find() && m.start() == 0 && CreditGrammar.isCredit(m.group(1));
  }

  /** A web line that reads as running text: it ends a sentence, it is long and made of clauses, or it is a lead. */
  private static boolean runningText(Line l) {
    String t = l.text();
    return !l.styled() && (endsFinal(t) || Text.width(t) >= 16 && t.indexOf('，') >= 0 || isLead(t));
  }

  /** A line no wider than two thirds of the column, with no punctuation in it: what a headline looks like. */
  private static boolean headlineShaped(String s, double colWidth) {
    if (Text.width(s) > colWidth * 2 / 3) return false;
    for (int i = 0; i < s.length(); i++) if (Text.isCjkPunct(s.charAt(i))) return false;
    return true;
  }

  /** Whether the block ending at line {@code last} has four lines or more, all but its last as wide as the column. */
  private static boolean fillsColumn(List<Line> cur, double[] widths, int last) {
    if (cur.size() < 4) return false;
    for (int k = 0; k < cur.size() - 1; k++) {
      int idx = last - (cur.size() - 1) + k;
      if (cur.get(k).width() < widths[idx] - 1.5) return false;
    }
    return true;
  }

  /** A standalone byline or source line, printed under a headline and above the story's text. */
  private static boolean opensStory(Block b) {
    if (b.kind() != Block.Kind.TRAILER) return false;
    String t = b.text();
    return t.startsWith("□") || CreditGrammar.BYLINE_LINE.matcher(t).matches()
        || CreditGrammar.SOURCE_LINE.matcher(t).matches();
  }

  /** A dateline or 本报讯 opening the text, with more than its credit after it. */
  private static boolean isLead(String joined) {
    var m = LEAD_MARKER.matcher(joined);
    if (!m.find()) return false;
    String rest = CreditGrammar.LEADING_BRACKETS.matcher(joined.substring(m.end()).strip()).replaceFirst("");
    var by = CreditGrammar.REPORTED_BY.matcher(rest);
    if (by.lookingAt()) rest = rest.substring(by.end());
    return rest.codePoints().filter(Text::isHan).count() >= 4;
  }

  private static boolean openQuote(List<Line> cur) {
    int open = 0;
    for (Line x : cur) {
      for (int i = 0; i < x.text().length(); i++) {
        char c = x.text().charAt(i);
        if (c == '“' || c == '（') open++;
        else if (c == '”' || c == '）') open--;
      }
    }
    return open > 0;
  }

  private static boolean joinedHasSentencePunct(List<Line> cur) {
    for (Line x : cur) {
      String t = x.text();
      if (t.indexOf('，') >= 0 || t.indexOf('。') >= 0 || t.indexOf('；') >= 0) return true;
    }
    return false;
  }

  /**
   * Whether the line ends on a function word (了, 的, 和, 为…) that leaves its phrase open, as a line of running
   * text cut by the column does and a headline does not. The last word decides, not the last character: "行为",
   * "土地" and "认为" end on such a character and are words of their own.
   */
  static boolean endsOnFunctionWord(String s) {
    if (FUNCTION_END.indexOf(s.charAt(s.length() - 1)) < 0) return false;
    List<Term> terms = segment(lastWords(s));
    if (terms.isEmpty()) return true;
    Term t = terms.get(terms.size() - 1);
    if (t.word.length() == 1) return true;
    String nature = t.nature == null ? "" : t.nature.toString();
    // a preposition, conjunction or particle of two characters leaves the phrase open too: "为了", "对于", "随着"
    return nature.startsWith("p") || nature.startsWith("c") || nature.startsWith("u");
  }

  /**
   * The end of a line that decides its last word: what follows its last punctuation mark, at most the last eight
   * characters. The last word of a phrase depends on the characters just before it, not on the whole line, and
   * segmenting the whole line for it was a tenth of the pipeline's CPU.
   */
  static String lastWords(String s) {
    int from = Math.max(0, s.length() - LAST_WORDS_CHARS);
    for (int i = s.length() - 1; i >= from; i--) {
      if (!Text.isHan(s.charAt(i)) && !Character.isLetterOrDigit(s.charAt(i))) return s.substring(i + 1);
    }
    return s.substring(from);
  }

  /** True when HanLP segments a word across the line break: "重要讲" + "话，" gives 讲话. */
  static boolean wordContinues(String a, String b) {
    char last = a.charAt(a.length() - 1);
    char first = b.charAt(0);
    if (!Text.isHan(last) || !Text.isHan(first)) return false;
    String tail = a.substring(Math.max(0, a.length() - 4));
    String head = b.substring(0, Math.min(b.length(), 4));
    String probe = tail + head;
    int boundary = tail.length();
    int pos = 0;
    for (Term t : segment(probe)) {
      int end = pos + t.word.length();
      if (pos < boundary && end > boundary) return true;
      pos = end;
    }
    return false;
  }

  private static List<Term> segment(String s) {
    return HanLP.segment(s);
  }

  private static Block toBlock(List<Line> lines, boolean lineMode, boolean indents) {
    List<String> texts = lines.stream().map(Line::text).toList();
    String joined = "";
    for (String t : texts) joined = Text.join(joined, t);
    Block.Kind kind;
    if (lines.size() == 1 && isTrailer(joined)) {
      kind = Block.Kind.TRAILER;
    } else if (endsFinal(joined) || START.matcher(joined).find() && joined.length() > 30
        // a dateline with text after it is a story's lead, however short ("本报讯（记者 范涛文）住户的用电没了着落"),
        // unless set in display type
        || isLead(joined) && lines.stream().noneMatch(Line::styled)
        // nor does a headline run on past a full stop: a web paragraph that lost only its final stop
        || lineMode && Text.width(joined) >= 16 && SENTENCE_END_INSIDE.matcher(joined).find()
        // headlines are not indented: an indented block is a paragraph whose final stop was lost
        || indents && lines.get(0).indented() && lines.size() > 1
        // nor do they run over three lines with a sentence ended inside: running text whose last stop was lost
        || lines.size() >= 3 && SENTENCE_END_INSIDE.matcher(joined).find()
        // or, over two lines, clauses with a sentence ended inside ("历史已成过去，双方应着眼未来。民|革…召开")
        || lines.size() == 2 && joined.indexOf('，') >= 0 && SENTENCE_END_INSIDE.matcher(joined).find()
        || lineMode && Text.width(joined) >= 40
            && (!lines.get(lines.size() - 1).blankAfter() || joined.indexOf('，') >= 0)
        || lineMode && Text.width(joined) >= 16 && joined.indexOf('，') >= 0
            && !lines.get(lines.size() - 1).blankAfter()) {
      // a long web line followed by a blank is a headline ("…会议上强调 毫不放松… 统筹做好…") unless it reads
      // as running text: a clause of a sentence whose final full stop was lost. A shorter line made of clauses
      // ("…之行，没有像…那样空手而回") that runs on into the next line without the blank a web headline stands
      // above is such a paragraph too
      kind = Block.Kind.BODY;
    } else {
      kind = Block.Kind.HEADING;
    }
    return new Block(kind, texts, joined, lines.get(0).no(), lines.get(0).continuation(),
        lines.stream().anyMatch(Line::styled), lines.get(lines.size() - 1).continuedOn());
  }
}

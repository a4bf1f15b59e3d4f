package dev.newssearch.indexer.segment;

import dev.newssearch.indexer.credit.Byline;
import dev.newssearch.indexer.credit.CreditGrammar;
import dev.newssearch.indexer.normalize.Block;
import dev.newssearch.indexer.normalize.Drop;
import dev.newssearch.indexer.normalize.Reflow;
import dev.newssearch.indexer.normalize.Text;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * First segment part: where stories start and end, and the credits around them. A story starts at a lead
 * marker (本报讯, 新华社…电, ●, □ byline, 来源：), a continuation marker, a display-type headline, or after a
 * closed story; a "（下转2版）" marker closes it; a trailer (a bracketed byline or dateline, a publication line) closes it. Datelines and
 * bylines are cut from the lead and recorded, all on the shared {@link CreditGrammar}. Headline blocks are
 * only collected here; {@link HeadlineAssigner} decides where they go.
 */
final class LeadParser {
  /** A date printed under a headline: "（2020年3月6日）". */
  static final Pattern FULL_DATE_LINE =
      Pattern.compile("^[（(]\\s*(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日\\s*[）)]$");
  private static final Pattern XINHUA_LEAD = Pattern.compile("^" + CreditGrammar.XINHUA_DATELINE.pattern() + "\\s*");
  private static final Pattern OWN_LEAD = Pattern.compile("^" + CreditGrammar.OWN_DATELINE.pattern() + "\\s*");
  private static final Pattern REPORTED_BY_LEAD = Pattern.compile("^" + CreditGrammar.REPORTED_BY.pattern() + "\\s*");

  /** The stories of a page in order and the blocks left for the headline assigner. */
  record Parsed(List<Draft> drafts, List<Integer> headingBlocks, List<Drop> drops) {
    Parsed {
      drafts = List.copyOf(drafts);
      headingBlocks = List.copyOf(headingBlocks);
      drops = List.copyOf(drops);
    }
  }

  private LeadParser() {}

  /** Mutable only while this part reads the page; handed on frozen as {@link Draft}. */
  private static final class Open {
    final List<Draft.Para> paragraphs = new ArrayList<>();
    /** The block each paragraph came from. */
    final List<Integer> paragraphBlocks = new ArrayList<>();
    final List<String> reporters = new ArrayList<>();
    final List<String> contributors = new ArrayList<>();
    final List<String> credits = new ArrayList<>();
    String source;
    String place;
    String edition;
    LocalDate publication;
    MonthDay dateline;
    boolean closed;
    /** Reporters were named above or in the lead (a □ byline, 新华社…电（记者 …）). */
    boolean credited;
    /** Paragraphs before the last headline block printed inside this story, and that block; -1: none. */
    int headingAfter = -1;
    int headingBlock = -1;
    int startBlock;
    int endBlock;
    int firstLine;

    void credit(Byline.Credits c) {
      if (source == null) source = c.source();
      for (String r : c.reporters()) if (!reporters.contains(r)) reporters.add(r);
      for (String r : c.contributors()) if (!contributors.contains(r)) contributors.add(r);
    }

    Draft freeze() {
      return new Draft(startBlock, endBlock, firstLine, paragraphs, source, place, edition, publication, dateline,
          reporters, contributors, credits, List.of());
    }
  }

  static Parsed parse(Reflow.Page page) {
    List<Block> blocks = page.blocks();
    boolean lines = page.layout() == Reflow.Layout.LINES;
    List<Open> drafts = new ArrayList<>();
    List<Integer> headingBlocks = new ArrayList<>();
    Open cur = null;
    for (int b = 0; b < blocks.size(); b++) {
      Block block = blocks.get(b);
      String text = block.text();
      switch (block.kind()) {
        case HEADING -> {
          headingBlocks.add(b);
          if (cur != null && !cur.closed && !cur.paragraphs.isEmpty()) {
            cur.headingAfter = cur.paragraphs.size();
            cur.headingBlock = b;
          }
          // a headline in display type (letter-spaced, doubled glyphs) opens a new story or photo caption, and so
          // does a title with a "——" subtitle under it: a subhead inside a story carries no subtitle
          // A subhead is a line or two set together; a run of three headline blocks, or of two with a blank line
          // between them, is a story's headline group (or one story's headline printed after it and the next
          // story's before it)
          if ((lines || block.display() || subtitled(blocks, b) || headlineGroup(blocks, b)) && cur != null) {
            cur.closed = true;
          }
        }
        case TRAILER -> {
          if (FULL_DATE_LINE.matcher(text).matches()) {
            headingBlocks.add(b); // a date printed under a headline belongs with the headline
            continue;
          }
          boolean bylineLine = CreditGrammar.BYLINE_LINE.matcher(text).matches();
          if (text.startsWith("□") || text.startsWith("来源：") || bylineLine) {
            // a byline printed above the story opens it
            cur = open(drafts, cur, b, block);
            cur.credits.add(text);
            if (text.startsWith("□") || bylineLine) {
              cur.credit(Byline.parse(text.replaceFirst("^□", "")));
              cur.credited = !cur.reporters.isEmpty();
            } else {
              Matcher m = CreditGrammar.SOURCE_LINE.matcher(text);
              if (m.matches()) {
                cur.source = m.group(1);
                if (m.group(3) != null) cur.credit(Byline.parse("作者 " + m.group(3)));
              }
            }
            continue;
          }
          Open target = cur != null ? cur : drafts.isEmpty() ? null : drafts.get(drafts.size() - 1);
          if (target == null) {
            headingBlocks.add(b);
            continue;
          }
          if (target == cur && creditsAnotherStory(cur, text)) target = splitAtHeading(drafts, cur);
          if (applyTrailer(target, text)) {
            target.credits.add(text);
            target.closed = true;
            target.endBlock = b;
          } else if (target == cur && !cur.closed && !cur.paragraphs.isEmpty() && runsOnAfter(blocks, b)) {
            // a bracketed note that credits nobody, between two paragraphs of a story ("（附图片2张）"), is the
            // story's text: a headline's note stands by its headline, not amid running text. In columns it ends
            // the paragraph above when that paragraph's sentence is not ended yet (the column wrapped the note)
            int last = cur.paragraphs.size() - 1;
            Draft.Para above = cur.paragraphs.get(last);
            if (!lines && !Text.endsSentence(above.text())) {
              cur.paragraphs.set(last, new Draft.Para(Text.join(above.text(), text), above.line()));
            } else {
              cur.paragraphs.add(new Draft.Para(text, block.firstLine()));
              cur.paragraphBlocks.add(b);
            }
            cur.endBlock = b;
          } else {
            headingBlocks.add(b);
          }
        }
        case BODY -> {
          boolean starts = block.continuation() || text.startsWith("●") || XINHUA_LEAD.matcher(text).find()
              || OWN_LEAD.matcher(text).find();
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
          Matcher t = CreditGrammar.TRAILING_BRACKETS.matcher(text);
          if (t.find() && CreditGrammar.isCredit(t.group(1)) && t.start() > 0
              && Text.endsSentence(text.substring(0, t.start()))) {
            cur.credit(Byline.parse(t.group(1)));
            cur.credits.add(t.group().strip());
            text = text.substring(0, t.start()).strip();
            cur.closed = true;
          }
          if (!text.isEmpty()) {
            cur.paragraphs.add(new Draft.Para(text, block.firstLine()));
            cur.paragraphBlocks.add(b);
          }
          cur.endBlock = b;
        }
      }
      // the story's text on this page stops at a "（下转2版）" marker: the next text is another story's
      if (block.continuedOn() && cur != null) cur.closed = true;
    }
    List<Draft> out = new ArrayList<>();
    List<Drop> drops = new ArrayList<>();
    for (Open d : drafts) {
      if (!d.paragraphs.isEmpty()) {
        out.add(d.freeze());
      } else {
        for (String c : d.credits) drops.add(new Drop(d.firstLine, Drop.Reason.ORPHAN_CREDIT, c));
      }
    }
    return new Parsed(out, headingBlocks, drops);
  }

  /** Whether the block after {@code b} goes on with the same story: running text that opens no story of its own. */
  private static boolean runsOnAfter(List<Block> blocks, int b) {
    if (b + 1 >= blocks.size()) return false;
    Block next = blocks.get(b + 1);
    return next.kind() == Block.Kind.BODY && !next.continuation() && !next.text().startsWith("●")
        && !XINHUA_LEAD.matcher(next.text()).find() && !OWN_LEAD.matcher(next.text()).find();
  }

  /** Whether headline block {@code b} holds a "——" subtitle printed under a headline line (of it or just above it). */
  private static boolean subtitled(List<Block> blocks, int b) {
    List<String> lines = blocks.get(b).lines();
    boolean above = b > 0 && blocks.get(b - 1).kind() == Block.Kind.HEADING;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("——") && (i > 0 || above)) return true;
    }
    return false;
  }

  /**
   * Whether headline block {@code b} is part of a run of three headline blocks or more, or of two with a blank
   * line between them (every line of a double-spaced page has one). One block of several lines is one headline
   * (or running text that lost its stops), no group.
   */
  private static boolean headlineGroup(List<Block> blocks, int b) {
    int from = b;
    while (from > 0 && blocks.get(from - 1).kind() == Block.Kind.HEADING) from--;
    int to = b;
    while (to + 1 < blocks.size() && blocks.get(to + 1).kind() == Block.Kind.HEADING) to++;
    boolean blankBetween = false;
    for (int i = from + 1; i <= to; i++) {
      Block before = blocks.get(i - 1);
      blankBetween |= blocks.get(i).firstLine() > before.firstLine() + before.lines().size();
    }
    int count = to - from + 1;
    return count >= 3 || count == 2 && blankBetween;
  }

  /**
   * A story credits its reporters once. A closing credit naming other reporters than the ones its lead or
   * byline named, after a headline printed inside the story, closes a second story: the one under that
   * headline, which ran on from the first because it printed no lead marker of its own.
   */
  private static boolean creditsAnotherStory(Open d, String trailer) {
    if (!d.credited || d.headingAfter <= 0 || d.headingAfter >= d.paragraphs.size()) return false;
    String inner = trailer.replaceAll("^[（(]|[）)]$", "").strip();
    if (!CreditGrammar.isCredit(inner)) return false;
    List<String> named = Byline.parse(inner).reporters();
    return !named.isEmpty() && named.stream().noneMatch(d.reporters::contains);
  }

  /** Moves the paragraphs under the story's last inner headline to a story of their own, and returns it. */
  private static Open splitAtHeading(List<Open> drafts, Open d) {
    Open second = new Open();
    int from = d.headingAfter;
    second.paragraphs.addAll(d.paragraphs.subList(from, d.paragraphs.size()));
    second.paragraphBlocks.addAll(d.paragraphBlocks.subList(from, d.paragraphBlocks.size()));
    d.paragraphs.subList(from, d.paragraphs.size()).clear();
    d.paragraphBlocks.subList(from, d.paragraphBlocks.size()).clear();
    second.startBlock = second.paragraphBlocks.get(0);
    second.endBlock = d.endBlock;
    second.firstLine = second.paragraphs.get(0).line();
    d.endBlock = d.paragraphBlocks.get(d.paragraphBlocks.size() - 1);
    d.closed = true;
    d.headingAfter = -1;
    drafts.add(second);
    return second;
  }

  private static Open open(List<Open> drafts, Open cur, int b, Block block) {
    if (cur != null && cur.paragraphs.isEmpty() && !cur.closed) return cur;
    Open d = new Open();
    d.startBlock = b;
    d.endBlock = b;
    d.firstLine = block.firstLine();
    drafts.add(d);
    return d;
  }

  /** Trailers: （据新华社北京3月27日电）, （新华社记者 柳丝…）, （记者 颜安）, （刘娟娟 张建峰）, publication lines. */
  private static boolean applyTrailer(Open d, String text) {
    Matcher pub = CreditGrammar.PUBLICATION.matcher(text);
    if (pub.matches()) {
      if (d.source == null) d.source = pub.group(1).strip();
      d.publication = LocalDate.of(Integer.parseInt(pub.group(2)), Integer.parseInt(pub.group(3)),
          Integer.parseInt(pub.group(4)));
      if (pub.group(5) != null) d.edition = String.format("%02d版", Integer.parseInt(pub.group(5)));
      return true;
    }
    if (CreditGrammar.PHOTO_CREDIT.matcher(text).matches()) {
      d.credit(Byline.parse(text));
      return true;
    }
    String inner = text.replaceAll("^[（(]|[）)]$", "").strip();
    Matcher x = XINHUA_LEAD.matcher(inner);
    if (x.find() && x.end() >= inner.length() - 1) {
      if (d.source == null) d.source = "新华社";
      if (d.place == null && !x.group(2).isEmpty()) d.place = x.group(2);
      if (d.dateline == null && x.group(3) != null) d.dateline = monthDay(x.group(3), x.group(4));
      return true;
    }
    if (CreditGrammar.isCredit(inner)) {
      d.credit(Byline.parse(inner));
      return true;
    }
    return false;
  }

  /** Cuts the dateline and byline from a lead, recording them: "据新华社北京3月27日电 （记者 侯雪静）记者27日…". */
  private static String cutLead(Open d, String text) {
    String s = text;
    if (s.startsWith("●")) s = s.substring(1).strip();
    Matcher x = XINHUA_LEAD.matcher(s);
    Matcher own = OWN_LEAD.matcher(s);
    if (x.find()) {
      d.source = "新华社";
      if (!x.group(2).isEmpty()) d.place = x.group(2);
      if (x.group(3) != null) d.dateline = monthDay(x.group(3), x.group(4));
      d.credits.add(x.group().strip());
      s = s.substring(x.end());
    } else if (own.find()) {
      d.source = "本报";
      if (own.group(1) != null && !own.group(1).isEmpty()) d.place = own.group(1);
      if (own.group(2) != null) d.dateline = monthDay(own.group(2), own.group(3));
      d.credits.add(own.group().strip());
      s = s.substring(own.end());
    } else {
      return s;
    }
    Matcher p = CreditGrammar.LEADING_BRACKETS.matcher(s);
    Matcher r = REPORTED_BY_LEAD.matcher(s);
    if (p.find() && CreditGrammar.isCredit(p.group(1))) {
      d.credit(Byline.parse(p.group(1)));
      d.credited = !d.reporters.isEmpty();
      d.credits.add(p.group().strip());
      s = s.substring(p.end());
    } else if (r.find()) {
      d.credit(Byline.parse(r.group(1)));
      d.credited = !d.reporters.isEmpty();
      d.credits.add(r.group().strip());
      s = s.substring(r.end());
    }
    return s.strip();
  }

  /** A dateline's month and day; null for an impossible day ("2月30日"), which dates nothing. */
  private static MonthDay monthDay(String month, String day) {
    try {
      return MonthDay.of(Integer.parseInt(month), Integer.parseInt(day));
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }
}

package dev.newssearch.indexer.eval.dates;

import dev.newssearch.core.schema.ParagraphDoc;
import dev.newssearch.indexer.credit.CreditGrammar;
import dev.newssearch.indexer.eval.devpages.DevArticle;
import dev.newssearch.indexer.eval.devpages.DevPage;
import dev.newssearch.indexer.eval.devpages.DevPage.DateMode;
import dev.newssearch.indexer.eval.devpages.DevSentence;
import dev.newssearch.indexer.pipeline.FileResult;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores the pipeline's paragraph dates against generated pages' truth, per date mode.
 *
 * <p>Each true paragraph is found among the file's output paragraphs by its first sentence (whitespace
 * ignored; see {@link #find}). Where the page gives its date (HEADER,
 * FILE_NAME), a paragraph is right when its date is its story's true date (the page date, or the story's
 * own dateline day); shares are of the paragraphs found (those the index holds), and strictly of all (a paragraph
 * not found counts as wrong), per date mode and overall. Each miss is put down to one {@link Cause}, so a shortfall
 * is laid at the stage that made it. Where the page gives none (NONE), every output paragraph that carries a date
 * is dated to a year the page does not support.
 */
public final class DatesEvaluation {
  /** Why a true paragraph of a dated page did not get its story's true date (see {@link #add}). */
  public enum Cause {
    NOT_FOUND("not found", "reflow or segmentation lost the paragraph's start (it went to a title, or was cut)"),
    SEGMENTATION("segmentation", "its output story mixes true stories or splits one, so it has another story's date"),
    CORPUS_DATELINE("corpus dateline", "a corpus sentence of its story prints a dateline or 本报讯 of its own that the truth ignores"),
    DATE("date", "its story came out whole and still got a wrong date");

    final String label;
    final String meaning;

    Cause(String label, String meaning) {
      this.label = label;
      this.meaning = meaning;
    }
  }

  /** Figures of one date mode. */
  public static final class Score {
    int pages;
    int paragraphs;
    int found;
    int rightYear;
    int rightDay;
    /** Found paragraphs of stories that came out whole (one output story of their own, no corpus dateline). */
    int whole;
    int wholeRightDay;
    int outputParagraphs;
    int outputDated;
    int headerLeaks;
    final Map<String, Integer> evidence = new TreeMap<>();
    /** True paragraphs without their story's true date, by cause. */
    final Map<Cause, Integer> misses = new EnumMap<>(Cause.class);
    /** Found paragraphs by what their story went through (DATE: it came out whole), right or wrong. */
    final Map<Cause, Integer> foundBy = new EnumMap<>(Cause.class);

    /** Of the true paragraphs found among the output (the dates the index will hold). */
    public double rightYearShare() {
      return found == 0 ? 1 : (double) rightYear / found;
    }

    public double rightDayShare() {
      return found == 0 ? 1 : (double) rightDay / found;
    }

    /** Strict: of ALL true paragraphs, a paragraph not found counting as wrong. */
    public double strictYearShare() {
      return paragraphs == 0 ? 1 : (double) rightYear / paragraphs;
    }

    public double strictDayShare() {
      return paragraphs == 0 ? 1 : (double) rightDay / paragraphs;
    }

    /** Of the paragraphs of stories that came out whole: what the date stages alone decide. */
    public double wholeDayShare() {
      return whole == 0 ? 1 : (double) wholeRightDay / whole;
    }

    public int misses(Cause cause) {
      return misses.getOrDefault(cause, 0);
    }

    void addAll(Score o) {
      pages += o.pages;
      paragraphs += o.paragraphs;
      found += o.found;
      rightYear += o.rightYear;
      rightDay += o.rightDay;
      whole += o.whole;
      wholeRightDay += o.wholeRightDay;
      outputParagraphs += o.outputParagraphs;
      outputDated += o.outputDated;
      headerLeaks += o.headerLeaks;
      o.evidence.forEach((k, v) -> evidence.merge(k, v, Integer::sum));
      o.misses.forEach((k, v) -> misses.merge(k, v, Integer::sum));
      o.foundBy.forEach((k, v) -> foundBy.merge(k, v, Integer::sum));
    }
  }

  private final Map<DateMode, Score> scores = new EnumMap<>(DateMode.class);
  private final Map<String, Integer> wrong = new TreeMap<>();
  private final List<String> samples = new ArrayList<>();
  private int samePageName;

  public static DatesEvaluation score(List<DevPage> pages, List<FileResult> results) {
    DatesEvaluation e = new DatesEvaluation();
    Map<String, FileResult> byFile = new TreeMap<>();
    for (FileResult r : results) byFile.put(r.file(), r);
    Map<String, Integer> names = new TreeMap<>();
    for (DevPage page : pages) names.merge(page.fileName(), 1, Integer::sum);
    for (DevPage page : pages) {
      // two pages of one day and page number get one file name: only the last one written is on disk
      if (names.get(page.fileName()) > 1) e.samePageName++;
      else e.add(page, byFile.get(page.fileName()));
    }
    return e;
  }

  private void add(DevPage page, FileResult result) {
    Score s = scores.computeIfAbsent(page.dateMode(), m -> new Score());
    s.pages++;
    List<ParagraphDoc> docs = result == null ? List.of() : result.docs();
    List<String> texts = docs.stream().map(d -> compact(d.text())).toList();
    for (ParagraphDoc d : docs) {
      s.outputParagraphs++;
      if (d.date() != null) s.outputDated++;
      s.evidence.merge(d.dateEvidence(), 1, Integer::sum);
      for (String f : page.furniture()) {
        String cf = compact(f);
        if (cf.length() >= 4 && (compact(d.text()).contains(cf) || d.title() != null && compact(d.title()).contains(cf))
            && f.matches(".*(\\d{4}年|版).*")) {
          s.headerLeaks++;
        }
      }
    }
    if (!page.dated()) return;
    // first pass: where each true paragraph came out, and which true stories each output story holds
    List<DevArticle> articles = page.articles();
    List<List<ParagraphDoc>> found = new ArrayList<>();
    Map<String, java.util.Set<Integer>> storiesOf = new TreeMap<>();
    Map<Integer, java.util.Set<String>> outputsOf = new TreeMap<>();
    for (int i = 0; i < articles.size(); i++) {
      List<ParagraphDoc> got = new ArrayList<>();
      for (List<DevSentence> para : articles.get(i).paragraphs()) {
        ParagraphDoc doc = find(compact(para.get(0).text()), docs, texts);
        got.add(doc);
        if (doc == null) continue;
        storiesOf.computeIfAbsent(doc.articleId(), k -> new java.util.TreeSet<>()).add(i);
        outputsOf.computeIfAbsent(i, k -> new java.util.TreeSet<>()).add(doc.articleId());
      }
      found.add(got);
    }
    for (int i = 0; i < articles.size(); i++) {
      DevArticle a = articles.get(i);
      boolean opensAnother = printsDateline(a.title()) || printsDateline(a.kicker()) || printsDateline(a.subtitle());
      for (List<DevSentence> para : a.paragraphs()) {
        for (DevSentence sentence : para) opensAnother |= printsDateline(sentence.text());
      }
      for (int p = 0; p < a.paragraphs().size(); p++) {
        List<DevSentence> para = a.paragraphs().get(p);
        s.paragraphs++;
        ParagraphDoc doc = found.get(i).get(p);
        if (doc == null) {
          s.misses.merge(Cause.NOT_FOUND, 1, Integer::sum);
          wrong.merge(page.dateMode() + " paragraph not found", 1, Integer::sum);
          samples.add(sample(page, a, para, null, Cause.NOT_FOUND));
          continue;
        }
        s.found++;
        // a corpus sentence of the story (or its headlines) prints a dateline or 本报讯 of its own (新华社北京6月7日电…)
        // that the truth does not know of, so the page itself says another date or story; else the output story
        // mixes true stories or splits one; else only the date stages decide
        Cause cause = opensAnother ? Cause.CORPUS_DATELINE
            : storiesOf.get(doc.articleId()).size() > 1 || outputsOf.get(i).size() > 1 ? Cause.SEGMENTATION : Cause.DATE;
        LocalDate got = doc.date() == null ? null : LocalDate.parse(doc.date());
        if (got != null && got.getYear() == a.date().getYear()) s.rightYear++;
        if (cause == Cause.DATE) s.whole++;
        s.foundBy.merge(cause, 1, Integer::sum);
        if (a.date().equals(got)) {
          s.rightDay++;
          if (cause == Cause.DATE) s.wholeRightDay++;
          continue;
        }
        s.misses.merge(cause, 1, Integer::sum);
        wrong.merge(page.dateMode() + " " + doc.dateEvidence() + (got == null ? " undated"
            : got.getYear() != a.date().getYear() ? " wrong year" : " wrong day"), 1, Integer::sum);
        samples.add(sample(page, a, para, doc, cause));
      }
    }
  }

  /**
   * The output paragraph where the sentence starts: the first 8-character window of the sentence (tried at
   * offsets 0, 4, 8, …, as reflow may have damaged its start) found in the file's paragraphs joined in order,
   * so a sentence that a long paragraph's split cut in two is still found.
   */
  private static ParagraphDoc find(String sentence, List<ParagraphDoc> docs, List<String> texts) {
    StringBuilder all = new StringBuilder();
    int[] starts = new int[texts.size()];
    for (int i = 0; i < texts.size(); i++) {
      starts[i] = all.length();
      all.append(texts.get(i));
    }
    for (int off = 0; off + 8 <= sentence.length(); off += 4) {
      int at = all.indexOf(sentence.substring(off, off + 8));
      if (at < 0) continue;
      int doc = 0;
      while (doc + 1 < starts.length && starts[doc + 1] <= at) doc++;
      return docs.get(doc);
    }
    return null;
  }

  /** One miss as the file, the truth (story date, dateline), what came out (date, evidence, the story's title and lead). */
  private static String sample(DevPage page, DevArticle a, List<DevSentence> para, ParagraphDoc doc, Cause why) {
    String cause = why.label;
    String start = clip(para.get(0).text(), 24);
    String where = page.dateMode() + " " + page.layout() + " " + page.fileName() + (a.titleAfter() ? " (headline after)" : "");
    if (doc == null) return String.format("[%s] %s true %s dateline %s: %s", cause, where, a.date(), a.dateline(), start);
    return String.format("[%s] %s true %s dateline %s | got %s (%s) in \"%s\" paragraph %d: %s", cause, where, a.date(), a.dateline(), doc.date(), doc.dateEvidence(), clip(doc.title() == null ? "" : doc.title(), 16),
        doc.paragraph(), start);
  }

  /** The generator's corpus sentences are real 1998 news: some print a dateline or 本报讯 of their own. */
  private static boolean printsDateline(String text) {
    return text != null && (CreditGrammar.XINHUA_DATELINE.matcher(text).find() || CreditGrammar.OWN_DATELINE.matcher(text).find());
  }

  private static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n) + "…";
  }

  /** The misses, one line each (see {@link #sample}). */
  public List<String> samples() {
    return samples;
  }

  private static String compact(String s) {
    return s.replaceAll("[\\s\u3000]", "");
  }

  public Map<DateMode, Score> scores() {
    return scores;
  }

  /** The pages that give their date (header and file name) together. */
  public Score dated() {
    Score all = new Score();
    for (var e : scores.entrySet()) if (e.getKey() != DateMode.NONE) all.addAll(e.getValue());
    return all;
  }

  /** Paragraphs dated on pages that give no date (target 0). */
  public int datedWithoutEvidence() {
    Score none = scores.get(DateMode.NONE);
    return none == null ? 0 : none.outputDated;
  }

  /** Where the page gives its date: ≥ 98 % right year and right day of the paragraphs found; where it gives none: nothing dated. */
  public boolean targetsMet() {
    for (var e : scores.entrySet()) {
      Score s = e.getValue();
      if (e.getKey() == DateMode.NONE ? s.outputDated > 0 : s.rightYearShare() < TARGET || s.rightDayShare() < TARGET) {
        return false;
      }
    }
    return true;
  }

  /** The strict reading: ≥ 98 % right year and right day of ALL true paragraphs, per date mode and overall. */
  public boolean strictMet() {
    for (var e : scores.entrySet()) {
      Score s = e.getValue();
      if (e.getKey() != DateMode.NONE && (s.strictYearShare() < TARGET || s.strictDayShare() < TARGET)) return false;
    }
    Score all = dated();
    return all.strictYearShare() >= TARGET && all.strictDayShare() >= TARGET;
  }

  static final double TARGET = 0.98;

  public void print(PrintStream out) {
    out.printf("%-10s %6s %10s %6s %14s %14s %8s %8s %8s  %s%n", "date mode", "pages", "paragraphs", "found",
        "right year", "right day", "output", "dated", "leaks", "evidence (output paragraphs)");
    out.println("(right year/day here: of the true paragraphs found in the output; STRICT below: of all)");
    for (var e : scores.entrySet()) {
      Score s = e.getValue();
      boolean dated = e.getKey() != DateMode.NONE;
      out.printf("%-10s %6d %10s %6s %14s %14s %8d %8d %8d  %s%n", e.getKey(), s.pages,
          dated ? String.valueOf(s.paragraphs) : "-", dated ? String.valueOf(s.found) : "-",
          dated ? String.format("%d (%.1f%%)", s.rightYear, 100 * s.rightYearShare()) : "-",
          dated ? String.format("%d (%.1f%%)", s.rightDay, 100 * s.rightDayShare()) : "-",
          s.outputParagraphs, s.outputDated, s.headerLeaks, s.evidence);
    }
    out.println("STRICT, of ALL true paragraphs of pages that give their date (a paragraph not found counts as wrong):");
    for (var e : scores.entrySet()) {
      if (e.getKey() != DateMode.NONE) strict(out, e.getKey().name(), e.getValue());
    }
    Score all = dated();
    strict(out, "overall", all);
    out.println("true paragraphs without their story's true date, by cause (all dated pages):");
    for (Cause c : Cause.values()) {
      out.printf("  %-16s %5d%s  %s%n", c.label, all.misses(c),
          c == Cause.NOT_FOUND ? "" : " of " + all.foundBy.getOrDefault(c, 0), c.meaning);
    }
    out.printf("stories that came out whole (one output story each, no corpus dateline): right day %.2f%% (%d of %d paragraphs)%n",
        100 * all.wholeDayShare(), all.wholeRightDay, all.whole);
    if (samePageName > 0) out.printf("%d pages left out: another page of the same day and number has the same file name%n", samePageName);
    out.println("right year/day: paragraphs of pages that give their date whose date is their story's true date;");
    out.println("dated on NONE pages: output paragraphs dated although the page supports no year (target 0);");
    out.println("leaks: output paragraphs or titles that contain a dated header or page-number line (target 0).");
    if (!wrong.isEmpty()) out.println("misses by evidence: " + wrong);
    out.printf("targets (of the paragraphs found, >= %.0f%%; NONE pages 0 dated): %s%n", 100 * TARGET, targetsMet() ? "met" : "NOT met");
    out.printf("strict (of ALL paragraphs, >= %.0f%% per mode and overall): %s%n", 100 * TARGET, strictMet() ? "met" : "NOT met");
  }

  private static void strict(PrintStream out, String name, Score s) {
    out.printf("  %-10s right year %5.1f%% (%d of %d)   right day %5.1f%% (%d of %d)%n", name, 100 * s.strictYearShare(),
        s.rightYear, s.paragraphs, 100 * s.strictDayShare(), s.rightDay, s.paragraphs);
  }
}

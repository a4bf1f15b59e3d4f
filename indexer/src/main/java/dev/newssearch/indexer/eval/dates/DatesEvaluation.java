package dev.newssearch.indexer.eval.dates;

import dev.newssearch.core.schema.ParagraphDoc;
import dev.newssearch.indexer.eval.devpages.DevArticle;
import dev.newssearch.indexer.eval.devpages.DevPage;
import dev.newssearch.indexer.eval.devpages.DevPage.DateMode;
import dev.newssearch.indexer.eval.devpages.DevSentence;
import dev.newssearch.indexer.pipeline.FileResult;
import java.io.PrintStream;
import java.time.LocalDate;
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
 * own dateline day); shares are of the paragraphs found (those the index holds), and of all. Where the page gives none (NONE),
 * every output paragraph that carries a date is dated to a year the page does not support.
 */
public final class DatesEvaluation {
  /** Figures of one date mode. */
  public static final class Score {
    int pages;
    int paragraphs;
    int found;
    int rightYear;
    int rightDay;
    int outputParagraphs;
    int outputDated;
    int headerLeaks;
    final Map<String, Integer> evidence = new TreeMap<>();

    /** Of the true paragraphs found among the output (the dates the index will hold). */
    public double rightYearShare() {
      return found == 0 ? 1 : (double) rightYear / found;
    }

    public double rightDayShare() {
      return found == 0 ? 1 : (double) rightDay / found;
    }
  }

  private final Map<DateMode, Score> scores = new EnumMap<>(DateMode.class);
  private final Map<String, Integer> wrong = new TreeMap<>();
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
    for (DevArticle a : page.articles()) {
      for (List<DevSentence> para : a.paragraphs()) {
        s.paragraphs++;
        ParagraphDoc doc = find(compact(para.get(0).text()), docs, texts);
        if (doc == null) {
          wrong.merge(page.dateMode() + " paragraph not found", 1, Integer::sum);
          continue;
        }
        s.found++;
        LocalDate got = doc.date() == null ? null : LocalDate.parse(doc.date());
        if (got != null && got.getYear() == a.date().getYear()) s.rightYear++;
        if (a.date().equals(got)) {
          s.rightDay++;
        } else {
          wrong.merge(page.dateMode() + " " + doc.dateEvidence() + (got == null ? " undated"
              : got.getYear() != a.date().getYear() ? " wrong year" : " wrong day"), 1, Integer::sum);
        }
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

  private static String compact(String s) {
    return s.replaceAll("[\\s\u3000]", "");
  }

  public Map<DateMode, Score> scores() {
    return scores;
  }

  /** Where the page gives its date: ≥ 98 % right year and right day; where it gives none: nothing dated. */
  public boolean targetsMet() {
    for (var e : scores.entrySet()) {
      Score s = e.getValue();
      if (e.getKey() == DateMode.NONE ? s.outputDated > 0 : s.rightYearShare() < 0.98 || s.rightDayShare() < 0.98) {
        return false;
      }
    }
    return true;
  }

  public void print(PrintStream out) {
    out.printf("%-10s %6s %10s %6s %14s %14s %8s %8s %8s  %s%n", "date mode", "pages", "paragraphs", "found",
        "right year", "right day", "output", "dated", "leaks", "evidence (output paragraphs)");
    out.println("(right year/day: of the true paragraphs found in the output; of all true paragraphs below)");
    for (var e : scores.entrySet()) {
      Score s = e.getValue();
      boolean dated = e.getKey() != DateMode.NONE;
      out.printf("%-10s %6d %10s %6s %14s %14s %8d %8d %8d  %s%n", e.getKey(), s.pages,
          dated ? String.valueOf(s.paragraphs) : "-", dated ? String.valueOf(s.found) : "-",
          dated ? String.format("%d (%.1f%%)", s.rightYear, 100 * s.rightYearShare()) : "-",
          dated ? String.format("%d (%.1f%%)", s.rightDay, 100 * s.rightDayShare()) : "-",
          s.outputParagraphs, s.outputDated, s.headerLeaks, s.evidence);
    }
    for (var e : scores.entrySet()) {
      Score s = e.getValue();
      if (e.getKey() == DateMode.NONE || s.paragraphs == 0) continue;
      out.printf("%-10s of all %d true paragraphs: right year %.1f%%, right day %.1f%% (%d not found: reflow or "
              + "segmentation lost their start)%n", e.getKey(), s.paragraphs, 100.0 * s.rightYear / s.paragraphs,
          100.0 * s.rightDay / s.paragraphs, s.paragraphs - s.found);
    }
    if (samePageName > 0) out.printf("%d pages left out: another page of the same day and number has the same file name%n", samePageName);
    out.println("right year/day: paragraphs of pages that give their date whose date is their story's true date;");
    out.println("dated on NONE pages: output paragraphs dated although the page supports no year (target 0);");
    out.println("leaks: output paragraphs or titles that contain a dated header or page-number line (target 0).");
    if (!wrong.isEmpty()) out.println("misses by kind: " + wrong);
  }
}

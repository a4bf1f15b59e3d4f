package dev.newssearch.indexer.inspect;

import dev.newssearch.core.schema.ParagraphDoc;
import dev.newssearch.indexer.normalize.Text;
import dev.newssearch.indexer.pipeline.FileResult;
import dev.newssearch.indexer.segment.Article;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Quality figures of a pipeline run, per file: what a reader would notice first. A paragraph that does
 * not end in sentence-final punctuation is usually a sentence broken by the reflow or a headline taken
 * for body text; letter-spaced or doubled runs left mean the line repair missed a case.
 */
public final class QualityReport {
  /** Three or more CJK characters each followed by a single space: "凝 心 聚 力". */
  private static final Pattern LETTER_SPACED = Pattern.compile("(?:\\p{IsHan} ){3,}\\p{IsHan}");

  public record FileStats(String file, String error, int articles, int paragraphs, int unterminated,
      int letterSpaced, int doubled, int noDate, int noTitle, double cpuMillis, List<String> unterminatedSamples) {}

  public record Totals(int files, int failed, int articles, int paragraphs, int unterminated, int letterSpaced,
      int doubled, int noDate, int noTitle, double cpuMillis) {}

  private QualityReport() {}

  public static FileStats of(FileResult r) {
    if (!r.ok()) {
      return new FileStats(r.file(), r.error().get(), 0, 0, 0, 0, 0, 0, 0, r.cpuNanos() / 1e6, List.of());
    }
    int unterminated = 0;
    int spaced = 0;
    int doubled = 0;
    List<String> samples = new ArrayList<>();
    for (ParagraphDoc d : r.docs()) {
      String t = d.text();
      if (!Text.endsSentence(t)) {
        unterminated++;
        samples.add(t.length() > 40 ? "…" + t.substring(t.length() - 40) : t);
      }
      if (LETTER_SPACED.matcher(t).find()) spaced++;
      if (hasDoubledRun(t)) doubled++;
    }
    int noDate = 0;
    int noTitle = 0;
    for (Article a : r.articles()) {
      if (a.date() == null) noDate++;
      if (a.title() == null) noTitle++;
    }
    return new FileStats(r.file(), null, r.articles().size(), r.docs().size(), unterminated, spaced, doubled,
        noDate, noTitle, r.cpuNanos() / 1e6, samples);
  }

  /** A chunk of 2-6 characters printed twice in a row, twice in a row ("转转移就业移就业"), is shadow type. */
  static boolean hasDoubledRun(String t) {
    int runs = 0;
    int i = 0;
    while (i < t.length()) {
      int k = 0;
      for (int len = 2; len <= 6 && i + 2 * len <= t.length(); len++) {
        if (t.regionMatches(i, t, i + len, len) && Text.isHan(t.charAt(i))) {
          k = len;
          break;
        }
      }
      if (k > 0) {
        runs++;
        i += 2 * k;
        if (runs >= 2) return true;
      } else {
        runs = 0;
        i++;
      }
    }
    return false;
  }

  public static Totals totals(List<FileStats> stats) {
    int failed = 0, a = 0, p = 0, u = 0, s = 0, d = 0, nd = 0, nt = 0;
    double cpu = 0;
    for (FileStats f : stats) {
      if (f.error() != null) failed++;
      a += f.articles();
      p += f.paragraphs();
      u += f.unterminated();
      s += f.letterSpaced();
      d += f.doubled();
      nd += f.noDate();
      nt += f.noTitle();
      cpu += f.cpuMillis();
    }
    return new Totals(stats.size(), failed, a, p, u, s, d, nd, nt, cpu);
  }
}

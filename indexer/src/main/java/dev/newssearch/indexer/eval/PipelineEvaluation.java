package dev.newssearch.indexer.eval;

import dev.newssearch.core.schema.ParagraphDoc;
import dev.newssearch.indexer.credit.CreditGrammar;
import dev.newssearch.indexer.eval.devpages.DevArticle;
import dev.newssearch.indexer.eval.devpages.DevPage;
import dev.newssearch.indexer.eval.devpages.DevPages;
import dev.newssearch.indexer.eval.devpages.DevSentence;
import dev.newssearch.indexer.pipeline.FileResult;
import dev.newssearch.indexer.pipeline.Pipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How well the text pipeline rebuilds generated pages whose truth is known (pages laid out from the dev
 * corpus by {@link dev.newssearch.indexer.eval.devpages.PageGenerator}), per layout and overall:
 * <ul>
 *   <li>sentences whole: a truth sentence appears whole inside one paragraph (not cut by a wrong paragraph end,
 *       not lost);</li>
 *   <li>unaccounted: Han characters of the page in no paragraph, headline field, credit or reported drop
 *       (or in more places than printed);</li>
 *   <li>clean documents: a paragraph document made of whole truth sentences only (no glued headline, furniture,
 *       byline or half of another sentence).</li>
 * </ul>
 * Text is compared after NFKC and without whitespace, as the pipeline itself folds full-width digits.
 */
public final class PipelineEvaluation {
  /** Counts of one group of pages. */
  public record Score(String group, int pages, int sentences, int whole, long hanChars, long unaccounted, int docs,
      int clean, List<String> brokenSamples, List<String> dirtySamples) {
    public double wholeRatio() {
      return sentences == 0 ? 1 : (double) whole / sentences;
    }

    public double cleanRatio() {
      return docs == 0 ? 1 : (double) clean / docs;
    }
  }

  private static final int SAMPLES = 12;

  private PipelineEvaluation() {}

  /** Runs the pipeline over the pages (written to {@code dir}) and scores them by layout, then overall. */
  public static List<Score> evaluate(Pipeline pipeline, List<DevPage> pages, Path dir) {
    DevPages.write(pages, dir);
    Map<String, List<int[]>> unused = new LinkedHashMap<>();
    int limit = pipeline.options().maxParagraphChars();
    Map<String, Acc> byLayout = new LinkedHashMap<>();
    Acc all = new Acc("overall", limit);
    for (DevPage page : pages) {
      FileResult r = pipeline.process(dir.resolve(page.fileName()));
      Acc acc = byLayout.computeIfAbsent(page.layout().name(), name -> new Acc(name, limit));
      for (Acc a : List.of(acc, all)) a.add(page, r);
    }
    List<Score> out = new ArrayList<>();
    for (Acc a : byLayout.values()) out.add(a.score());
    out.add(all.score());
    return out;
  }

  /** The credit grammar's datelines and 记者…报道, after a bullet or bracketed credit, on normalised (NFKC) text. */
  private static final java.util.regex.Pattern LEAD_CREDIT = java.util.regex.Pattern.compile(
      "^(?:●|" + CreditGrammar.XINHUA_DATELINE.pattern() + "|" + CreditGrammar.OWN_DATELINE.pattern() + ")"
          + "(?:\\([^()]{1,40}\\)|" + CreditGrammar.REPORTED_BY.pattern() + ")?");

  static String withoutLeadCredit(String s) {
    java.util.regex.Matcher m = LEAD_CREDIT.matcher(s);
    return m.find() && m.end() < s.length() ? s.substring(m.end()) : s;
  }

  /** NFKC, no whitespace: the form both sides are compared in. */
  static String norm(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", "");
  }

  private static final class Acc {
    final String group;
    int pages;
    int sentences;
    int whole;
    long han;
    long unaccounted;
    int docs;
    int clean;
    final List<String> broken = new ArrayList<>();
    final List<String> dirty = new ArrayList<>();

    /** The pipeline's longest paragraph document: a truth sentence longer than that cannot be whole in one. */
    final int limit;

    Acc(String group, int limit) {
      this.group = group;
      this.limit = limit;
    }

    void add(DevPage page, FileResult r) {
      pages++;
      han += r.conservation().input();
      unaccounted += r.conservation().unaccounted();
      List<String> paragraphs = r.articles().stream().flatMap(a -> a.paragraphs().stream()).map(PipelineEvaluation::norm)
          .toList();
      List<String> truth = new ArrayList<>();
      for (DevArticle a : page.articles()) for (DevSentence s : a.sentences()) truth.add(norm(s.text()));
      for (String s : truth) {
        sentences++;
        // a corpus sentence may itself open with a dateline or byline, which the pipeline rightly cuts
        String body = withoutLeadCredit(s);
        // web text may print a paragraph without its final full stop: the sentence is still whole
        String open = body.endsWith("。") ? body.substring(0, body.length() - 1) : body;
        if (paragraphs.stream().anyMatch(p -> p.contains(body) || p.endsWith(open))) {
          whole++;
        } else if (broken.size() < SAMPLES) {
          broken.add(page.fileName() + ": " + s);
        }
      }
      Tiler tiler = new Tiler(truth, limit);
      for (ParagraphDoc d : r.docs()) {
        docs++;
        String t = norm(d.text());
        if (tiler.tiles(t) || tiler.tiles(t + "。")) {
          clean++;
        } else if (dirty.size() < SAMPLES) {
          dirty.add(page.fileName() + ": " + d.text());
        }
      }
    }

    Score score() {
      return new Score(group, pages, sentences, whole, han, unaccounted, docs, clean, broken, dirty);
    }
  }

  /** Whether a text is exactly a sequence of whole truth sentences. */
  static final class Tiler {
    private static final int KEY = 4;
    private final Map<String, List<String>> byPrefix = new HashMap<>();

    /** Truth sentences longer than a paragraph document may be: the chunker must cut them somewhere. */
    private final List<String> oversize = new ArrayList<>();

    Tiler(List<String> sentences) {
      this(sentences, Integer.MAX_VALUE);
    }

    /**
     * A document may also start with the end of a sentence longer than {@code limit}, end with its start, or
     * lie inside it: the cut such a sentence needs is no glue (a table of cities and temperatures printed as
     * one run of text). Shorter sentences must be whole.
     */
    Tiler(List<String> sentences, int limit) {
      for (String s : sentences) {
        if (s.length() > limit) oversize.add(s);
        add(s);
        // as for whole sentences: a corpus sentence opening with its own dateline is printed as a lead, whose
        // credit the pipeline rightly cuts; the rest of it is still a whole sentence of the paragraph
        String body = withoutLeadCredit(s);
        if (!body.equals(s)) add(body);
      }
    }

    private void add(String s) {
      if (s.isEmpty()) return;
      byPrefix.computeIfAbsent(s.substring(0, Math.min(KEY, s.length())), k -> new ArrayList<>()).add(s);
    }

    /** An item number opening a paragraph is printed text of the item, not something glued on. */
    private static final java.util.regex.Pattern ITEM =
        java.util.regex.Pattern.compile("^(?:[一二三四五六七八九十]{1,3}、|\\([一二三四五六七八九十]{1,3}\\)|\\d{1,2}[.、])");

    boolean tiles(String text) {
      if (text.isEmpty()) return false;
      boolean[] reach = new boolean[text.length() + 1];
      reach[0] = true;
      java.util.regex.Matcher item = ITEM.matcher(text);
      if (item.find()) reach[item.end()] = true;
      for (String s : oversize) {
        if (s.contains(text)) return true;
        for (int j = 1; j < s.length(); j++) {
          if (text.regionMatches(0, s, j, s.length() - j)) reach[s.length() - j] = true;
        }
      }
      for (int p = 0; p < text.length(); p++) {
        if (!reach[p]) continue;
        for (String s : oversize) {
          if (p > 0 && s.startsWith(text.substring(p))) return true;
        }
        for (int k = 1; k <= KEY && p + k <= text.length(); k++) {
          List<String> cands = byPrefix.get(text.substring(p, p + k));
          if (cands == null) continue;
          for (String s : cands) if (text.startsWith(s, p)) reach[p + s.length()] = true;
        }
      }
      return reach[text.length()];
    }
  }

  /** A fresh folder for the pages under the system temp dir. */
  public static Path tempDir() {
    try {
      return Files.createTempDirectory("devpages-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

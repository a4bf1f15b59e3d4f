package dev.newssearch.indexer.eval;

import dev.newssearch.indexer.eval.devpages.DevPage;
import dev.newssearch.indexer.eval.devpages.DevPageOptions;
import dev.newssearch.indexer.eval.devpages.DevPages;
import dev.newssearch.indexer.inspect.ExpectedComparison;
import dev.newssearch.indexer.pipeline.FileResult;
import dev.newssearch.indexer.pipeline.Pipeline;
import dev.newssearch.indexer.pipeline.PipelineOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code evaluate-pipeline}: the text pipeline on generated dev pages (per layout and overall: sentences whole
 * in one paragraph, characters unaccounted for, clean paragraph documents) and on the seeds' hand-checked
 * segmentations. Exit code 0 when every target is met, 1 otherwise, 2 when the dev corpus is absent.
 */
@Command(name = "evaluate-pipeline", mixinStandardHelpOptions = true,
    description = "Score the text pipeline on generated dev pages and on the seeds' hand-checked segmentations.")
public final class EvaluatePipelineCommand implements Callable<Integer> {
  @Mixin DevPageOptions devPages = new DevPageOptions(60, 1);

  @Option(names = "--out", paramLabel = "<dir>", description = "Keep the generated pages here (default: a temp folder).")
  Path out;

  @Option(names = "--seeds", defaultValue = "seeds", description = "Seed folder (default ${DEFAULT-VALUE}).")
  Path seeds;

  @Option(names = "--expected", defaultValue = "indexer/src/test/resources/pipeline/expected",
      description = "Hand-checked segmentations of the seeds (default ${DEFAULT-VALUE}).")
  Path expected;

  @Option(names = "--samples", description = "Print a few broken sentences and unclean documents per layout.")
  boolean samples;

  @Option(names = "--min-whole", defaultValue = "0.995", description = "Target share of whole sentences.")
  double minWhole;

  @Option(names = "--min-clean", defaultValue = "0.97", description = "Target share of clean documents.")
  double minClean;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    if (devPages.corpusAbsent()) {
      return 2;
    }
    // dev pages are printed in 1998, so undated stories take that year
    Pipeline dev = Pipeline.create(new PipelineOptions(1998, PipelineOptions.DEFAULTS.maxParagraphChars()));
    List<DevPage> generated = DevPages.generate(devPages.generator());
    Path dir = out != null ? out : PipelineEvaluation.tempDir();
    List<PipelineEvaluation.Score> scores = PipelineEvaluation.evaluate(dev, generated, dir);
    boolean met = true;
    String fmt = "%-20s %6s %10s %8s %10s %12s %8s %8s%n";
    o.printf("dev pages (seed %d, %d pages, in %s)%n", devPages.seed(), devPages.pages(), dir);
    o.printf(fmt, "layout", "pages", "sentences", "whole", "han chars", "unaccounted", "docs", "clean");
    for (PipelineEvaluation.Score s : scores) {
      o.printf(fmt, s.group(), s.pages(), s.sentences(), String.format("%.4f", s.wholeRatio()), s.hanChars(),
          s.unaccounted(), s.docs(), String.format("%.4f", s.cleanRatio()));
      met &= s.wholeRatio() >= minWhole && s.unaccounted() == 0 && s.cleanRatio() >= minClean;
      if (samples) {
        for (String b : s.brokenSamples()) o.println("    broken: " + b);
        for (String d : s.dirtySamples()) o.println("    unclean: " + d);
      }
    }
    if (Files.isDirectory(seeds) && Files.isDirectory(expected)) {
      List<FileResult> results = Pipeline.create(PipelineOptions.DEFAULTS).processFolder(seeds);
      ExpectedComparison.Summary sum = ExpectedComparison.compare(expected, results);
      long unaccounted = results.stream().mapToLong(r -> r.conservation().unaccounted()).sum();
      o.printf("seeds: hand-checked segmentations %d/%d checks passed, %d Han characters unaccounted%n", sum.passed(),
          sum.total(), unaccounted);
      for (String line : sum.lines()) o.println("    " + line);
      met &= sum.passed() == sum.total() && unaccounted == 0;
    }
    o.println(met ? "targets met" : "targets NOT met (whole >= " + minWhole + ", unaccounted = 0, clean >= " + minClean
        + ", every hand-checked expectation)");
    o.flush();
    return met ? 0 : 1;
  }
}

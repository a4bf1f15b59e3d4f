package dev.newssearch.indexer.cli;

import dev.newssearch.indexer.inspect.ExpectedComparison;
import dev.newssearch.indexer.inspect.QualityReport;
import dev.newssearch.indexer.pipeline.FileResult;
import dev.newssearch.indexer.pipeline.Pipeline;
import dev.newssearch.indexer.pipeline.PipelineArgs;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code report <folder> [--expected <dir>] [--samples]}: quality figures of the pipeline over a folder. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Quality report: articles, paragraphs, broken sentences, repairs left, missing dates/titles, CPU per file.")
public final class ReportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "<folder|file>") Path input;

  @Option(names = "--expected", paramLabel = "<dir>",
      description = "Compare with hand-checked segmentations (<file name>.json) in this folder.")
  Path expected;

  @Option(names = "--samples", description = "List the paragraphs that do not end a sentence.")
  boolean samples;

  @Mixin PipelineArgs pipelineArgs;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!Files.exists(input) || expected != null && !Files.isDirectory(expected)) {
      spec.commandLine().getErr().println("no such file or folder: " + (Files.exists(input) ? expected : input));
      return IndexerCli.USAGE;
    }
    Pipeline pipeline = Pipeline.create(pipelineArgs.options());
    List<FileResult> results = PipelineArgs.run(pipeline, input);
    PrintWriter out = spec.commandLine().getOut();
    List<QualityReport.FileStats> stats = new ArrayList<>();
    String fmt = "%-28s %8s %10s %10s %8s %8s %8s %8s %9s%n";
    out.printf(fmt, "file", "articles", "paragraphs", "unfinished", "spaced", "doubled", "no-date", "no-title", "cpu-ms");
    for (FileResult r : results) {
      QualityReport.FileStats s = QualityReport.of(r);
      stats.add(s);
      if (s.error() != null) {
        out.printf("%-28s FAILED: %s%n", s.file(), s.error());
        continue;
      }
      out.printf(fmt, s.file(), s.articles(), s.paragraphs(), s.unterminated(), s.letterSpaced(), s.doubled(),
          s.noDate(), s.noTitle(), String.format("%.1f", s.cpuMillis()));
      if (samples) for (String x : s.unterminatedSamples()) out.println("    unfinished: " + x);
    }
    QualityReport.Totals t = QualityReport.totals(stats);
    out.printf(fmt, "TOTAL (" + t.files() + " files, " + t.failed() + " failed)", t.articles(), t.paragraphs(),
        t.unterminated(), t.letterSpaced(), t.doubled(), t.noDate(), t.noTitle(), String.format("%.1f", t.cpuMillis()));
    int code = t.failed() > 0 ? IndexerCli.SOME_FILES_FAILED : IndexerCli.OK;
    if (expected != null) {
      ExpectedComparison.Summary sum = ExpectedComparison.compare(expected, results);
      out.println();
      for (String line : sum.lines()) out.println(line);
      out.printf("expected: %d/%d checks passed%n", sum.passed(), sum.total());
    }
    out.flush();
    return code;
  }
}

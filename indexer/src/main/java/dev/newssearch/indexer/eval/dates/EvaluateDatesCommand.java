package dev.newssearch.indexer.eval.dates;

import dev.newssearch.indexer.eval.devpages.DevPage;
import dev.newssearch.indexer.eval.devpages.DevPageOptions;
import dev.newssearch.indexer.eval.devpages.DevPages;
import dev.newssearch.indexer.pipeline.FileResult;
import dev.newssearch.indexer.pipeline.Pipeline;
import dev.newssearch.indexer.pipeline.PipelineOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code evaluate-dates}: generates pages from the development corpus dated in another year (a third with a
 * printed header, a third with the date in the file name, a third with no date anywhere), runs them through
 * the pipeline with no stated year, and prints how many paragraphs got their story's true year and day.
 * Exit code 0 when the targets are met, 1 otherwise, 2 when the corpus is absent.
 */
@Command(name = "evaluate-dates", mixinStandardHelpOptions = true,
    description = "Score paragraph dates on generated pages of another year (header / file name / no date).")
public final class EvaluateDatesCommand implements Callable<Integer> {
  @Mixin DevPageOptions devPages = new DevPageOptions(300, 1);

  @Option(names = "--year", defaultValue = "1998", description = "Year the pages are printed in (default ${DEFAULT-VALUE}).")
  int year;

  @Option(names = "--misses", paramLabel = "N", defaultValue = "0",
      description = "Print the first N missed paragraphs: file, true date and dateline, the date that came out and its story.")
  int misses;

  @Option(names = "--keep", paramLabel = "DIR", description = "Write the pages to DIR and keep them (default: a temporary folder, deleted).")
  Path keep;

  @Override
  public Integer call() throws IOException {
    if (devPages.corpusAbsent()) {
      return 2;
    }
    List<DevPage> generated = DevPages.generate(devPages.generator().withYear(year));
    Path dir = keep != null ? keep : Files.createTempDirectory("evaluate-dates");
    try {
      DevPages.write(generated, dir);
      // no --default-year, no dates file: every year must come from the pages themselves
      List<FileResult> results = Pipeline.create(PipelineOptions.DEFAULTS).processFolder(dir);
      DatesEvaluation e = DatesEvaluation.score(generated, results);
      PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
      out.printf("%d pages of %d (seed %d), %d files processed%n", generated.size(), year, devPages.seed(), results.size());
      e.print(out);
      e.samples().stream().limit(misses).forEach(m -> out.println("  miss: " + m));
      return e.targetsMet() ? 0 : 1;
    } finally {
      if (keep == null) {
        try (Stream<Path> files = Files.walk(dir)) {
          for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
      }
    }
  }
}

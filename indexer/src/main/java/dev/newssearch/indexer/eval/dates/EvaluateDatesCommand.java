package dev.newssearch.indexer.eval.dates;

import dev.newssearch.indexer.eval.devpages.DevCorpus;
import dev.newssearch.indexer.eval.devpages.DevPage;
import dev.newssearch.indexer.eval.devpages.DevPages;
import dev.newssearch.indexer.eval.devpages.GeneratorOptions;
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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code evaluate-dates}: generates pages from the development corpus dated in another year (a third with a
 * printed header, a third with the date in the file name, a third with no date anywhere), runs them through
 * the pipeline with no stated year, and prints how many paragraphs got their story's true year and day.
 * Exit code 0 when the targets are met, 1 otherwise, 2 when the corpus is absent.
 */
@Command(name = "evaluate-dates", mixinStandardHelpOptions = true,
    description = "Score paragraph dates on generated pages of another year (header / file name / no date).")
public final class EvaluateDatesCommand implements Callable<Integer> {
  @Option(names = "--pages", defaultValue = "300", description = "Pages to generate (default ${DEFAULT-VALUE}).")
  int pages;

  @Option(names = "--seed", defaultValue = "1", description = "Generator seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--year", defaultValue = "1998", description = "Year the pages are printed in (default ${DEFAULT-VALUE}).")
  int year;

  @Option(names = "--keep", paramLabel = "DIR", description = "Write the pages to DIR and keep them (default: a temporary folder, deleted).")
  Path keep;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (DevCorpus.locate().isEmpty()) {
      spec.commandLine().getErr().println(DevCorpus.absentReason());
      return 2;
    }
    List<DevPage> generated = DevPages.generate(GeneratorOptions.defaults(seed, pages).withYear(year));
    Path dir = keep != null ? keep : Files.createTempDirectory("evaluate-dates");
    try {
      DevPages.write(generated, dir);
      // no --default-year, no dates file: every year must come from the pages themselves
      List<FileResult> results = Pipeline.create(PipelineOptions.DEFAULTS).processFolder(dir);
      DatesEvaluation e = DatesEvaluation.score(generated, results);
      PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
      out.printf("%d pages of %d (seed %d), %d files processed%n", generated.size(), year, seed, results.size());
      e.print(out);
      out.println(e.targetsMet() ? "targets met" : "targets NOT met");
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

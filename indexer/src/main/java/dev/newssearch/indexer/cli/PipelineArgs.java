package dev.newssearch.indexer.cli;

import dev.newssearch.indexer.pipeline.FileResult;
import dev.newssearch.indexer.pipeline.Pipeline;
import dev.newssearch.indexer.pipeline.PipelineOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by the commands that run the pipeline (a picocli mixin). */
public final class PipelineArgs {
  @Option(names = "--default-year", defaultValue = "2020",
      description = "Year for dates printed without one when the file gives none (default: ${DEFAULT-VALUE}).")
  int defaultYear;

  @Option(names = "--max-paragraph-chars", defaultValue = "400",
      description = "Split longer paragraphs at sentence ends (default: ${DEFAULT-VALUE}).")
  int maxParagraphChars;

  PipelineOptions options() {
    return new PipelineOptions(defaultYear, maxParagraphChars);
  }

  static List<FileResult> run(Pipeline pipeline, Path input) throws IOException {
    return Files.isDirectory(input) ? pipeline.processFolder(input) : List.of(pipeline.process(input));
  }
}

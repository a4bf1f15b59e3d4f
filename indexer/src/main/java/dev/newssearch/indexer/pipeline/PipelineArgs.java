package dev.newssearch.indexer.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * The pipeline's options on the command line, one grammar for every command that runs it (`inspect`,
 * `report`, `index`, `status`, `watch`): a picocli mixin.
 */
public final class PipelineArgs {
  @Option(names = "--default-year", paramLabel = "YEAR",
      description = "Year of pages that give none (no date in their header, names or the folder's "
          + ".dates.properties). Without it such pages' month/day dates stay unknown.")
  Integer defaultYear;

  @Option(names = "--date-pattern", paramLabel = "REGEX",
      description = "How this archive writes dates in file or folder names: a regular expression with the named "
          + "groups year, month and day, e.g. 'p(?<day>\\d{2})(?<month>\\d{2})(?<year>\\d{4})'.")
  Pattern datePattern;

  @Option(names = "--max-paragraph-chars", defaultValue = "400",
      description = "Split longer paragraphs at sentence ends (default: ${DEFAULT-VALUE}).")
  int maxParagraphChars;

  public PipelineOptions options() {
    return new PipelineOptions(defaultYear, maxParagraphChars, datePattern);
  }

  public static List<FileResult> run(Pipeline pipeline, Path input) throws IOException {
    return Files.isDirectory(input) ? pipeline.processFolder(input) : List.of(pipeline.process(input));
  }
}

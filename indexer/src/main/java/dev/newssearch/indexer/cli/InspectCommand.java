package dev.newssearch.indexer.cli;

import dev.newssearch.core.schema.ParagraphDoc;
import dev.newssearch.indexer.normalize.Drop;
import dev.newssearch.indexer.index.DocumentJson;
import dev.newssearch.indexer.pipeline.Conservation;
import dev.newssearch.indexer.pipeline.FileResult;
import dev.newssearch.indexer.pipeline.NearDuplicates;
import dev.newssearch.indexer.inspect.ArticleDocs;
import dev.newssearch.indexer.pipeline.Pipeline;
import dev.newssearch.indexer.pipeline.PipelineArgs;
import dev.newssearch.indexer.segment.Article;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code inspect <folder|file> [--format text|jsonl] [--dropped]}: the pipeline's articles and paragraphs, or
 * what it left out and why, no Elasticsearch.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = "Run the text pipeline and print articles and paragraph documents.")
public final class InspectCommand implements Callable<Integer> {
  enum Format { text, jsonl }

  @Parameters(index = "0", paramLabel = "<folder|file>") Path input;

  @Option(names = "--format", defaultValue = "text", description = "text or jsonl (one document per line, as the index stage sends it: the paragraph's fields "
          + "and its suggest inputs).")
  Format format;

  @Option(names = "--dropped",
      description = "List the printed text left out of every document (file:line, reason, text) and where each "
          + "file's Han characters went, instead of the articles.")
  boolean dropped;

  @Mixin PipelineArgs pipelineArgs;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!Files.exists(input)) {
      spec.commandLine().getErr().println("no such file or folder: " + input);
      return IndexerCli.USAGE;
    }
    Pipeline pipeline = Pipeline.create(pipelineArgs.options());
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.jsonl && !dropped) {
      return jsonl(pipeline, out);
    }
    List<FileResult> results = PipelineArgs.run(pipeline, input);
    boolean failed = false;
    for (FileResult r : results) {
      if (!r.ok()) {
        failed = true;
        spec.commandLine().getErr().println("FAILED " + r.file() + ": " + r.error().get());
        continue;
      }
      if (dropped) {
        printDrops(out, r);
        continue;
      }
      if (format == Format.jsonl) {
        for (ParagraphDoc d : r.docs()) out.println(DocumentJson.text(d));
        continue;
      }
      out.printf("=== %s (%s, %d articles, %d paragraphs)%n", r.file(), r.charset(), r.articles().size(), r.docs().size());
      List<List<ParagraphDoc>> byArticle = ArticleDocs.group(r);
      for (Article a : r.articles()) {
        out.printf("%n--- article %d (line %d)%n", a.index() + 1, a.firstLine());
        line(out, "kicker", a.kicker());
        line(out, "title", a.title());
        line(out, "subtitle", a.subtitle());
        if (!a.subheads().isEmpty()) line(out, "subheads", String.join(" | ", a.subheads()));
        line(out, "date", a.date() == null ? "null" : a.date() + " (" + a.dateEvidence() + ")");
        line(out, "source", a.source());
        if (!a.reporters().isEmpty()) line(out, "reporters", String.join("、", a.reporters()));
        if (!a.contributors().isEmpty()) line(out, "contributors", String.join("、", a.contributors()));
        line(out, "dateline", a.datelinePlace());
        line(out, "edition", a.edition());
        for (ParagraphDoc d : byArticle.get(a.index())) {
          out.printf("  [%d] %s%n", d.paragraph(), d.text());
        }
      }
      out.println();
    }
    out.flush();
    return failed ? IndexerCli.SOME_FILES_FAILED : IndexerCli.OK;
  }

  /**
   * One document per line as the pipeline makes them, file after file and window after window (a big file
   * is never held whole), with the duplicate groups {@link Pipeline#processFolder} gives: it joins them the
   * same way, in the same order.
   */
  private int jsonl(Pipeline pipeline, PrintWriter out) throws Exception {
    List<Path> files = Files.isDirectory(input) ? Pipeline.pageFiles(input) : List.of(input);
    NearDuplicates groups = Files.isDirectory(input) ? new NearDuplicates() : null;
    boolean failed = false;
    for (Path file : files) {
      FileResult total = pipeline.process(file, part -> {
        for (ParagraphDoc d : groups == null ? part.docs() : groups.group(part.docs())) {
          out.println(DocumentJson.text(d));
        }
      });
      if (!total.ok()) {
        failed = true;
        out.flush();
        spec.commandLine().getErr().println("FAILED " + total.file() + ": " + total.error().get());
      }
    }
    out.flush();
    return failed ? IndexerCli.SOME_FILES_FAILED : IndexerCli.OK;
  }

  private static void printDrops(PrintWriter out, FileResult r) {
    for (Drop d : r.drops()) out.printf("%s:%d\t%s\t%s%n", r.file(), d.line(), d.reason().label(), d.text());
    Conservation c = r.conservation();
    out.printf("%s: %d Han characters: %d in paragraphs, %d in headlines, %d in credits, %d dropped, %d unaccounted%s%n",
        r.file(), c.input(), c.paragraphs(), c.headlines(), c.credits(), c.dropped(), c.unaccounted(),
        c.missing() > 0 ? " (missing: " + c.missingText() + ")" : "");
  }

  private static void line(PrintWriter out, String label, String value) {
    if (value != null) out.printf("  %-12s %s%n", label + ":", value);
  }
}

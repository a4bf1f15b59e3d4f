package dev.newssearch.indexer.index.cli;

import dev.newssearch.indexer.index.IndexRun;
import dev.newssearch.indexer.index.IndexService;
import dev.newssearch.indexer.index.SeedIndexer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code index}: bring the alias in line with the seeds folder. */
@Command(name = "index", mixinStandardHelpOptions = true,
    description = {
        "Index the seeds folder into Elasticsearch behind an alias.",
        "Incremental by default: only added and changed files are re-processed, the paragraphs of removed "
            + "files and the stale paragraphs of changed files are deleted. A changed schema or IK dictionary "
            + "(fingerprints in the index's _meta) or a missing alias triggers a full build.",
        "--full builds a new versioned index, verifies its count, swaps the alias atomically and keeps "
            + "--keep older versions for rollback; a failed build leaves the alias where it was."},
    footer = Edge.EXIT_CODES)
public final class IndexCommand implements Callable<Integer> {
  @Mixin IndexArgs args = new IndexArgs();

  @Option(names = "--full", description = "Rebuild from scratch into a new index, then swap the alias.")
  boolean full;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    return Edge.run(err, () -> args.config(System.getenv()), config -> {
      try (IndexService service = SeedIndexer.service(config, args.options(config))) {
        if (!args.noProgress) {
          service.progress(Edge.progressBar());
        }
        IndexRun run = full ? service.rebuild(args.seeds()) : service.incremental(args.seeds());
        Edge.printRun(out, err, run);
        if (run.ok()) service.dateSpread().ifPresent(d -> d.print(out, 50));
        return run.ok() ? Edge.OK : Edge.INCOMPLETE;
      }
    });
  }
}

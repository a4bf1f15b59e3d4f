package dev.newssearch.indexer.index.cli;

import dev.newssearch.indexer.index.IndexService;
import dev.newssearch.indexer.index.IndexStatus;
import dev.newssearch.indexer.index.SeedIndexer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code status}: where the alias points and whether the seeds folder matches it. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show the alias, the index it points to, its document count, the kept versions, whether the "
        + "seeds folder is in sync with it, and the last run. Exit code 0 when in sync, 1 otherwise.",
    footer = Edge.EXIT_CODES)
public final class StatusCommand implements Callable<Integer> {
  @Mixin IndexArgs args = new IndexArgs();

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    return Edge.run(err, () -> args.config(System.getenv()), config -> {
      try (IndexService service = SeedIndexer.service(config, args.options(config))) {
        IndexStatus s = service.status(args.seeds());
        out.printf("alias     %s -> %s%n", s.alias(), s.index() == null ? "(none)" : s.index());
        out.printf("documents %d%n", s.count());
        out.printf("versions  %s%n", s.versions());
        out.printf("built at  %s%n", s.builtAt());
        out.printf("seeds     %s: %s%s%n", args.seeds(), s.sync(),
            s.skipped().isEmpty() ? "" : ", " + s.skipped().size() + " files skipped");
        for (String skipped : s.skipped()) {
          out.printf("  skipped %s%n", skipped);
        }
        out.printf("last run  %s%n", s.lastRun());
        service.dateSpread().ifPresent(d -> d.print(out, 50));
        out.flush();
        return s.inSync() ? Edge.OK : Edge.INCOMPLETE;
      }
    });
  }
}

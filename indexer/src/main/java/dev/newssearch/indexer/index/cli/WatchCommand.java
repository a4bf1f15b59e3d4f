package dev.newssearch.indexer.index.cli;

import dev.newssearch.indexer.index.IndexService;
import dev.newssearch.indexer.index.SeedIndexer;
import dev.newssearch.indexer.index.SeedWatcher;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code watch}: keep the alias in line with the seeds folder while files are saved. */
@Command(name = "watch", mixinStandardHelpOptions = true,
    description = {
        "Apply the seeds folder once (like `index`), then watch it and apply each change incrementally; "
            + "a saved file is searchable within seconds. Stop with Ctrl-C.",
        "A failed apply is retried with backoff until it is in; a replaced folder is watched anew; the "
            + "folder is compared with the index every --reconcile-s seconds anyway.",
        "Do not run `index` against the same alias while watching."},
    footer = Edge.EXIT_CODES)
public final class WatchCommand implements Callable<Integer> {
  @Mixin IndexArgs args = new IndexArgs();

  @Option(names = "--debounce-ms", paramLabel = "MS", defaultValue = "1000",
      description = "Wait until the folder has been quiet this long before applying (default: ${DEFAULT-VALUE}).")
  long debounceMs;

  @Option(names = "--reconcile-s", paramLabel = "S", defaultValue = "300",
      description = "Compare the whole folder with the index's manifest this often even without events "
          + "(default: ${DEFAULT-VALUE}).")
  long reconcileSeconds;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    return Edge.run(err, () -> args.config(System.getenv()), config -> {
      IndexService service = SeedIndexer.service(config, args.options(config));
      if (reconcileSeconds < 1 || debounceMs < 0) {
        throw new IllegalArgumentException("--reconcile-s must be at least 1 and --debounce-ms at least 0");
      }
      SeedWatcher watcher = new SeedWatcher(service, args.seeds(), Duration.ofMillis(debounceMs),
          Duration.ofSeconds(reconcileSeconds), Duration.ofSeconds(1),
          run -> Edge.printRun(out, err, run),
          e -> {
            err.println("error: " + e + " (still watching; retried with backoff until it is in)");
            err.flush();
          });
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          watcher.close();
          service.close();
        } catch (Exception e) {
          err.println("error while stopping: " + e);
        }
      }, "watch-shutdown"));
      out.println("watching " + args.seeds() + " -> " + config.alias() + " (Ctrl-C to stop)");
      out.flush();
      watcher.start().join();
      return Edge.OK;
    });
  }
}

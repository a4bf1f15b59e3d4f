package dev.newssearch.indexer.index.cli;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import dev.newssearch.core.es.EsConfig;
import dev.newssearch.indexer.index.EsUnreachableException;
import dev.newssearch.indexer.index.IndexRun;
import dev.newssearch.indexer.index.ItemFailure;
import dev.newssearch.indexer.index.ProgressListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.function.Supplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/** The CLI edge: exit codes, error messages, progress bar and the run summary. */
final class Edge {
  static final int OK = 0;
  /** Some documents were not indexed, the index does not match the seeds, or a build was abandoned. */
  static final int INCOMPLETE = 1;
  static final int USAGE = 2;
  /** Elasticsearch could not be reached (connection refused, timeout, proxy error). */
  static final int UNREACHABLE = 3;
  /** Elasticsearch answered with an error (e.g. a mapping or analyzer it does not know). */
  static final int REFUSED = 4;

  static final String EXIT_CODES = "%nExit codes: 0 ok, 1 incomplete (files skipped, documents failed, build "
      + "abandoned, or not in sync), 2 bad usage or configuration, 3 Elasticsearch unreachable, 4 Elasticsearch refused a request.";

  private Edge() {}

  /** A command body that talks to Elasticsearch through the configuration it is given. */
  @FunctionalInterface
  interface Body {
    int call(EsConfig config) throws Exception;
  }

  /**
   * Parses the configuration, runs a command body and maps each kind of failure to its exit code, once.
   * A bad configuration is a usage error, like a bad option.
   */
  static int run(PrintWriter err, Supplier<EsConfig> configure, Body body) {
    EsConfig config = null;
    try {
      config = configure.get();
      return body.call(config);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return USAGE;
    } catch (ElasticsearchException e) {
      err.println("error: Elasticsearch at " + url(config) + " refused: " + e.getMessage());
      return REFUSED;
    } catch (EsUnreachableException e) {
      err.println("error: Elasticsearch at " + url(config) + " stopped answering during the run: " + e.getMessage()
          + ". The alias was left where it was; run `index` again once Elasticsearch is back (it converges).");
      return UNREACHABLE;
    } catch (TransportException e) {
      err.println("error: no usable answer from Elasticsearch at " + url(config) + ": " + e.getMessage()
          + " (is it running? check ES_URL / --es-url)");
      return UNREACHABLE;
    } catch (IOException e) {
      // seed files that cannot be read are skipped with their reason before this point, so an
      // IOException here is the connection to Elasticsearch
      err.println("error: cannot reach Elasticsearch at " + url(config) + ": " + e
          + " (is it running? check ES_URL / --es-url)");
      return UNREACHABLE;
    } catch (Exception e) {
      err.println("error: " + e);
      return INCOMPLETE;
    }
  }

  private static String url(EsConfig config) {
    return config == null ? "?" : config.url().toString();
  }

  static void printRun(PrintWriter out, PrintWriter err, IndexRun run) {
    double seconds = Math.max(run.took().toMillis(), 1) / 1000.0;
    out.printf("%s %s -> %s (%s)%n", run.mode(), run.alias(), run.index(), run.reason());
    out.printf("  files       %d (processed %d, removed %d, skipped %d)%n", run.files(), run.processed(),
        run.removed(), run.skipped().size());
    out.printf("  articles    %d   paragraphs %d   persons %d   chars %d%n", run.articles(), run.paragraphs(),
        run.persons(), run.chars());
    out.printf("  sent %d = indexed %d + deleted %d + failed %d%s%n", run.sent(), run.indexed(), run.deleted(),
        run.failed(), run.reconciled() ? "" : "   (DOES NOT ADD UP)");
    out.printf("  index count %d (expected %d)%s%n", run.indexCount(), run.expectedCount(),
        run.pruned().isEmpty() ? "" : "   pruned " + run.pruned());
    out.printf("  took %.1f s, %.0f paragraphs/s, %.0f chars/s%n", seconds, run.paragraphs() / seconds,
        run.chars() / seconds);
    // CPU of all pipeline workers, which run beside the load: not a share of the wall time above
    out.printf("    pipeline CPU %.1f s (all workers, while Elasticsearch loads)%n", run.pipelineTook().toMillis() / 1000.0);
    for (String s : run.skipped()) {
      err.println("  skipped " + s);
    }
    int shown = 0;
    for (ItemFailure f : run.failures()) {
      if (shown++ == 20) {
        err.println("  ... and " + (run.failures().size() - 20) + " more failures");
        break;
      }
      err.println("  failed " + f);
    }
    if (run.written() && !run.skipped().isEmpty()) {
      err.println("incomplete: " + run.skipped().size() + " seed files were skipped (see above); the others are indexed");
    } else if (!run.ok()) {
      err.println(run.mode() == IndexRun.Mode.FAILED
          ? "the new index was abandoned; alias " + run.alias() + " still points to " + run.previousIndex()
          : "incomplete: the failed files stay marked as changed and are retried by the next run");
    }
    out.flush();
    err.flush();
  }

  /** A progress bar on stderr per phase. */
  static ProgressListener progressBar() {
    return new ProgressListener() {
      private ProgressBar bar;

      @Override
      public synchronized void phase(String name, long steps) {
        done();
        bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(steps)
            .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(250).build();
      }

      @Override
      public void step(long n) {
        ProgressBar b = bar;
        if (b != null) {
          b.stepBy(n);
        }
      }

      @Override
      public synchronized void done() {
        if (bar != null) {
          bar.close();
          bar = null;
        }
      }
    };
  }
}

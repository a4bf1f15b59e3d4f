package dev.newssearch.indexer.index.cli;

import dev.newssearch.core.es.EsConfig;
import dev.newssearch.indexer.index.Dictionaries;
import dev.newssearch.indexer.index.IndexOptions;
import dev.newssearch.indexer.pipeline.PipelineArgs;
import dev.newssearch.indexer.pipeline.PipelineOptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by {@code index}, {@code watch} and {@code status} (a picocli mixin). */
public final class IndexArgs {
  @Option(names = "--seeds", paramLabel = "DIR", defaultValue = "seeds",
      description = "Folder of seed files to index (default: ${DEFAULT-VALUE}).")
  Path seeds;

  @Option(names = "--es-url", paramLabel = "URL",
      description = "Elasticsearch URL; overrides ES_URL (default: ES_URL or " + EsConfig.DEFAULT_URL + ").")
  URI esUrl;

  @Option(names = "--alias", paramLabel = "NAME",
      description = "Alias that users and Kibana search; overrides ES_ALIAS (default: ES_ALIAS or "
          + EsConfig.DEFAULT_ALIAS + "). Physical indices are named <alias>-v<timestamp>.")
  String alias;

  @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + IndexOptions.DEFAULT_BATCH_SIZE,
      description = "Documents per bulk request (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "" + IndexOptions.DEFAULT_CONCURRENCY,
      description = "Bulk requests in flight at once (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--keep", paramLabel = "N", defaultValue = "" + IndexOptions.DEFAULT_KEEP,
      description = "Previous index versions kept for rollback after a full build; older ones are deleted "
          + "(default: ${DEFAULT-VALUE}).")
  int keep;

  @Option(names = "--replicas", paramLabel = "N", defaultValue = "0",
      description = "number_of_replicas once a full build goes live (0 during the load; default: ${DEFAULT-VALUE}).")
  int replicas;

  @Option(names = "--dict-dir", paramLabel = "DIR",
      description = "A node's config/analysis-ik folder to write learned_names.dic into before a full build "
          + "(repeat for several nodes). Default: detected from the local-es node serving --es-url under "
          + "the checkout's .es folder; none for a remote cluster.")
  List<Path> dictDirs;

  @Option(names = "--es-local-dir", paramLabel = "DIR",
      description = "The local-es folder to look for nodes in (default: .es next to mvnw, else ./.es).")
  Path esLocalDir;

  @Option(names = "--workers", paramLabel = "N",
      description = "Files run through the text pipeline at once (default: one per core, here "
          + "${DEFAULT-VALUE}).")
  int workers = IndexOptions.defaultWorkers();

  @Option(names = "--max-file-mb", paramLabel = "MB",
      defaultValue = "" + IndexOptions.FileRules.DEFAULT_MAX_BYTES / (1024 * 1024),
      description = "A seed file larger than this is skipped with the reason, never read (default: ${DEFAULT-VALUE};"
          + " files above 4 MB go through the pipeline in windows, so the heap need not grow with this).")
  long maxFileMb;

  @Option(names = "--follow-outside-links",
      description = "Index files that symbolic links in the seeds folder point to outside it (refused by default).")
  boolean followOutsideLinks;

  @Option(names = "--stall-timeout-s", paramLabel = "S", defaultValue = "30",
      description = "End the run with exit 3 when no bulk request succeeds for this long (default: ${DEFAULT-VALUE}).")
  long stallTimeoutSeconds;

  @Option(names = "--no-progress", description = "No progress bar (e.g. in CI logs).")
  boolean noProgress;

  /** The pipeline's options, as `inspect` takes them: the same pages give the same documents. */
  @Mixin PipelineArgs pipeline = new PipelineArgs();

  PipelineOptions pipelineOptions() {
    return pipeline.options();
  }

  /** Environment first, then the options given on the command line. */
  EsConfig config(Map<String, String> env) {
    EsConfig config = EsConfig.fromEnv(env);
    if (esUrl != null) {
      config = config.withUrl(esUrl);
    }
    if (alias != null) {
      config = config.withAlias(alias);
    }
    return config;
  }

  IndexOptions options(EsConfig config) {
    List<Path> dicts = dictDirs != null && !dictDirs.isEmpty()
        ? dictDirs
        : Dictionaries.detect(esLocalDir != null ? esLocalDir : defaultEsLocalDir(), config.url());
    if (maxFileMb < 1 || stallTimeoutSeconds < 1) {
      throw new IllegalArgumentException("--max-file-mb and --stall-timeout-s must be at least 1");
    }
    return new IndexOptions(batchSize, concurrency, keep, replicas, 10, Duration.ofMillis(200),
        Duration.ofSeconds(stallTimeoutSeconds), workers,
        new IndexOptions.FileRules(maxFileMb * 1024 * 1024, followOutsideLinks), dicts);
  }

  Path seeds() {
    return seeds.toAbsolutePath().normalize();
  }

  private static Path defaultEsLocalDir() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw"))) {
        return dir.resolve(".es");
      }
    }
    return Path.of(".es").toAbsolutePath();
  }
}

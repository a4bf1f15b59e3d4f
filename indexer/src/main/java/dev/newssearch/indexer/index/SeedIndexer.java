package dev.newssearch.indexer.index;

import dev.newssearch.core.es.EsConfig;
import dev.newssearch.core.schema.IndexSchema;
import dev.newssearch.indexer.enrich.DictionaryWords;
import dev.newssearch.indexer.pipeline.PipelineOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The index stage in one call, for other modules' tests and tools:
 *
 * <pre>{@code
 * IndexRun run = SeedIndexer.rebuild(TestNode.config().withAlias("it-search"), Path.of("../seeds"));
 * IndexRun run = SeedIndexer.incremental(config, seeds);            // no-op when nothing changed
 * }</pre>
 *
 * Uses the real text pipeline and entity recogniser, the schema resource, default bulk options, and
 * no dictionary folder (pass {@link IndexOptions#withDictDirs} to {@link #service} to write one).
 */
public final class SeedIndexer {
  private SeedIndexer() {}

  /** A service over the real pipeline; the caller closes it. */
  public static IndexService service(EsConfig config, IndexOptions options) {
    return service(config, options, PipelineOptions.DEFAULTS);
  }

  /** As above, with the pipeline's options ({@code --default-year}, {@code --date-pattern}). */
  public static IndexService service(EsConfig config, IndexOptions options, PipelineOptions pipeline) {
    DictionaryWords words = DictionaryWords.loadDefault();
    return new IndexService(config, options, PipelineSource.create(pipeline), docs -> words.words(docs),
        IndexSchema.load());
  }

  /** Builds a fresh index of {@code seeds} behind {@code config.alias()} and swaps the alias to it. */
  public static IndexRun rebuild(EsConfig config, Path seeds) throws IOException {
    try (IndexService service = service(config, IndexOptions.defaults())) {
      return service.rebuild(seeds);
    }
  }

  /** Brings {@code config.alias()} in line with {@code seeds}, building it first if needed. */
  public static IndexRun incremental(EsConfig config, Path seeds) throws IOException {
    try (IndexService service = service(config, IndexOptions.defaults())) {
      return service.incremental(seeds);
    }
  }

  /** Same as {@link #rebuild} but also writes the learned names into the given node config folders. */
  public static IndexRun rebuild(EsConfig config, Path seeds, List<Path> nodeConfigDirs) throws IOException {
    List<Path> dicts = nodeConfigDirs.stream().map(d -> d.resolve("analysis-ik")).toList();
    try (IndexService service = service(config, IndexOptions.defaults().withDictDirs(dicts))) {
      return service.rebuild(seeds);
    }
  }
}

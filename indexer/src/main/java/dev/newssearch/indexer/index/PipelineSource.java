package dev.newssearch.indexer.index;

import dev.newssearch.core.schema.ParagraphDoc;
import dev.newssearch.indexer.pipeline.FileResult;
import dev.newssearch.indexer.pipeline.Pipeline;
import dev.newssearch.indexer.pipeline.PipelineOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The text pipeline as the index stage's document source.
 *
 * <p>A full build runs {@link Pipeline#processFolder} so near-duplicate paragraphs across files share a
 * {@code dup_group}; an incremental run processes only the changed files, each on its own, so their
 * duplicate groups are exact within the file and become exact across files at the next full build.
 */
public final class PipelineSource implements ParagraphSource {
  private final Supplier<Pipeline> factory;
  private Pipeline pipeline;

  public PipelineSource(Supplier<Pipeline> factory) {
    this.factory = factory;
  }

  /** The pipeline (and its dictionaries) is loaded on first use, so {@code status} stays quick. */
  public static PipelineSource create(PipelineOptions options) {
    return new PipelineSource(() -> Pipeline.create(options));
  }

  private synchronized Pipeline pipeline() {
    if (pipeline == null) {
      pipeline = factory.get();
    }
    return pipeline;
  }

  @Override
  public List<ParagraphDoc> paragraphs(Path seedFile) throws IOException {
    FileResult result = pipeline().process(seedFile);
    if (result.error().isPresent()) {
      throw new IOException(result.error().get());
    }
    return result.docs();
  }

  @Override
  public Map<String, FileDocs> wholeFolder(Path seeds, List<Path> files) {
    Set<String> wanted = new HashSet<>();
    files.forEach(f -> wanted.add(f.getFileName().toString()));
    Map<String, FileDocs> out = new LinkedHashMap<>();
    try {
      for (FileResult r : pipeline().processFolder(seeds)) {
        if (wanted.contains(r.file())) {
          out.put(r.file(), new FileDocs(r.docs(), r.error().orElse(null)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + seeds, e);
    }
    return out;
  }

  @Override
  public boolean relatesFiles() {
    return true;
  }
}

package dev.newssearch.indexer.index;

import dev.newssearch.core.schema.ParagraphDoc;
import dev.newssearch.indexer.pipeline.FileResult;
import dev.newssearch.indexer.pipeline.Pipeline;
import dev.newssearch.indexer.pipeline.PipelineOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The text pipeline as the index stage's document source. A pipeline is for one thread at a time, so
 * each worker thread gets its own, made on its first file (dictionaries are loaded then, so
 * {@code status} stays quick). Near-duplicate groups across files are joined by the index stage as the
 * files stream by ({@link dev.newssearch.indexer.pipeline.NearDuplicates}).
 */
public final class PipelineSource implements ParagraphSource {
  private final ThreadLocal<Pipeline> pipelines;

  public PipelineSource(Supplier<Pipeline> factory) {
    this.pipelines = ThreadLocal.withInitial(factory);
  }

  public static PipelineSource create(PipelineOptions options) {
    return new PipelineSource(() -> Pipeline.create(options));
  }

  @Override
  public List<ParagraphDoc> paragraphs(Path seedFile) throws IOException {
    FileResult result = pipelines.get().process(seedFile);
    if (result.error().isPresent()) {
      throw new IOException(result.error().get());
    }
    return result.docs();
  }

  /** A big file comes in windows ({@link Pipeline#process(Path, Consumer)}), each window's documents one part. */
  @Override
  public void paragraphs(Path seedFile, Consumer<List<ParagraphDoc>> parts) throws IOException {
    paragraphs(seedFile, null, parts);
  }

  @Override
  public void paragraphs(Path seedFile, String sha256, Consumer<List<ParagraphDoc>> parts) throws IOException {
    FileResult total = pipelines.get().process(seedFile, sha256, part -> parts.accept(part.docs()));
    if (total.error().isPresent()) {
      throw new IOException(total.error().get());
    }
  }

  @Override
  public boolean relatesFiles() {
    return true;
  }
}

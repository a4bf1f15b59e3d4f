package dev.newssearch.indexer.index;

import dev.newssearch.core.schema.ParagraphDoc;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where the index stage gets its documents: the text pipeline, one seed file at a time, so that files
 * stream through a pool of workers into the bulk loader and an incremental run re-processes only the
 * files that changed. Implementations have no ES imports and must be safe to call from several
 * threads at once (one file per thread).
 */
@FunctionalInterface
public interface ParagraphSource {

  /** The paragraph documents of one seed file; ids must be the same on every run for the same bytes. */
  List<ParagraphDoc> paragraphs(Path seedFile) throws IOException;

  /**
   * The paragraph documents of one seed file in parts, in order, as they are made: a big file is never
   * held whole. The default hands over {@link #paragraphs(Path)} as one part. After a part was handed
   * over, an exception means the file failed part-way (the caller withdraws what it sent).
   */
  default void paragraphs(Path seedFile, Consumer<List<ParagraphDoc>> parts) throws IOException {
    parts.accept(paragraphs(seedFile));
  }

  /**
   * As {@link #paragraphs(Path, Consumer)} for a file the caller has hashed already ({@code sha256}, as its scan
   * read it): a source that hashes files may take it instead of reading every byte through sha256 again.
   */
  default void paragraphs(Path seedFile, String sha256, Consumer<List<ParagraphDoc>> parts) throws IOException {
    paragraphs(seedFile, parts);
  }

  /**
   * Whether paragraphs of different files should share duplicate groups when they are near-duplicates
   * (the index stage then groups them across files, in file-name order, as they stream by).
   */
  default boolean relatesFiles() {
    return false;
  }
}

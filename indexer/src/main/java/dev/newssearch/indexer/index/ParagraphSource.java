package dev.newssearch.indexer.index;

import dev.newssearch.core.schema.ParagraphDoc;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the index stage gets its documents: the text pipeline, one seed file at a time, so that an
 * incremental run re-processes only the files that changed. Implementations have no ES imports.
 */
@FunctionalInterface
public interface ParagraphSource {

  /** The paragraph documents of one seed file; ids must be the same on every run for the same bytes. */
  List<ParagraphDoc> paragraphs(Path seedFile) throws IOException;
}

package dev.newssearch.indexer.index;

import dev.newssearch.core.schema.ParagraphDoc;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the index stage gets its documents: the text pipeline, one seed file at a time, so that an
 * incremental run re-processes only the files that changed. Implementations have no ES imports.
 */
@FunctionalInterface
public interface ParagraphSource {

  /** The paragraph documents of one seed file; ids must be the same on every run for the same bytes. */
  List<ParagraphDoc> paragraphs(Path seedFile) throws IOException;

  /**
   * Every file of a full build at once, for sources that relate paragraphs across files (duplicate
   * groups). A file that cannot be read maps to an error instead of documents. The default runs
   * {@link #paragraphs(Path)} file by file.
   */
  default Map<String, FileDocs> wholeFolder(Path seeds, List<Path> files) {
    Map<String, FileDocs> out = new LinkedHashMap<>();
    for (Path f : files) {
      try {
        out.put(f.getFileName().toString(), new FileDocs(paragraphs(f), null));
      } catch (IOException | RuntimeException e) {
        out.put(f.getFileName().toString(), new FileDocs(List.of(), e.toString()));
      }
    }
    return out;
  }

  /** Whether {@link #wholeFolder} does more than the file-by-file default. */
  default boolean relatesFiles() {
    return false;
  }

  /** One file's documents, or why it has none. */
  record FileDocs(List<ParagraphDoc> docs, String error) {
    public FileDocs {
      docs = List.copyOf(docs);
    }
  }
}

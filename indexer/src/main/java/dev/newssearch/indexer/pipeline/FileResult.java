package dev.newssearch.indexer.pipeline;

import dev.newssearch.core.schema.ParagraphDoc;
import dev.newssearch.indexer.segment.Article;
import java.util.List;
import java.util.Optional;

/**
 * What the pipeline made of one file. When {@code error} is present the file could not be read or
 * decoded; articles and docs are then empty and the reason says why.
 */
public record FileResult(String file, String fileHash, String charset, List<Article> articles,
    List<ParagraphDoc> docs, Optional<String> error, long cpuNanos) {

  public FileResult {
    articles = List.copyOf(articles);
    docs = List.copyOf(docs);
  }

  public boolean ok() {
    return error.isEmpty();
  }
}

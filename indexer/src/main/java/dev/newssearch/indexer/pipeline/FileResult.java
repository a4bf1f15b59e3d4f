package dev.newssearch.indexer.pipeline;

import dev.newssearch.core.schema.ParagraphDoc;
import dev.newssearch.indexer.normalize.Drop;
import dev.newssearch.indexer.segment.Article;
import java.util.List;
import java.util.Optional;

/**
 * What the pipeline made of one file. When {@code error} is present the file could not be read or
 * decoded; articles, docs and drops are then empty and the reason says why. {@code drops} is the printed text
 * deliberately left out of every document (furniture, jump lines, repeated summaries…), with line and reason;
 * {@code conservation} says where each Han character of the file went.
 */
public record FileResult(String file, String fileHash, String charset, List<Article> articles,
    List<ParagraphDoc> docs, List<Drop> drops, Conservation conservation, Optional<String> error, long cpuNanos) {

  public FileResult {
    articles = List.copyOf(articles);
    docs = List.copyOf(docs);
    drops = List.copyOf(drops);
  }

  public boolean ok() {
    return error.isEmpty();
  }

  /** The same result with other documents (the near-duplicate merge changes their groups). */
  public FileResult withDocs(List<ParagraphDoc> newDocs) {
    return new FileResult(file, fileHash, charset, articles, newDocs, drops, conservation, error, cpuNanos);
  }
}

package dev.newssearch.indexer.inspect;

import dev.newssearch.core.schema.ParagraphDoc;
import dev.newssearch.indexer.pipeline.FileResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The docs of a file grouped per article, in article order (every article has at least one paragraph). */
public final class ArticleDocs {
  private ArticleDocs() {}

  public static List<List<ParagraphDoc>> group(FileResult r) {
    Map<String, List<ParagraphDoc>> m = new LinkedHashMap<>();
    for (ParagraphDoc d : r.docs()) m.computeIfAbsent(d.articleId(), k -> new ArrayList<>()).add(d);
    return new ArrayList<>(m.values());
  }
}

package dev.newssearch.indexer.enrich;

import dev.newssearch.core.schema.ParagraphDoc;
import dev.newssearch.indexer.chunk.Chunk;
import dev.newssearch.indexer.dates.DateEvidence;
import dev.newssearch.indexer.chunk.Fingerprint;
import dev.newssearch.indexer.segment.Article;
import dev.newssearch.indexer.segment.Dates;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The enrich stage: turns a chunk of an article into the indexed {@link ParagraphDoc}: the article's
 * metadata, the dates and entities the piece mentions, and its hashes. Reporters come from the article's
 * byline (cut out by the segment stage), never from the recogniser.
 */
public final class Enricher {
  /** Evidence that fixes the story's own day, so 昨天/今天 in it can be counted from it. */
  private static final Set<String> DAY_CERTAIN = Set.of(DateEvidence.PUBLICATION_LINE.value(),
      DateEvidence.DATELINE.value(), DateEvidence.PAGE_HEADER.value(), DateEvidence.FILE_NAME.value(),
      DateEvidence.FOLDER_NAME.value(), DateEvidence.STATED.value());

  private final EntityRecognizer recognizer;

  public Enricher(EntityRecognizer recognizer) {
    this.recognizer = recognizer;
  }

  public ParagraphDoc enrich(Chunk chunk, String fileName, String fileHash) {
    return enrich(chunk, fileName, fileHash, null);
  }

  /** {@code pageYear}: the year of month/day dates mentioned in an undated article, null when none is known. */
  public ParagraphDoc enrich(Chunk chunk, String fileName, String fileHash, Integer pageYear) {
    return enrich(chunk, recognizer.recognize(chunk.text()), fileName, fileHash, pageYear);
  }

  /**
   * Every chunk of one file together: a name accepted with strong evidence in one paragraph is trusted in its
   * weaker mentions in the others, and title forms (吴先生) become the full name the page gives. The
   * pipeline calls this once per file.
   */
  public List<ParagraphDoc> enrichAll(List<Chunk> chunks, String fileName, String fileHash, Integer pageYear) {
    List<Entities> entities = recognizer.recognizeAll(chunks.stream().map(Chunk::text).toList());
    List<ParagraphDoc> docs = new ArrayList<>(chunks.size());
    for (int i = 0; i < chunks.size(); i++) {
      docs.add(enrich(chunks.get(i), entities.get(i), fileName, fileHash, pageYear));
    }
    return docs;
  }

  private ParagraphDoc enrich(Chunk chunk, Entities e, String fileName, String fileHash, Integer pageYear) {
    Article a = chunk.article();
    String date = a.date() == null ? null : a.date().toString();
    return new ParagraphDoc(chunk.id(), chunk.articleId(), chunk.position(), chunk.text(),
        new ParagraphDoc.ArticleMeta(a.title(), a.kicker(), a.subtitle(), date, a.dateEvidence(), a.source(),
            a.reporters(), a.contributors(), a.datelinePlace(), a.edition()),
        Dates.mentioned(chunk.text(), a.date(), DAY_CERTAIN.contains(a.dateEvidence()) ? a.date() : null, pageYear),
        new ParagraphDoc.Entities(e.persons(), e.places(), e.organizations()),
        fileName,
        new ParagraphDoc.Hashes(fileHash, Fingerprint.contentHash(chunk.text()), Fingerprint.dupGroup(chunk.text())));
  }
}

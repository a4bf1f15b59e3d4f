package dev.newssearch.indexer.enrich;

import dev.newssearch.core.schema.ParagraphDoc;
import dev.newssearch.indexer.chunk.Chunk;
import dev.newssearch.indexer.chunk.Fingerprint;
import dev.newssearch.indexer.segment.Article;
import dev.newssearch.indexer.segment.Dates;

/**
 * The enrich stage: turns a chunk of an article into the indexed {@link ParagraphDoc}: the article's
 * metadata, the dates and entities the piece mentions, and its hashes. Reporters come from the article's
 * byline (cut out by the segment stage), never from the recogniser.
 */
public final class Enricher {
  private final EntityRecognizer recognizer;
  private final int defaultYear;

  public Enricher(EntityRecognizer recognizer, int defaultYear) {
    this.recognizer = recognizer;
    this.defaultYear = defaultYear;
  }

  public ParagraphDoc enrich(Chunk chunk, String fileName, String fileHash) {
    Article a = chunk.article();
    String date = a.date() == null ? null : a.date().toString();
    Entities e = recognizer.recognize(chunk.text());
    return new ParagraphDoc(chunk.id(), chunk.articleId(), chunk.position(), chunk.text(),
        new ParagraphDoc.ArticleMeta(a.title(), a.kicker(), a.subtitle(), date, a.dateEvidence(), a.source(),
            a.reporters(), a.contributors(), a.datelinePlace(), a.edition()),
        Dates.mentioned(chunk.text(), a.date(), defaultYear),
        new ParagraphDoc.Entities(e.persons(), e.places(), e.organizations()),
        fileName,
        new ParagraphDoc.Hashes(fileHash, Fingerprint.contentHash(chunk.text()), Fingerprint.dupGroup(chunk.text())));
  }
}

package dev.newssearch.indexer.chunk;

import dev.newssearch.core.schema.ParagraphDoc;
import dev.newssearch.indexer.dates.DateEvidence;
import dev.newssearch.indexer.enrich.Entities;
import dev.newssearch.indexer.enrich.EntityRecognizer;
import dev.newssearch.indexer.segment.Article;
import dev.newssearch.indexer.segment.Dates;
import dev.newssearch.indexer.source.TextDecoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The chunk stage: one {@link ParagraphDoc} per body paragraph, long paragraphs split at sentence ends.
 *
 * <p>Ids are content-derived so that re-indexing the same file overwrites instead of duplicating:
 * {@code articleId = sha256(file name, article's first paragraph, occurrence)[0..20)} and
 * {@code id = sha256(articleId, position, text)[0..20)}. The article key deliberately leaves out the
 * article's index in the file, so editing or inserting another article leaves this one's ids unchanged.
 */
public final class Chunker {
  /** Evidence that fixes the story's own day, so 昨天/今天 in it can be counted from it. */
  private static final Set<String> DAY_CERTAIN = Set.of(DateEvidence.PUBLICATION_LINE.value(),
      DateEvidence.DATELINE.value(), DateEvidence.PAGE_HEADER.value(), DateEvidence.FILE_NAME.value(),
      DateEvidence.FOLDER_NAME.value(), DateEvidence.STATED.value());

  private final int maxChars;
  private final EntityRecognizer recognizer;

  public Chunker(int maxChars, EntityRecognizer recognizer) {
    this.maxChars = maxChars;
    this.recognizer = recognizer;
  }

  public List<ParagraphDoc> toDocs(String fileName, String fileHash, List<Article> articles) {
    return toDocs(fileName, fileHash, articles, null);
  }

  /** {@code pageYear}: the year of month/day dates mentioned in undated articles, null when none is known. */
  public List<ParagraphDoc> toDocs(String fileName, String fileHash, List<Article> articles, Integer pageYear) {
    List<ParagraphDoc> docs = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Article a : articles) {
      String key = fileName + "\n" + (a.paragraphs().isEmpty() ? String.valueOf(a.title()) : a.paragraphs().get(0));
      int occurrence = seen.merge(key, 1, Integer::sum);
      String articleId = TextDecoder.sha256Hex(key + "\n" + occurrence).substring(0, 20);
      String date = a.date() == null ? null : a.date().toString();
      var relativeTo = DAY_CERTAIN.contains(a.dateEvidence()) ? a.date() : null;
      int position = 0;
      for (String paragraph : a.paragraphs()) {
        for (String piece : split(paragraph, maxChars)) {
          position++;
          Entities e = recognizer.recognize(piece);
          docs.add(new ParagraphDoc(
              TextDecoder.sha256Hex(articleId + "\n" + position + "\n" + piece).substring(0, 20),
              articleId, position, piece, a.title(), a.kicker(), a.subtitle(), date, a.dateEvidence(),
              Dates.mentioned(piece, a.date(), relativeTo, pageYear), a.source(), a.reporters(), a.contributors(),
              a.datelinePlace(), a.edition(), e.persons(), e.places(), e.organizations(), fileName, fileHash,
              Fingerprint.contentHash(piece), Fingerprint.dupGroup(piece)));
        }
      }
    }
    return docs;
  }

  /** Splits at the last sentence end before the bound; a sentence longer than the bound is cut at a comma, else hard. */
  public static List<String> split(String text, int maxChars) {
    List<String> out = new ArrayList<>();
    String rest = text;
    while (rest.length() > maxChars) {
      int cut = lastIndexOfAny(rest, "。！？；", maxChars);
      if (cut < maxChars / 3) cut = lastIndexOfAny(rest, "，、", maxChars);
      if (cut < maxChars / 3) cut = maxChars - 1;
      int end = cut + 1;
      while (end < rest.length() && "”’）」』".indexOf(rest.charAt(end)) >= 0) end++;
      out.add(rest.substring(0, end));
      rest = rest.substring(end);
    }
    if (!rest.isEmpty()) out.add(rest);
    return out;
  }

  private static int lastIndexOfAny(String s, String chars, int before) {
    for (int i = Math.min(before - 1, s.length() - 1); i >= 0; i--) {
      if (chars.indexOf(s.charAt(i)) >= 0) return i;
    }
    return -1;
  }
}

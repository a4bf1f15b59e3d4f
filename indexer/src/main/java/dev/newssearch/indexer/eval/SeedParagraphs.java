package dev.newssearch.indexer.eval;

import dev.newssearch.core.schema.ParagraphDoc;
import dev.newssearch.indexer.credit.CreditSpans;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A deliberately simple reflow of seed files, used by the evaluation only when no full pipeline is given:
 * lines are joined, a paragraph ends after a line that ends a sentence or is short (a headline, a credit).
 * Reporters come from the credits found in each paragraph.
 */
final class SeedParagraphs {

  private static final Pattern SENTENCE_END = Pattern.compile("[。！？”）)」]$");

  private SeedParagraphs() {}

  static Map<String, List<ParagraphDoc>> read(Path folder, CreditSpans credits) {
    Map<String, List<ParagraphDoc>> byFile = new TreeMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        String name = file.getFileName().toString();
        List<ParagraphDoc> docs = new ArrayList<>();
        for (String paragraph : paragraphs(Files.readString(file, StandardCharsets.UTF_8))) {
          List<String> reporters = credits.credits(paragraph).stream()
              .filter(c -> c.role().equals("记者") || c.role().equals("作者") || c.role().equals("署名"))
              .map(CreditSpans.Credit::name)
              .toList();
          docs.add(new ParagraphDoc(null, null, docs.size() + 1, paragraph,
              new ParagraphDoc.ArticleMeta(null, null, null, null, null, null, reporters, null, null, null), null,
              null, name, null));
        }
        byFile.put(name, docs);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read seeds from " + folder, e);
    }
    return byFile;
  }

  static List<String> paragraphs(String raw) {
    List<String> paragraphs = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : raw.split("\\R")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      current.append(trimmed);
      if (SENTENCE_END.matcher(trimmed).find() || trimmed.length() < 10) {
        paragraphs.add(current.toString());
        current.setLength(0);
      }
    }
    if (!current.isEmpty()) {
      paragraphs.add(current.toString());
    }
    return paragraphs;
  }
}

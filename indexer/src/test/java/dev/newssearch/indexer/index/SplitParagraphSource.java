package dev.newssearch.indexer.index;

import dev.newssearch.core.hash.Sha256;
import dev.newssearch.core.schema.ParagraphDoc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A stand-in for the text pipeline in the index stage's tests: one paragraph per blank-line block,
 * id = file + hash of the text, so an unchanged paragraph keeps its id when its file is edited.
 */
final class SplitParagraphSource implements ParagraphSource {
  @Override
  public List<ParagraphDoc> paragraphs(Path seedFile) throws IOException {
    String name = seedFile.getFileName().toString();
    byte[] bytes = Files.readAllBytes(seedFile);
    String fileHash = Sha256.hex(bytes);
    String[] blocks = new String(bytes, StandardCharsets.UTF_8).split("\\n\\s*\\n");
    List<ParagraphDoc> docs = new ArrayList<>();
    String articleId = name + "-a1";
    int n = 0;
    Set<String> seen = new HashSet<>();
    for (String block : blocks) {
      String text = block.replaceAll("\\s*\\n\\s*", "").strip();
      if (text.isEmpty()) {
        continue;
      }
      String contentHash = Sha256.hex(text);
      // ids are unique within a file, as the real pipeline's are: a block printed twice is kept once,
      // so the index stage's duplicate-id warning stays for real mistakes
      if (!seen.add(contentHash)) {
        continue;
      }
      n++;
      List<String> persons = text.contains("习近平") ? List.of("习近平") : List.of();
      docs.add(new ParagraphDoc(name + "-" + contentHash.substring(0, 16), articleId, n, text,
          new ParagraphDoc.ArticleMeta("测试标题 " + name, null, null, "2020-03-27", "file_context", "新华社", List.of(),
              List.of(), null, null),
          List.of(), new ParagraphDoc.Entities(persons, List.of(), List.of()), name,
          new ParagraphDoc.Hashes(fileHash, contentHash, contentHash.substring(0, 16))));
    }
    return docs;
  }
}

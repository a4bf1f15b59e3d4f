package dev.newssearch.indexer.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newssearch.core.schema.ParagraphDoc;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DictionaryWordsTest {

  private static ParagraphDoc doc(List<String> persons, List<String> reporters, List<String> places, List<String> orgs) {
    return new ParagraphDoc("id", "a", 1, "text",
        new ParagraphDoc.ArticleMeta(null, null, null, null, null, null, reporters, null, null, null), null,
        new ParagraphDoc.Entities(persons, places, orgs), "f.txt", null);
  }

  @Test
  void names_of_a_run_and_domain_terms_are_written_sorted_one_a_line(@TempDir Path dir) throws Exception {
    DictionaryWords dictionary = DictionaryWords.loadDefault();
    List<ParagraphDoc> docs = List.of(
        doc(List.of("唐良智", "习近平"), List.of("罗静雯"), List.of("武隆区"), List.of("世界卫生组织")),
        doc(List.of("习近平"), List.of(), List.of("重庆"), List.of()));
    Path dic = dir.resolve("analysis-ik/learned_names.dic");

    var words = dictionary.write(docs, dic);

    List<String> lines = Files.readAllLines(dic, StandardCharsets.UTF_8);
    assertThat(lines).isSorted().doesNotHaveDuplicates().containsAll(words);
    assertThat(lines).contains("唐良智", "习近平", "罗静雯", "武隆区", "重庆", "世界卫生组织", "脱贫攻坚");
    assertThat(Files.readString(dic, StandardCharsets.UTF_8)).endsWith("\n");
  }

  @Test
  void the_same_words_give_the_same_bytes_whatever_the_document_order(@TempDir Path dir) throws Exception {
    DictionaryWords dictionary = DictionaryWords.loadDefault();
    ParagraphDoc a = doc(List.of("特朗普"), List.of(), List.of("美国"), List.of());
    ParagraphDoc b = doc(List.of("萨勒曼"), List.of(), List.of("沙特"), List.of());
    dictionary.write(List.of(a, b), dir.resolve("one.dic"));
    dictionary.write(List.of(b, a, b), dir.resolve("two.dic"));
    assertThat(Files.readAllBytes(dir.resolve("one.dic"))).isEqualTo(Files.readAllBytes(dir.resolve("two.dic")));
  }

  @Test
  void single_characters_and_names_with_spaces_are_left_out() {
    var words = DictionaryWords.loadDefault().words(List.of(doc(List.of("王", "王 婷"), List.of(), List.of(), List.of())));
    assertThat(words).doesNotContain("王", "王 婷");
  }
}

package dev.newssearch.analysis.ik;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynonymRulesTest {

  @Test
  void the_one_synonym_file_makes_who_and_g20_names_interchangeable() throws IOException {
    SynonymRules rules = SynonymRules.load(Optional.of(Path.of("../core/src/main/resources")),
        "synonyms/news-synonyms.txt", List.of());
    IkDictionaries.shared().addWords(rules.words());
    SynonymMap map = rules.toMap(true);
    assertThat(IkTokenizerTest.tokens(smartWithSynonyms(map), "世卫组织发布报告"))
        .extracting(IkTokenizerTest.Token::term)
        .contains("世卫组织", "世界卫生组织", "发布");
    assertThat(IkTokenizerTest.tokens(smartWithSynonyms(map), "二十国集团峰会"))
        .extracting(IkTokenizerTest.Token::term)
        .contains("二十国集团", "g20");
  }

  private static Analyzer smartWithSynonyms(SynonymMap map) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer t = new IkTokenizer(IkMode.SMART, Set.of());
        return new TokenStreamComponents(t, new SynonymGraphFilter(t, map, true));
      }
    };
  }

  @Test
  void rule_words_are_collected_for_the_ik_dictionary() {
    SynonymRules rules = new SynonymRules("# c\n世卫组织, 世界卫生组织\n新冠 => 新冠肺炎\n");
    assertThat(rules.words()).containsExactly("世卫组织", "世界卫生组织", "新冠", "新冠肺炎");
  }

  @Test
  void a_synonyms_path_outside_the_config_folder_is_refused(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("x.txt"), "a, b\n");
    assertThatThrownBy(() -> SynonymRules.load(Optional.of(dir.resolve("conf")), "../x.txt", List.of()))
        .hasMessageContaining("must stay inside");
    assertThatThrownBy(() -> SynonymRules.load(Optional.of(dir), "missing.txt", List.of()))
        .hasMessageContaining("not found");
  }
}

package dev.newssearch.api.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordSplitterTest {
  private final WordSplitter splitter = WordSplitter.shared();

  @Test
  void words_typed_together_are_cut_into_dictionary_words() {
    assertThat(splitter.split("海南美丽乡村")).containsExactly("海南", "美丽", "乡村");
    assertThat(splitter.split("COVID-19")).containsExactly("covid-19");
    assertThat(splitter.split("脱贫攻坚")).as("the plugin's domain terms").containsExactly("脱贫攻坚");
    assertThat(splitter.split("，。")).isEmpty();
  }

  @Test
  void the_finest_cover_splits_a_word_made_across_the_boundary_of_two_typed_words() {
    assertThat(splitter.finest("中国人民")).containsExactly("中国", "人民");
    assertThat(splitter.finest("脱贫")).containsExactly("脱贫");
    assertThat(splitter.finest("习近平")).containsExactly("习近平");
  }

  @Test
  void a_word_learned_after_a_cut_was_kept_changes_that_cut() {
    String name = "禾木晴"; // a made-up name, as the index teaches the API new ones
    assertThat(splitter.split(name)).as("kept from the first cut").isNotEqualTo(java.util.List.of(name))
        .isEqualTo(splitter.split(name));
    splitter.addWords(java.util.List.of(name));
    assertThat(splitter.split(name)).containsExactly(name);
  }
}

package dev.newssearch.api.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newssearch.core.schema.Fields;
import dev.newssearch.core.schema.IndexSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact marks the API makes itself; {@code ExactMatchIT} compares them with the node's highlighter. */
class ExactMarksTest {
  static final ExactMarks MARKS = ExactMarks.of(IndexSchema.load(), Fields.TEXT_CHARS);

  static String mark(String text, String... phrases) {
    return MARKS.html(text, MARKS.phrases(List.of(phrases)));
  }

  @Test
  void every_occurrence_of_a_word_is_marked() {
    assertThat(mark("统筹推进疫情防控和经济社会发展，疫情防控形势持续向好", "疫情防控"))
        .isEqualTo("统筹推进<em>疫情防控</em>和经济社会发展，<em>疫情防控</em>形势持续向好");
  }

  @Test
  void a_phrase_holds_across_punctuation_and_spaces_and_is_marked_with_them() {
    assertThat(mark("坚决打赢疫情，防控阻击战", "疫情防控")).isEqualTo("坚决打赢<em>疫情，防控</em>阻击战");
    assertThat(mark("疫 情防控", "疫情防控")).isEqualTo("<em>疫 情防控</em>");
  }

  @Test
  void latin_words_and_digits_match_as_whole_tokens_whatever_their_case() {
    assertThat(mark("COVID-19疫情在全球蔓延", "covid 19")).isEqualTo("<em>COVID-19</em>疫情在全球蔓延");
    assertThat(mark("二十国集团（G20）领导人", "g20")).isEqualTo("二十国集团（<em>G20</em>）领导人");
    assertThat(mark("G200", "g20")).as("a token, not a prefix").isEqualTo("G200");
  }

  @Test
  void traditional_text_is_marked_by_the_simplified_word() {
    assertThat(mark("決戰決勝脫貧攻堅", "脱贫攻坚")).isEqualTo("決戰決勝<em>脫貧攻堅</em>");
  }

  @Test
  void the_text_is_encoded_as_the_nodes_html_encoder_does_and_left_whole_without_a_match() {
    assertThat(mark("AT&T 与 <b>中方</b> 就\"关税\"谈判 1/2 的 'x'", "关税"))
        .isEqualTo("AT&amp;T 与 &lt;b&gt;中方&lt;&#x2F;b&gt; 就&quot;<em>关税</em>&quot;谈判 1&#x2F;2 的 &#x27;x&#x27;");
    assertThat(mark("没有这个词", "疫情")).isEqualTo("没有这个词");
    assertThat(mark("没有这个词")).isEqualTo("没有这个词");
    assertThat(MARKS.html(null, MARKS.phrases(List.of("疫情")))).isNull();
  }

  @Test
  void overlapping_and_touching_occurrences_become_one_mark() {
    assertThat(mark("哈哈哈", "哈哈")).isEqualTo("<em>哈哈哈</em>");
    assertThat(mark("脱贫攻坚", "脱贫", "攻坚")).isEqualTo("<em>脱贫攻坚</em>");
  }

  @Test
  void a_phrase_of_punctuation_alone_marks_nothing() {
    assertThat(MARKS.phrases(List.of("，。", "疫情")).sequences()).hasSize(1);
  }

  @Test
  void a_field_whose_analysis_has_no_in_process_form_is_refused() {
    assertThatThrownBy(() -> ExactMarks.of(IndexSchema.load(), Fields.TEXT))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("on the node");
  }
}

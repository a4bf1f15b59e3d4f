package dev.newssearch.indexer.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FingerprintTest {
  @Test
  void a_reprint_in_traditional_characters_with_other_punctuation_is_the_same_story() {
    assertThat(Fingerprint.dupGroup("發展經濟，穩定就業，是當前的頭等大事。"))
        .isEqualTo(Fingerprint.dupGroup("发展经济、稳定就业 是当前的头等大事"));
  }

  @Test
  void the_compared_text_keeps_han_letters_and_digits_lower_cased_and_nothing_else() {
    assertThat(Fingerprint.normalise("G20峰會 於3月26日召開！")).isEqualTo("g20峰会于3月26日召开");
  }

  @Test
  void different_stories_have_different_groups() {
    assertThat(Fingerprint.dupGroup("新冠肺炎疫情突如其来")).isNotEqualTo(Fingerprint.dupGroup("新冠肺炎疫情防控形势"));
  }
}

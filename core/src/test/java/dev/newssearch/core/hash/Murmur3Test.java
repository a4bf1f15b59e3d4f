package dev.newssearch.core.hash;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Murmur3Test {
  @Test
  void the_key_of_a_text_is_the_same_in_every_version_so_rebuilt_paragraphs_overwrite_their_old_documents() {
    assertThat(Murmur3.hex("新冠肺炎疫情突如其来")).isEqualTo("16ff14de52abe44df5348988387cfa4a");
  }

  @Test
  void the_key_is_thirty_two_hex_digits_and_names_the_text_it_came_from() {
    assertThat(Murmur3.hex("")).isEqualTo("0".repeat(32));
    assertThat(Murmur3.hex("守望相助 共克时艰")).matches("[0-9a-f]{32}")
        .isNotEqualTo(Murmur3.hex("守望相助共克时艰"));
  }
}

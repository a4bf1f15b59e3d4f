package dev.newssearch.indexer.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BylineTest {
  @Test
  void wire_reporters_are_listed_with_their_agency() {
    Byline.Credits c = Byline.parse("（新华社记者 柳丝 常天童 赵卓昀）");
    assertThat(c.source()).isEqualTo("新华社");
    assertThat(c.reporters()).containsExactly("柳丝", "常天童", "赵卓昀");
  }

  @Test
  void interns_are_contributors_not_reporters() {
    Byline.Credits c = Byline.parse("记者 黄乔 实习生 舒畅");
    assertThat(c.reporters()).containsExactly("黄乔");
    assertThat(c.contributors()).containsExactly("实习生:舒畅");
  }

  @Test
  void letter_spaced_names_are_joined() {
    assertThat(Byline.parse("本报记者 王 婷").reporters()).containsExactly("王婷");
    assertThat(Byline.parse("作者 王 毅").reporters()).containsExactly("王毅");
  }

  @Test
  void photographers_are_contributors() {
    Byline.Credits c = Byline.parse("新华社记者 赵 戈 摄");
    assertThat(c.contributors()).containsExactly("摄影:赵戈");
    assertThat(c.reporters()).isEmpty();
    assertThat(c.source()).isEqualTo("新华社");
  }

  @Test
  void reported_by_form_and_bare_name_lists_are_understood() {
    assertThat(Byline.parse("记者王泽勇报道").reporters()).containsExactly("王泽勇");
    assertThat(Byline.isNameList("（刘娟娟 张建峰）")).isTrue();
    assertThat(Byline.parse("刘娟娟 张建峰").reporters()).isEqualTo(List.of("刘娟娟", "张建峰"));
    assertThat(Byline.isNameList("（上接1版）")).isFalse();
  }
}

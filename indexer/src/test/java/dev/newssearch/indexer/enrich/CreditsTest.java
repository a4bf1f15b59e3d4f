package dev.newssearch.indexer.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newssearch.indexer.enrich.Credits.Credit;
import org.junit.jupiter.api.Test;

class CreditsTest {

  private final Credits credits = new Credits(Lexicon.loadDefault().surnames());

  @Test
  void a_parenthesised_xinhua_credit_gives_every_reporter() {
    assertThat(credits.credits("（新华社记者 柳丝 常天童 赵卓昀）"))
        .containsExactly(new Credit("记者", "柳丝"), new Credit("记者", "常天童"), new Credit("记者", "赵卓昀"));
  }

  @Test
  void an_intern_is_kept_apart_from_the_reporter() {
    assertThat(credits.credits("本报讯 （记者 黄乔 实习生 舒畅）3月26日至27日，市委常委、政法委书记刘强在武隆区督战"))
        .containsExactly(new Credit("记者", "黄乔"), new Credit("实习生", "舒畅"));
  }

  @Test
  void letter_spaced_names_after_a_byline_mark_are_joined() {
    assertThat(credits.credits("□ 本报记者 王 婷“保持脱贫攻坚政策稳定。")).containsExactly(new Credit("记者", "王婷"));
    assertThat(credits.credits("□ 本报记者 丁 南疫情来临，口罩成了短缺物资。")).containsExactly(new Credit("记者", "丁南"));
    assertThat(credits.credits("作者：王 毅新冠肺炎疫情是对中国人民生命安全")).containsExactly(new Credit("作者", "王毅"));
  }

  @Test
  void a_photographer_is_marked_as_such() {
    assertThat(credits.credits("新华社记者 赵 戈 摄")).containsExactly(new Credit("摄影", "赵戈"));
  }

  @Test
  void a_reported_by_credit_and_a_trailing_name_pair_are_credits() {
    assertThat(credits.credits("本报讯 记者王泽勇报道近日，包括美妆、小家电")).containsExactly(new Credit("记者", "王泽勇"));
    assertThat(credits.credits("（刘娟娟 张建峰）")).containsExactly(new Credit("署名", "刘娟娟"), new Credit("署名", "张建峰"));
  }

  @Test
  void a_reporter_doing_something_in_the_story_is_not_a_credit() {
    assertThat(credits.credits("记者27日从国务院扶贫办了解到，国务院扶贫开发领导小组近日印发")).isEmpty();
    assertThat(credits.credits("记者在采访中看到，疫情并未影响脱贫的节奏。")).isEmpty();
    assertThat(credits.credits("中欧班列（成都）第三次开展跨境直邮出口业务。")).isEmpty();
  }

  @Test
  void blanking_keeps_offsets_and_removes_the_dateline() {
    String text = "据新华社北京3月27日电 （记者 侯雪静）记者27日从国务院扶贫办了解到";
    String blanked = credits.blank(text);
    assertThat(blanked).hasSameSizeAs(text);
    assertThat(blanked.strip()).isEqualTo("记者27日从国务院扶贫办了解到");
  }
}

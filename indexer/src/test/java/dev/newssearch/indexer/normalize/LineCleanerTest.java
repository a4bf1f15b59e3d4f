package dev.newssearch.indexer.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineCleanerTest {
  private final LineCleaner cleaner = LineCleaner.loadDefault();

  @Test
  void letter_spaced_headlines_are_joined() {
    assertThat(cleaner.clean("发 挥 党 建 引 领 织 密 城 市 疫 情 防 控 网").text()).isEqualTo("发挥党建引领织密城市疫情防控网");
    assertThat(cleaner.clean("会 议 以 电 视 电 话 会 议 形 式 召 开 ，市").text()).isEqualTo("会议以电视电话会议形式召开，市");
  }

  @Test
  void column_label_in_front_of_a_letter_spaced_headline_is_cut() {
    assertThat(cleaner.clean(" 地方传真凝 心 聚 力 打 赢 脱 贫 收 官 战").text()).isEqualTo("凝心聚力打赢脱贫收官战");
  }

  @Test
  void spacing_between_words_and_around_numbers_is_kept() {
    assertThat(cleaner.clean("守望相助 共克时艰").text()).isEqualTo("守望相助 共克时艰");
    assertThat(cleaner.clean("算还有不到 10 个月的时间，按日子算就是 300").text()).isEqualTo("算还有不到 10 个月的时间，按日子算就是 300");
    assertThat(LineCleaner.despace("COVID-19 a b c d")).isEqualTo("COVID-19 a b c d");
  }

  @Test
  void digits_spaced_out_with_a_letter_spaced_headline_are_joined_too() {
    assertThat(cleaner.clean("2 0 0 0 年 前 的 古 城").text()).isEqualTo("2000年前的古城");
    assertThat(cleaner.clean("1 9 6 4 年 1 0 月").text()).isEqualTo("1964年10月");
  }

  @Test
  void doubled_glyph_runs_are_collapsed() {
    assertThat(cleaner.clean("新疆新疆：：转转移就业移就业 助助力脱贫力脱贫").text()).isEqualTo("新疆：转移就业 助力脱贫");
  }

  @Test
  void real_reduplication_is_not_mistaken_for_doubled_type() {
    assertThat(cleaner.clean("扎实实干出来的。在这里，我代表党中央，向大").text()).isEqualTo("扎实实干出来的。在这里，我代表党中央，向大");
    assertThat(cleaner.clean("了村坑坑洼洼，晴天尘土满鞋，雨天道路泥泞，贫").text()).isEqualTo("了村坑坑洼洼，晴天尘土满鞋，雨天道路泥泞，贫");
  }

  @Test
  void continuation_markers_are_cut_and_reported() {
    LineCleaner.Cleaned c = cleaner.clean(" （上接 1 版）中国人民真诚希望美国早");
    assertThat(c.text()).isEqualTo("中国人民真诚希望美国早");
    assertThat(c.continuation()).isTrue();
    assertThat(cleaner.clean("（上接1版）").text()).isEmpty();
  }

  @Test
  void page_furniture_is_dropped() {
    assertThat(cleaner.clean("全文").text()).isEmpty();
    assertThat(cleaner.clean("扫一扫 就看到").text()).isEmpty();
    assertThat(cleaner.clean("政务简报").text()).isEmpty();
    assertThat(cleaner.clean("二").text()).isEmpty();
  }

  @Test
  void cjk_lines_join_without_space_and_latin_words_keep_one() {
    assertThat(Text.join("二十国集团（G20）领导", "人应对")).isEqualTo("二十国集团（G20）领导人应对");
    assertThat(Text.join("the new", "COVID-19")).isEqualTo("the new COVID-19");
    assertThat(Text.join("扶贫软件", "APP实名")).isEqualTo("扶贫软件APP实名");
    // a column breaks inside numbers too
    assertThat(Text.join("解决了30", "00元贷款")).isEqualTo("解决了3000元贷款");
    assertThat(Text.join("二十国集团（G2", "0）领导人")).isEqualTo("二十国集团（G20）领导人");
  }

  @Test
  void jump_lines_with_chinese_page_numerals_are_furniture() {
    assertThat(cleaner.clean("（上接第二版）").continuation()).isTrue();
    assertThat(cleaner.clean("（上接第二版）").text()).isEmpty();
    assertThat(cleaner.clean("出积极的反应。（下转第十二版）").text()).isEqualTo("出积极的反应。");
  }

  @Test
  void page_headers_and_the_editor_credit_are_dropped() {
    assertThat(cleaner.clean("人民日报 1998年4月19日 星期日 第4版").text()).isEmpty();
    assertThat(cleaner.clean("第4版  地方传真").text()).isEmpty();
    assertThat(cleaner.clean("（责任编辑：孟波彤）").text()).isEmpty();
    assertThat(cleaner.clean("（记者 颜安）").text()).isEqualTo("（记者 颜安）");
  }
}

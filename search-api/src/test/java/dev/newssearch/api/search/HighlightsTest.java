package dev.newssearch.api.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HighlightsTest {
  @Test
  void adjacent_marks_become_one_word() {
    assertThat(Highlights.mergeAdjacent("打赢<em>脱贫</em><em>攻坚</em>战")).isEqualTo("打赢<em>脱贫攻坚</em>战");
  }

  @Test
  void an_exact_match_across_ik_words_joins_the_word_marks_into_one() {
    String words = "会议对脱<em>贫</em><em>攻坚</em><em>成效</em>考核，<em>贫</em>中之<em>贫</em>，<em>攻坚</em>克难";
    String exact = "会议对脱<em>贫攻坚成效</em>考核，贫中之贫，攻坚克难";
    assertThat(Highlights.union(words, exact))
        .isEqualTo("会议对脱<em>贫攻坚成效</em>考核，贫中之贫，<em>攻坚</em>克难");
  }

  @Test
  void beside_an_exact_mark_one_character_tokens_are_dropped_even_where_they_touch_another_mark() {
    // IK has no word 防控: ik_smart cuts the query word into 防 and 控, and the node marks each as a token
    String words = "<em>疫情</em><em>防</em><em>控</em>，<em>控</em><em>防</em>结合，<em>疫情</em><em>防</em>范";
    String exact = "<em>疫情</em><em>防控</em>，控防结合，<em>疫情</em>防范";
    assertThat(Highlights.union(words, exact)).isEqualTo("<em>疫情防控</em>，控防结合，<em>疫情</em>防范");
    assertThat(Highlights.union(words, null)).as("without an exact mark they are all there is").isEqualTo(
        "<em>疫情防控</em>，<em>控防</em>结合，<em>疫情防</em>范");
  }

  @Test
  void word_marks_without_an_exact_match_are_kept_and_exact_marks_alone_are_merged() {
    String words = "<em>疫情</em>的<em>防控</em>";
    assertThat(Highlights.union(words, null)).isEqualTo(words);
    assertThat(Highlights.union(words, "疫情的防控")).isEqualTo(words);
    assertThat(Highlights.union(null, "发表<em>重</em><em>要</em>讲话")).isEqualTo("发表<em>重要</em>讲话");
    assertThat(Highlights.union(null, null)).isNull();
  }

  @Test
  void entities_count_as_one_character_when_marks_are_joined() {
    String words = "&lt;b&gt;<em>脱贫攻坚</em>&amp;";
    String exact = "&lt;b&gt;<em>脱贫</em>攻坚<em>&amp;</em>";
    assertThat(Highlights.union(words, exact)).isEqualTo("&lt;b&gt;<em>脱贫攻坚&amp;</em>");
  }

  @Test
  void a_short_paragraph_comes_back_whole() {
    String html = "坚决打赢<em>脱贫攻坚</em>战。";
    assertThat(Highlights.fragments(html, 160, 100, 3)).containsExactly(html);
  }

  @Test
  void a_long_paragraph_is_cut_around_the_marks_without_breaking_them() {
    String before = "前".repeat(300);
    String after = "后".repeat(300);
    String html = before + "<em>脱贫攻坚</em>" + "中".repeat(300) + "<em>小康</em>" + after;
    List<String> fragments = Highlights.fragments(html, 160, 100, 3);
    assertThat(fragments).hasSize(2);
    assertThat(fragments.get(0)).startsWith("…").endsWith("…").contains("<em>脱贫攻坚</em>");
    assertThat(fragments.get(1)).contains("<em>小康</em>");
    for (String f : fragments) {
      assertThat(f.replaceAll("<em>|</em>|…", "").length()).isEqualTo(100);
      assertThat(f.split("<em>", -1).length).isEqualTo(f.split("</em>", -1).length);
    }
  }

  @Test
  void entities_are_never_cut_in_half() {
    String html = "&lt;script&gt;".repeat(40) + "<em>脱贫</em>" + "&amp;".repeat(200);
    for (String f : Highlights.fragments(html, 160, 100, 3)) {
      assertThat(f.replaceAll("&(lt|gt|amp);", "")).doesNotContain("&");
    }
  }

  @Test
  void a_long_paragraph_without_a_match_starts_at_its_beginning() {
    String html = "字".repeat(500);
    assertThat(Highlights.fragments(html, 160, 100, 3)).containsExactly("字".repeat(100) + "…");
  }

  @Test
  void a_mark_cut_by_the_window_start_is_reopened() {
    String html = "<em>" + "长".repeat(200) + "</em>" + "尾".repeat(200);
    String f = Highlights.fragments(html, 160, 100, 3).get(0);
    assertThat(f.split("<em>", -1).length).isEqualTo(f.split("</em>", -1).length);
  }
}

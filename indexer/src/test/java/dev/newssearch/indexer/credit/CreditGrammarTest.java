package dev.newssearch.indexer.credit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newssearch.indexer.credit.CreditSpans.Credit;
import dev.newssearch.indexer.enrich.Surnames;
import java.time.MonthDay;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** Every credit form the pipeline reads, on text printed in the seed pages: one grammar, one test file. */
class CreditGrammarTest {

  private final CreditSpans credits = new CreditSpans(Surnames.load());

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

  // ---- bylines: the credit part parsed into reporters and contributors

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
  void letter_spaced_byline_names_are_joined() {
    assertThat(Byline.parse("本报记者 王 婷").reporters()).containsExactly("王婷");
    assertThat(Byline.parse("本报记者 王 婷").source()).isEqualTo("本报");
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

  // ---- datelines and lead markers

  @Test
  void a_xinhua_dateline_gives_place_month_and_day() {
    Matcher m = CreditGrammar.XINHUA_DATELINE.matcher("据新华社北京3月27日电 （记者 侯雪静）记者27日从国务院扶贫办了解到");
    assertThat(m.lookingAt()).isTrue();
    assertThat(m.group(1)).isEqualTo("据");
    assertThat(m.group(2)).isEqualTo("北京");
    assertThat(MonthDay.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)))).isEqualTo(MonthDay.of(3, 27));
  }

  @Test
  void our_own_paper_opens_with_benbaoxun_or_a_dated_dateline() {
    assertThat(CreditGrammar.OWN_DATELINE.matcher("本报讯 （记者 黄乔 实习生 舒畅）3月26日至27日").lookingAt()).isTrue();
    Matcher m = CreditGrammar.OWN_DATELINE.matcher("本报北京3月27日电 记者27日获悉");
    assertThat(m.lookingAt()).isTrue();
    assertThat(m.group(1)).isEqualTo("北京");
    assertThat(m.group(2)).isEqualTo("3");
  }

  @Test
  void a_dated_dateline_may_end_in_xun_as_well_as_dian() {
    Matcher m = CreditGrammar.OWN_DATELINE.matcher("本报上海6月17日讯 记者从市交通局获悉，地铁新线本月通车。");
    assertThat(m.lookingAt()).isTrue();
    assertThat(m.group(1)).isEqualTo("上海");
    assertThat(MonthDay.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))).isEqualTo(MonthDay.of(6, 17));
  }

  @Test
  void a_reporter_or_correspondent_of_our_paper_is_no_dateline() {
    assertThat(CreditGrammar.OWN_DATELINE.matcher("本报通讯员张明报道，全县今年新修道路百余公里。").lookingAt()).isFalse();
    assertThat(CreditGrammar.OWN_DATELINE.matcher("本报记者李华电话采访了这位老人。").lookingAt()).isFalse();
  }

  @Test
  void story_starts_and_marker_only_lines_are_recognised() {
    assertThat(CreditGrammar.STORY_START.matcher("新华社北京3月27日电 国家主席习近平27日晚同沙特国王萨勒曼通电话。").find()).isTrue();
    assertThat(CreditGrammar.STORY_START.matcher("● 3月26日，重庆警备区召开推进会").find()).isTrue();
    assertThat(CreditGrammar.STORY_START.matcher("来源：《求是》2020/05 作者：习近平").find()).isTrue();
    assertThat(CreditGrammar.STORY_START.matcher("新华社记者在采访中看到").find()).isFalse();
    assertThat(CreditGrammar.MARKER_ONLY.matcher("本报讯 记者王泽勇报道").matches()).isTrue();
    assertThat(CreditGrammar.MARKER_ONLY.matcher("本报讯 近日，包括美妆").matches()).isFalse();
  }

  @Test
  void standalone_credit_lines_publication_and_source_lines() {
    assertThat(CreditGrammar.CREDIT_LINE.matcher("（据新华社北京3月27日电）").matches()).isTrue();
    assertThat(CreditGrammar.CREDIT_LINE.matcher("新华社记者 赵 戈 摄").matches()).isTrue();
    Matcher pub = CreditGrammar.PUBLICATION.matcher("《人民日报》（2020年02月24日 01 版）");
    assertThat(pub.matches()).isTrue();
    assertThat(pub.group(1)).isEqualTo("人民日报");
    assertThat(pub.group(5)).isEqualTo("01");
    Matcher src = CreditGrammar.SOURCE_LINE.matcher("来源：《求是》2020/05 作者：习近平");
    assertThat(src.matches()).isTrue();
    assertThat(src.group(1)).isEqualTo("求是");
    assertThat(src.group(3)).isEqualTo("习近平");
  }

  @Test
  void a_credit_line_is_known_without_its_pattern_only_where_the_pattern_agrees() {
    List<String> lines = List.of("（据新华社北京3月27日电）", "新华社记者 赵 戈 摄", "本报记者 韦 伟丽", "□ 本报记者 邱彤静",
        "《人民日报》（2020年02月24日 01 版）", "来源：《求是》2020/05 作者：习近平", "(记者 颜安)",
        "新冠肺炎疫情突如其来，给全球", "记者从国家卫健委获悉，截至", "《求是》杂志发表重要文章", "");
    for (String line : lines) {
      assertThat(CreditGrammar.isCreditLine(line)).as(line)
          .isEqualTo(!line.isEmpty() && CreditGrammar.CREDIT_LINE.matcher(line).matches());
    }
    assertThat(lines.stream().filter(CreditGrammar::isCreditLine)).hasSize(7);
  }

  @Test
  void a_bracketed_group_is_a_credit_only_when_it_names_a_role_or_only_names() {
    assertThat(CreditGrammar.isCredit("记者 颜安")).isTrue();
    assertThat(CreditGrammar.isCredit("刘娟娟 张建峰")).isTrue();
    assertThat(CreditGrammar.isCredit("截至2019年底")).isFalse();
    assertThat(CreditGrammar.isCredit("上接1版")).isFalse();
  }
}

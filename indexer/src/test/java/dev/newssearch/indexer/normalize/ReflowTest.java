package dev.newssearch.indexer.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newssearch.indexer.source.TextCleaner;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Layout rules found on generated dev pages, each on a small page written for the rule (no corpus text). */
class ReflowTest {
  private static final Reflow REFLOW = Reflow.create();

  private static List<String> blocks(String page) {
    return REFLOW.reflow(TextCleaner.clean(page)).blocks().stream()
        .flatMap(b -> b.kind() == Block.Kind.HEADING
            ? b.lines().stream().map(l -> "HEADING\t" + l)
            : Stream.of(b.kind() + "\t" + b.text()))
        .toList();
  }

  /** Eleven long lines of running web text, so the page reads as one paragraph per line. */
  private static final String WEB_PARAGRAPHS = """
      今年秋天，县里为山区学校招聘了四十多名年轻教师，他们大多来自省内的师范院校，报到后先到县城集中培训一周。
      新教师到校以后，学校为每人安排了一位老教师带教，听课、备课、批改作业都有人手把手地教，大家进步很快。
      """.repeat(5);

  @Test
  void a_dash_subtitle_ending_on_a_particle_is_not_run_into_the_paragraph_under_it() {
    String page = """
        山区学校来了新老师
        ——记者在县城走访的

        今年秋天，县里为山区学校招聘
        了四十多名年轻教师，他们大多来
        自省内的师范院校，报到后先到县
        城集中培训一周，再分到各个乡镇
        的学校去。新教师到校以后，学校
        为每人安排了一位老教师带教，听
        课、备课、批改作业都有人手把手
        地教，大家进步很快。
        """;
    assertThat(blocks(page)).containsExactly(
        "HEADING\t山区学校来了新老师",
        "HEADING\t——记者在县城走访的",
        "BODY\t今年秋天，县里为山区学校招聘了四十多名年轻教师，他们大多来自省内的师范院校，报到后先到县城集中培训一周，"
            + "再分到各个乡镇的学校去。新教师到校以后，学校为每人安排了一位老教师带教，听课、备课、批改作业都有人手把手地教，"
            + "大家进步很快。");
  }

  @Test
  void a_short_web_lead_opening_with_its_dateline_is_a_paragraph_not_a_headline() {
    String page = WEB_PARAGRAPHS + "本报讯（记者 王小明）全村的自来水管道昨天接通了\n" + WEB_PARAGRAPHS;
    assertThat(blocks(page)).contains("BODY\t本报讯（记者 王小明）全村的自来水管道昨天接通了")
        .noneMatch(b -> b.startsWith("HEADING"));
  }

  @Test
  void a_web_line_that_runs_on_past_a_full_stop_is_a_paragraph_that_lost_its_final_stop() {
    String page = WEB_PARAGRAPHS + "两个月来只发出了一万多张卡。村里又为他家解决了2000元贷款\n" + WEB_PARAGRAPHS;
    assertThat(blocks(page)).contains("BODY\t两个月来只发出了一万多张卡。村里又为他家解决了2000元贷款")
        .noneMatch(b -> b.startsWith("HEADING"));
  }

  /** A web page that sets its headline apart with a blank line, as web pages do. */
  private static final String WEB_HEADED = "山区学校来了新老师\n\n" + WEB_PARAGRAPHS;

  @Test
  void a_short_web_line_run_straight_between_two_paragraphs_is_a_paragraph_that_lost_its_final_stop() {
    String lost = "这是全县第一次集中招聘乡村教师";
    List<String> b = blocks(WEB_HEADED + lost + "\n" + WEB_PARAGRAPHS);
    assertThat(b).contains("BODY\t" + lost, "HEADING\t山区学校来了新老师");
    // first under a headline and its blank, it is the story's first paragraph
    assertThat(blocks(WEB_PARAGRAPHS + "山区学校来了新老师\n\n" + lost + "\n" + WEB_PARAGRAPHS)).contains("BODY\t" + lost);
    // set apart by a blank line it is a headline again
    assertThat(blocks(WEB_HEADED + lost + "\n\n" + WEB_PARAGRAPHS)).contains("HEADING\t" + lost);
  }

  @Test
  void a_web_column_name_before_a_colon_and_a_line_above_a_byline_stay_headlines() {
    String column = "人民论坛：办好山区学校要靠人";
    assertThat(blocks(WEB_HEADED + column + "\n" + WEB_PARAGRAPHS)).contains("HEADING\t" + column);
    String title = "这是全县第一次集中招聘乡村教师";
    assertThat(blocks(WEB_HEADED + title + "\n本报记者 王小明\n" + WEB_PARAGRAPHS)).contains("HEADING\t" + title);
  }

  @Test
  void a_short_web_line_above_a_closing_credit_or_at_the_end_of_the_page_ends_its_story() {
    String lost = "新教师们表示一定要在山区扎下根来";
    assertThat(blocks(WEB_HEADED + lost + "\n（新华社记者 王小明 李红）\n" + WEB_PARAGRAPHS)).contains("BODY\t" + lost);
    assertThat(blocks(WEB_HEADED + lost + "\n")).endsWith("BODY\t" + lost);
    // an editor line and the blank under it end the page as well; a "（下转2版）" marker ends the story's text here
    assertThat(blocks(WEB_HEADED + lost + "\n（责任编辑：王小明）\n\n")).endsWith("BODY\t" + lost);
    assertThat(blocks(WEB_HEADED + lost + "\n（下转第二版）\n\n校舍改造全面铺开\n\n" + WEB_PARAGRAPHS))
        .contains("BODY\t" + lost, "HEADING\t校舍改造全面铺开");
  }

  @Test
  void the_newline_ending_a_file_is_not_a_blank_line_under_its_last_paragraph() {
    String last = "学校的规矩是老校长定的，上课时，老校长站在讲台上看着大家，维护课堂纪律";
    assertThat(blocks(WEB_PARAGRAPHS + last + "\n")).endsWith("BODY\t" + last);
  }

  @Test
  void a_number_broken_at_the_end_of_a_column_line_is_joined_without_a_space() {
    String page = """
        村里为他家解决了30
        00元贷款，又帮他联系了一家
        工厂。
        """;
    assertThat(blocks(page)).containsExactly("BODY\t村里为他家解决了3000元贷款，又帮他联系了一家工厂。");
  }

  /** Eight double-spaced column lines, so the page reads as double spaced. */
  private static final String DOUBLE_SPACED = """
      今年秋天，县里为山区学校招聘

      了四十多名年轻教师，他们大多

      来自省内的师范院校，报到后先

      到县城集中培训一周，再分到各

      个乡镇的学校去。

      """;

  @Test
  void a_line_ending_on_a_quotation_runs_on_when_the_next_line_opens_on_a_particle() {
    String page = DOUBLE_SPACED + """
        老校长正是在“严格”与“宽容”

        的平衡中摸索出来的。他常说，

        孩子们都是好孩子。

        """ + DOUBLE_SPACED;
    assertThat(blocks(page)).contains("BODY\t老校长正是在“严格”与“宽容”的平衡中摸索出来的。他常说，孩子们都是好孩子。")
        .noneMatch(b -> b.startsWith("HEADING"));
  }

  @Test
  void a_full_column_line_ending_on_a_quotation_is_cut_running_text_and_a_shorter_one_is_a_headline() {
    String page = DOUBLE_SPACED + """
        新建的“希望”小学和“春蕾”

        幼儿园今天同时开学，家长们都

        很高兴。

        """ + DOUBLE_SPACED;
    assertThat(blocks(page)).contains("BODY\t新建的“希望”小学和“春蕾”幼儿园今天同时开学，家长们都很高兴。")
        .noneMatch(b -> b.startsWith("HEADING"));
    // one cell past the column: the closing quotation hangs in the margin
    assertThat(blocks(page.replace("新建的“希望”", "县新建的“希望”"))).noneMatch(b -> b.startsWith("HEADING"));
    String headline = DOUBLE_SPACED + """
        乡村教师当好“领路人”

        """ + DOUBLE_SPACED;
    assertThat(blocks(headline)).contains("HEADING\t乡村教师当好“领路人”");
  }

  @Test
  void a_short_unpunctuated_line_under_a_full_line_ending_on_an_ellipsis_is_a_headline() {
    String page = DOUBLE_SPACED + """
        第二天一早，老校长来到教室里

        一看，桌上的礼品还摆在那里……

        山里的孩子爱读书

        县里为山区学校招聘了四十多名

        年轻教师，大家进步很快。

        """ + DOUBLE_SPACED;
    assertThat(blocks(page)).contains("BODY\t第二天一早，老校长来到教室里一看，桌上的礼品还摆在那里……",
        "HEADING\t山里的孩子爱读书");
  }

  @Test
  void three_lines_with_a_sentence_ended_by_an_ellipsis_inside_are_running_text_that_lost_its_last_stop() {
    String page = DOUBLE_SPACED + """
        第二天一早，老校长来到教室里

        一看，桌上的礼品还摆在那里……

        孩子们的心意他都记在了心上
        """;
    assertThat(blocks(page)).endsWith(
        "BODY\t第二天一早，老校长来到教室里一看，桌上的礼品还摆在那里……孩子们的心意他都记在了心上");
  }

  @Test
  void text_closed_by_a_continued_on_marker_is_a_paragraph_that_lost_its_stop_not_a_headline() {
    String page = DOUBLE_SPACED + """
        新学期开始以后，全县还将陆续

        招聘一批音乐和美术老师

        （下转第二版）

        """ + DOUBLE_SPACED;
    assertThat(blocks(page)).contains("BODY\t新学期开始以后，全县还将陆续招聘一批音乐和美术老师")
        .noneMatch(b -> b.startsWith("HEADING"));
  }

  @Test
  void two_lines_of_clauses_with_a_sentence_ended_inside_are_running_text_not_a_headline() {
    String page = DOUBLE_SPACED + """
        新学期已经开始，大家干劲很足。学

        校的新操场下个月完工
        """;
    assertThat(blocks(page)).contains("BODY\t新学期已经开始，大家干劲很足。学校的新操场下个月完工")
        .noneMatch(b -> b.startsWith("HEADING"));
  }

  @Test
  void a_short_line_under_a_byline_is_the_story_s_first_paragraph_not_a_headline() {
    String page = WEB_PARAGRAPHS + "□ 本报记者 王小明\n这是全村人盼了多年的一件大事\n" + WEB_PARAGRAPHS;
    assertThat(blocks(page)).contains("TRAILER\t□ 本报记者 王小明", "BODY\t这是全村人盼了多年的一件大事")
        .noneMatch(b -> b.startsWith("HEADING"));
  }

  @Test
  void a_headline_a_word_short_of_the_column_above_a_blank_is_no_column_break() {
    // paragraphs whose first lines fill the column: the page sets no indent
    String paragraph = """
        这些山，同样让人尊崇，让人赞叹，让人
        喜爱。
        """;
    String page = paragraph.repeat(4) + """

        为什么山里的新学校盖得这样快呢

        在他的家里，他指着满满一柜子的英文书
        说，离开家乡时，他要把这些书全部捐给
        村里的小学，让孩子们从小就能读到好书
        。
        """ + paragraph.repeat(4);
    assertThat(blocks(page)).contains("HEADING\t为什么山里的新学校盖得这样快呢")
        .anyMatch(b -> b.startsWith("BODY\t在他的家里，"));
  }

  @Test
  void a_dateline_whose_据_was_wrapped_onto_the_line_above_stays_in_its_paragraph() {
    String page = DOUBLE_SPACED + """
        学校的新操场下个月完工。据

        新华社北京6月17日电，今年各地

        新建的乡村学校比去年多了一成。

        """ + DOUBLE_SPACED;
    assertThat(blocks(page)).contains("BODY\t学校的新操场下个月完工。据新华社北京6月17日电，今年各地新建的乡村学校比去年多了一成。");
  }

  @Test
  void a_weather_table_filling_the_column_without_punctuation_is_running_text_not_a_headline() {
    String page = """
        下面是明天各地的天气预报，供读者
        参考。

        北京多云转晴15℃／27℃天津多云
        16℃／28℃石家庄阴转多云16℃／
        27℃太原多云13℃／29℃呼和浩特
        晴11℃／26℃沈阳小雨转晴13℃／
        27℃大连多云转晴16℃／23℃
        """;
    assertThat(blocks(page)).containsExactly("BODY\t下面是明天各地的天气预报，供读者参考。",
        "BODY\t北京多云转晴15℃／27℃天津多云16℃／28℃石家庄阴转多云16℃／27℃太原多云13℃／29℃呼和浩特晴11℃／26℃"
            + "沈阳小雨转晴13℃／27℃大连多云转晴16℃／23℃");
  }

  @Test
  void a_web_item_line_with_the_next_item_under_it_is_a_list_item_not_a_numbered_heading() {
    String page = WEB_PARAGRAPHS + "一、新来的老师们对山区孩子的学习情况很关心\n"
        + "二、学校决定，每个班都要配一名年轻教师和一名老教师，共同负责全班的教学工作。\n" + WEB_PARAGRAPHS;
    assertThat(blocks(page)).contains("BODY\t一、新来的老师们对山区孩子的学习情况很关心")
        .noneMatch(b -> b.startsWith("HEADING"));
  }

  /** Three paragraphs about a village school, to be hard-wrapped at a column width by {@link #column}. */
  private static final List<String> SCHOOL = List.of(
      "今年秋天县里为山区学校招聘了四十多名年轻教师，他们大多来自省内的师范院校，报到后先到县城集中培训一周。",
      "新教师到校以后，学校为每人安排了一位老教师带教，听课、备课、批改作业都有人手把手地教，大家进步很快。",
      "村里的老人说，过去孩子们要走两个小时的山路才能到镇上读书，现在学校就在家门口，家长们都放心了。");
  private static final List<String> SCHOOL_REVERSED = List.of(SCHOOL.get(2), SCHOOL.get(1), SCHOOL.get(0));

  /** The paragraphs hard-wrapped at {@code width} characters, a blank line under each, as a column prints them. */
  private static String column(int width, List<String> paragraphs) {
    StringBuilder b = new StringBuilder();
    for (String p : paragraphs) {
      for (int i = 0; i < p.length(); i += width) b.append(p, i, Math.min(p.length(), i + width)).append('\n');
      b.append('\n');
    }
    return b.toString();
  }

  @Test
  void a_headline_one_cell_wider_than_the_column_above_a_blank_is_no_column_break() {
    String page = column(16, SCHOOL) + "山区学校新来的年轻教师在大山里扎根\n\n" + column(16, SCHOOL_REVERSED);
    assertThat(blocks(page)).contains("HEADING\t山区学校新来的年轻教师在大山里扎根", "BODY\t" + SCHOOL.get(2));
  }

  @Test
  void a_headline_ending_on_a_noun_such_as_行为_is_not_run_into_the_paragraph_under_it() {
    String page = column(16, SCHOOL) + "严查景区乱收费行为\n\n" + column(16, SCHOOL_REVERSED);
    assertThat(blocks(page)).contains("HEADING\t严查景区乱收费行为", "BODY\t" + SCHOOL.get(2));
  }

  @Test
  void a_line_ending_on_a_particle_still_runs_on_into_the_next_line() {
    assertThat(Reflow.endsOnFunctionWord("学校为每人安排了")).isTrue();
    assertThat(Reflow.endsOnFunctionWord("孩子们对新老师的")).isTrue();
    assertThat(Reflow.endsOnFunctionWord("严查景区乱收费行为")).isFalse();
    assertThat(Reflow.endsOnFunctionWord("保护好每一寸土地")).isFalse();
  }

  @Test
  void the_last_word_of_a_line_is_read_from_its_last_phrase_not_the_whole_line() {
    assertThat(Reflow.lastWords("新冠肺炎疫情发生后，学校为每人安排了")).isEqualTo("学校为每人安排了");
    assertThat(Reflow.lastWords("全国各地严查景区乱收费行为")).isEqualTo("严查景区乱收费行为".substring(1));
    assertThat(Reflow.endsOnFunctionWord("新冠肺炎疫情发生后，学校为每人安排了")).isTrue();
    assertThat(Reflow.endsOnFunctionWord("全国各地严查景区乱收费行为")).isFalse();
  }

  @Test
  void a_kicker_ending_on_的_set_wider_than_the_column_is_a_headline_with_the_title_under_it() {
    String page = column(11, SCHOOL) + "山里孩子们脸上的笑容是最灿烂的\n新学校里传出了琅琅读书声\n\n" + column(11, SCHOOL_REVERSED);
    assertThat(blocks(page)).contains("HEADING\t山里孩子们脸上的笑容是最灿烂的", "HEADING\t新学校里传出了琅琅读书声",
        "BODY\t" + SCHOOL.get(2));
  }

  @Test
  void a_headline_above_a_dash_subtitle_wider_than_the_column_is_not_run_into_the_paragraph() {
    String page = column(12, SCHOOL) + "县里为山区学校招聘新教师\n——四十多名师范毕业生走上讲台\n\n" + column(12, SCHOOL_REVERSED);
    assertThat(blocks(page)).contains("HEADING\t县里为山区学校招聘新教师", "HEADING\t——四十多名师范毕业生走上讲台",
        "BODY\t" + SCHOOL.get(2));
  }

  @Test
  void a_double_spaced_line_wider_than_a_median_pulled_down_by_headlines_stays_in_its_paragraph() {
    StringBuilder page = new StringBuilder();
    for (String p : List.of(SCHOOL.get(0), SCHOOL.get(1), SCHOOL.get(2), SCHOOL.get(0), SCHOOL.get(1), SCHOOL.get(2))) {
      for (int i = 0; i < p.length(); i += 20) page.append(p, i, Math.min(p.length(), i + 20)).append("\n\n");
    }
    page.append("""
        学校图书室的书

        □ 本报记者 王小明

        县里今年新建的三所乡村小学已经全部投入

        使用。

        山区教育迎来新变化

        2020年新建校舍三所
        """);
    assertThat(blocks(page.toString())).contains("BODY\t县里今年新建的三所乡村小学已经全部投入使用。");
  }

  @Test
  void clauses_right_above_a_closing_credit_are_the_story_s_last_paragraph_not_a_headline() {
    String page = column(17, SCHOOL) + "新学校的钟声在山谷里回荡，孩子们的\n日子有了新的盼头\n\n（新华社记者 王小明 李文）\n\n"
        + column(17, SCHOOL_REVERSED);
    assertThat(blocks(page)).contains("BODY\t新学校的钟声在山谷里回荡，孩子们的日子有了新的盼头", "TRAILER\t（新华社记者 王小明 李文）")
        .noneMatch(b -> b.startsWith("HEADING"));
  }

  @Test
  void a_bulleted_item_of_a_list_of_briefs_running_over_two_lines_is_a_paragraph() {
    String page = column(17, SCHOOL) + "●县文化馆：《山村教师》作者：王小\n明2020年第三期\n\n" + column(17, SCHOOL_REVERSED);
    assertThat(blocks(page)).contains("BODY\t●县文化馆：《山村教师》作者：王小明2020年第三期")
        .noneMatch(b -> b.startsWith("HEADING"));
  }
}

package dev.newssearch.indexer.segment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newssearch.indexer.dates.PageDate;
import dev.newssearch.indexer.dates.StoryDates;
import dev.newssearch.indexer.dates.YearSource;
import dev.newssearch.indexer.normalize.Drop;
import dev.newssearch.indexer.normalize.Reflow;
import dev.newssearch.indexer.source.TextCleaner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each part of the segment stage on its own, on excerpts of the seed pages (src/test/resources/pipeline/reflow). */
class SegmentPartsTest {
  private static final Path DIR = Path.of("src/test/resources/pipeline/reflow");
  private static final Reflow REFLOW = Reflow.create();

  private static Reflow.Page page(String name) throws IOException {
    return REFLOW.reflow(TextCleaner.clean(Files.readString(DIR.resolve(name + ".txt"))));
  }

  @Test
  void lead_parser_cuts_bullets_and_bracketed_bylines_and_leaves_headlines_for_later() throws IOException {
    Reflow.Page p = page("000_headline_after_body_and_briefs");
    LeadParser.Parsed parsed = LeadParser.parse(p);
    assertThat(parsed.drafts()).hasSize(2);
    Draft first = parsed.drafts().get(0);
    assertThat(first.texts()).containsExactly(
        "3月27日，我市在黔江区召开渝东南武陵山区城镇群整改落实中央脱贫攻坚专项巡视“回头看”和2019年国家脱贫攻坚成效考核反馈意见暨挂牌督战深度贫困乡镇脱贫攻坚现场推进会，副市长李明清出席会议。");
    assertThat(first.reporters()).containsExactly("颜安");
    assertThat(first.credits()).containsExactly("（记者 颜安）");
    Draft second = parsed.drafts().get(1);
    assertThat(second.texts()).containsExactly("3月27日，渝中区举行2020重庆·渝中春夏消费季启动仪式，副市长李波出席活动。");
    assertThat(second.reporters()).containsExactly("杨骏");
    assertThat(parsed.headingBlocks().stream().mapToInt(b -> p.blocks().get(b).lines().size()).sum()).isEqualTo(3);
  }

  @Test
  void a_closing_credit_naming_other_reporters_than_the_lead_closes_the_story_under_the_inner_headline()
      throws IOException {
    Reflow.Page p = page("000_unmarked_story_after_credited_lead");
    List<Draft> drafts = LeadParser.parse(p).drafts();
    assertThat(drafts).hasSize(2);
    assertThat(drafts.get(0).reporters()).containsExactly("颜安");
    assertThat(drafts.get(0).dateline()).isEqualTo(MonthDay.of(3, 27));
    assertThat(drafts.get(0).texts()).hasSize(1);
    Draft second = drafts.get(1);
    assertThat(second.texts()).containsExactly("3月27日，渝中区举行2020重庆·渝中春夏消费季启动仪式，副市长李波出席活动。");
    assertThat(second.reporters()).containsExactly("杨骏");
    assertThat(second.dateline()).as("the first story's dateline does not date the second").isNull();
    assertThat(second.startBlock()).isGreaterThan(drafts.get(0).endBlock());
  }

  @Test
  void a_closing_credit_repeating_the_lead_reporter_keeps_the_inner_headline_a_subhead() throws IOException {
    String text = Files.readString(DIR.resolve("000_unmarked_story_after_credited_lead.txt")).replace("杨骏", "颜安");
    List<Draft> drafts = LeadParser.parse(REFLOW.reflow(TextCleaner.clean(text))).drafts();
    assertThat(drafts).hasSize(1);
    assertThat(drafts.get(0).texts()).hasSize(2);
  }

  @Test
  void a_continued_on_marker_ends_the_wire_story_so_the_unmarked_story_below_is_not_dated_by_its_dateline() {
    String text = String.join("\n",
        "新华社兰州5月6日电（记者 马林）甘肃省今年",
        "计划新修农村公路三千公里，重点解决",
        "偏远山区群众出行难的问题。",
        "（下转第三版）",
        "",
        "省里今年还将安排专项资金，支持贫困",
        "村改造危旧校舍，让孩子们在安全的教",
        "室里上课。",
        "");
    List<Draft> drafts = LeadParser.parse(REFLOW.reflow(TextCleaner.clean(text))).drafts();
    assertThat(drafts).hasSize(2);
    assertThat(drafts.get(0).dateline()).isEqualTo(MonthDay.of(5, 6));
    assertThat(drafts.get(1).texts()).containsExactly("省里今年还将安排专项资金，支持贫困村改造危旧校舍，让孩子们在安全的教室里上课。");
    assertThat(drafts.get(1).dateline()).isNull();
    // without the marker the two paragraphs read as one story: the marker alone made the cut
    List<Draft> unmarked = LeadParser.parse(REFLOW.reflow(TextCleaner.clean(text.replace("（下转第三版）\n", "")))).drafts();
    assertThat(unmarked).hasSize(1);
  }

  @Test
  void a_headline_with_a_dash_subtitle_after_a_wire_story_opens_a_new_story_and_a_bare_subhead_does_not() {
    String story = String.join("\n",
        "新华社兰州5月6日电（记者 马林）甘肃省今年",
        "计划新修农村公路三千公里，重点解决",
        "偏远山区群众出行难的问题。",
        "",
        "山区公路修到了家门口",
        "——记农村公路建设中的几个村",
        "",
        "省里今年还将安排专项资金，支持贫困",
        "村改造危旧校舍，让孩子们在安全的教",
        "室里上课。",
        "");
    List<Draft> drafts = LeadParser.parse(REFLOW.reflow(TextCleaner.clean(story))).drafts();
    assertThat(drafts).hasSize(2);
    assertThat(drafts.get(1).dateline()).isNull();
    String subhead = story.replace("——记农村公路建设中的几个村\n", "");
    assertThat(LeadParser.parse(REFLOW.reflow(TextCleaner.clean(subhead))).drafts()).hasSize(1);
  }

  @Test
  void two_headlines_apart_between_a_wire_story_and_an_unmarked_one_split_them_and_a_two_line_subhead_does_not() {
    String page = String.join("\n",
        "新华社兰州5月6日电（记者 马林）甘肃省今年",
        "计划新修农村公路三千公里，重点解决",
        "偏远山区群众出行难的问题。",
        "",
        "山区公路修到了家门口",
        "",
        "校舍改造全面铺开",
        "",
        "省里今年还将安排专项资金，支持贫困",
        "村改造危旧校舍，让孩子们在安全的教",
        "室里上课。",
        "");
    List<Draft> drafts = LeadParser.parse(REFLOW.reflow(TextCleaner.clean(page))).drafts();
    assertThat(drafts).hasSize(2);
    assertThat(drafts.get(1).dateline()).isNull();
    // the same two lines set together, with no blank between them, are one subhead broken over two lines
    String subhead = page.replace("家门口\n\n校舍", "家门口\n校舍");
    assertThat(LeadParser.parse(REFLOW.reflow(TextCleaner.clean(subhead))).drafts()).hasSize(1);
  }

  @Test
  void a_bracketed_note_amid_a_story_is_its_text_and_ends_the_paragraph_the_column_wrapped_it_from() {
    String page = String.join("\n",
        "本报讯（记者 马林）甘肃省今年计划新修",
        "农村公路三千公里，重点解决偏远山区群",
        "众出行难的问题。山区公路修到了家门口",
        "",
        "（附图片2张）",
        "",
        "省里今年还将安排专项资金，支持贫困",
        "村改造危旧校舍，让孩子们在安全的教",
        "室里上课。",
        "");
    LeadParser.Parsed parsed = LeadParser.parse(REFLOW.reflow(TextCleaner.clean(page)));
    assertThat(parsed.drafts()).hasSize(1);
    assertThat(parsed.drafts().get(0).texts()).containsExactly(
        "甘肃省今年计划新修农村公路三千公里，重点解决偏远山区群众出行难的问题。山区公路修到了家门口（附图片2张）",
        "省里今年还将安排专项资金，支持贫困村改造危旧校舍，让孩子们在安全的教室里上课。");
    assertThat(parsed.headingBlocks()).isEmpty();
    // after a finished sentence the note is a paragraph of its own
    List<Draft> own = LeadParser.parse(REFLOW.reflow(TextCleaner.clean(page.replace("修到了家门口\n", "修到了家门口。\n"))))
        .drafts();
    assertThat(own.get(0).texts()).contains("（附图片2张）");
  }

  @Test
  void lead_parser_reads_a_box_byline_and_a_wire_dateline() throws IOException {
    LeadParser.Parsed byline = LeadParser.parse(page("004_double_spaced_headlines_and_byline"));
    assertThat(byline.drafts()).hasSize(1);
    assertThat(byline.drafts().get(0).source()).isEqualTo("本报");
    assertThat(byline.drafts().get(0).reporters()).containsExactly("王婷");
    LeadParser.Parsed wire = LeadParser.parse(page("002_headlines_then_wide_lead"));
    Draft lead = wire.drafts().get(0);
    assertThat(lead.source()).isEqualTo("新华社");
    assertThat(lead.credits()).containsExactly("新华社电");
    assertThat(lead.texts().get(0)).startsWith("中共中央政治局3月27日召开会议");
  }

  @Test
  void headline_printed_after_its_story_goes_to_that_story_and_unmatched_lines_are_reported() throws IOException {
    Reflow.Page p = page("000_headline_after_body_and_briefs");
    LeadParser.Parsed parsed = LeadParser.parse(p);
    HeadlineAssigner.Result r = new HeadlineAssigner(HeadlineWeights.DEFAULTS)
        .assign(p.blocks(), parsed.headingBlocks(), parsed.drafts(), false);
    List<String> first = r.drafts().get(0).headings().stream().map(Draft.Heading::line).toList();
    assertThat(first).contains("集中力量抓好问题整改", "确保如期高质量完成脱贫攻坚目标任务");
    // every headline line is either given to a story or reported, never lost
    int given = r.drafts().stream().mapToInt(d -> d.headings().size()).sum();
    assertThat(given + r.drops().size()).isEqualTo(3);
    assertThat(r.drops()).allSatisfy(d -> assertThat(d.reason()).isEqualTo(Drop.Reason.UNPLACED_HEADLINE));
  }

  @Test
  void headlines_at_the_top_go_to_the_story_that_shares_their_words() throws IOException {
    Reflow.Page p = page("002_headlines_then_wide_lead");
    LeadParser.Parsed parsed = LeadParser.parse(p);
    HeadlineAssigner.Result r = new HeadlineAssigner(HeadlineWeights.DEFAULTS)
        .assign(p.blocks(), parsed.headingBlocks(), parsed.drafts(), false);
    List<String> lines = r.drafts().stream().flatMap(d -> d.headings().stream()).map(Draft.Heading::line).toList();
    assertThat(r.drafts().get(0).headings()).extracting(Draft.Heading::line)
        .contains("习近平主持召开中共中央政治局会议", "进一步统筹推进疫情防控和经济社会发展");
    assertThat(lines.size() + r.drops().size()).isEqualTo(6);
  }

  @Test
  void title_splitter_reads_kicker_title_and_subtitle_without_touching_the_draft() {
    Draft d = new Draft(5, 9, 10, List.of(new Draft.Para("3月27日，我市召开推进会。", 10)), "本报", null, null, null,
        null, List.of(), List.of(), List.of(), List.of(
            new Draft.Heading(1, 1, "刘强在武隆区督战脱贫攻坚工作时指出", false, 0.6, 1),
            new Draft.Heading(1, 2, "集中力量抓好问题整改", false, 0.6, 3),
            new Draft.Heading(1, 3, "确保如期高质量完成脱贫攻坚目标任务", false, 0.6, 4)));
    TitleSplitter.Titles t = TitleSplitter.split(d);
    assertThat(t.kicker()).isEqualTo("刘强在武隆区督战脱贫攻坚工作时指出");
    assertThat(t.title()).isEqualTo("集中力量抓好问题整改");
    assertThat(t.subtitle()).isEqualTo("确保如期高质量完成脱贫攻坚目标任务");
    assertThat(d.headings()).hasSize(3);
  }

  @Test
  void title_splitter_returns_a_date_and_an_author_printed_under_a_speech_title() {
    Draft d = new Draft(5, 9, 10, List.of(new Draft.Para("同志们：", 10)), null, null, null, null, null, List.of(),
        List.of(), List.of(), List.of(
            new Draft.Heading(1, 1, "在决战决胜脱贫攻坚座谈会上的讲话", false, 0.8, 1),
            new Draft.Heading(1, 2, "（2020年3月6日）", false, 1, 2),
            new Draft.Heading(1, 3, "习近平", false, 1, 3)));
    TitleSplitter.Titles t = TitleSplitter.split(d);
    assertThat(t.title()).isEqualTo("在决战决胜脱贫攻坚座谈会上的讲话");
    assertThat(t.headlineDate()).isEqualTo(LocalDate.of(2020, 3, 6));
    assertThat(t.author()).isEqualTo("习近平");
    assertThat(t.printed()).containsExactly("（2020年3月6日）", "习近平");
    assertThat(d.reporters()).isEmpty();
  }

  @Test
  void web_lines_holding_kicker_title_and_subtitle_are_split_after_the_speech_verb() {
    assertThat(TitleSplitter.splitCombined("习近平在中央政治局常委会会议上强调 毫不放松抓紧抓实抓细防控工作 统筹做好经济社会发展各项工作"))
        .containsExactly("习近平在中央政治局常委会会议上强调：", "毫不放松抓紧抓实抓细防控工作", "统筹做好经济社会发展各项工作");
    assertThat(TitleSplitter.splitCombined("守望相助 共克时艰")).containsExactly("守望相助 共克时艰");
  }

  @Test
  void dates_come_from_the_best_evidence_and_an_undated_story_takes_its_page_date() {
    DateResolver resolver = new DateResolver();
    // the seeds folder states the year its pages print without one (seeds/.dates.properties)
    StoryDates.Page stated2020 = new StoryDates.Page(PageDate.NONE, PageDate.NONE, PageDate.yearOnly(2020, YearSource.DATES_FILE));
    List<DateResolver.Resolved> r = resolver.resolve(new DateResolver.PageEvidence(List.of(
        new DateResolver.Evidence(null, MonthDay.of(3, 27), "国家主席习近平27日晚同沙特国王萨勒曼通电话。"),
        new DateResolver.Evidence(null, null, "3月26日至27日，市委常委、政法委书记刘强在武隆区督战。"),
        new DateResolver.Evidence(null, null, "会议强调，要加快释放国内市场需求。"),
        new DateResolver.Evidence(LocalDate.of(2020, 2, 24), null, "新冠肺炎疫情是对中国人民生命安全的重大考验。")),
        false, stated2020));
    assertThat(r).extracting(DateResolver.Resolved::evidence)
        .containsExactly("dateline", "lead", "unknown", "publication_line");
    assertThat(r.get(0).date()).isEqualTo(LocalDate.of(2020, 3, 27));
    assertThat(r.get(1).date()).isEqualTo(LocalDate.of(2020, 3, 26));
    // the dated stories span a month here, so the undated one is not guessed
    assertThat(r.get(2).date()).isNull();
    List<DateResolver.Resolved> onePage = resolver.resolve(new DateResolver.PageEvidence(List.of(
        new DateResolver.Evidence(null, MonthDay.of(3, 27), "国家主席习近平27日晚同沙特国王萨勒曼通电话。"),
        new DateResolver.Evidence(null, null, "会议强调，要加快释放国内市场需求。")), false, stated2020));
    assertThat(onePage.get(1)).isEqualTo(new DateResolver.Resolved(LocalDate.of(2020, 3, 27), "file_context"));
    // without a stated year nothing on such a page gives one: the dates stay unknown, never a guess
    List<DateResolver.Resolved> noYear = resolver.resolve(new DateResolver.PageEvidence(List.of(
        new DateResolver.Evidence(null, MonthDay.of(3, 27), "国家主席习近平27日晚同沙特国王萨勒曼通电话。")), false,
        StoryDates.Page.NONE));
    assertThat(noYear).containsExactly(new DateResolver.Resolved(null, "unknown"));
  }

  @Test
  void a_web_summary_repeated_in_its_story_is_dropped_and_reported() {
    String bullet = "统筹推进疫情防控和经济社会发展工作要求各地区各部门抓紧抓实";
    Draft d = new Draft(0, 3, 1, List.of(new Draft.Para(bullet, 1),
        new Draft.Para("会议指出，" + bullet + "，把各项工作做得更好。", 3)), null, null, null, null, null, List.of(),
        List.of(), List.of(), List.of());
    RepeatedSummaries.Result r = RepeatedSummaries.drop(d);
    assertThat(r.draft().texts()).hasSize(1);
    assertThat(r.drops()).containsExactly(new Drop(1, Drop.Reason.REPEATED_SUMMARY, bullet));
    assertThat(d.paragraphs()).hasSize(2);
  }
}

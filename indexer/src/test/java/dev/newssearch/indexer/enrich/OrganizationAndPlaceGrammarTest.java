package dev.newssearch.indexer.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One test per grammar of organisations and places, each on a sentence written in the register of a national
 * daily (none is taken from the dev corpus, which stays outside the repository). General lists only: the
 * overrides folder is left out.
 */
class OrganizationAndPlaceGrammarTest {

  private static EntityRecognizer recognizer;

  @BeforeAll
  static void loadOnce() {
    recognizer = EntityRecognizer.loadGeneral();
  }

  private static Entities recognize(String text) {
    return recognizer.recognize(text);
  }

  @Test
  void a_country_with_a_team_ending_is_a_team() {
    assertThat(recognize("巴西队以二比一战胜了智利队。").organizations()).containsExactly("巴西队", "智利队");
  }

  @Test
  void an_institution_ending_hanlp_knows_closes_a_name_that_starts_with_a_place() {
    // 女篮 is tagged nis (an institution's ending) by HanLP; it is not in the ending list
    Entities entities = recognize("中国国家女篮昨天抵达汉城。");
    assertThat(entities.organizations()).containsExactly("中国国家女篮");
    assertThat(entities.places()).doesNotContain("中国");
  }

  @Test
  void a_provincial_party_committee_is_an_organisation_and_a_bare_one_too() {
    assertThat(recognize("湖南省委、省政府召开全省扶贫工作会议。").organizations()).containsExactly("湖南省委");
    assertThat(recognize("市委书记在会上讲话。").organizations()).containsExactly("市委");
  }

  @Test
  void a_party_named_after_its_country_is_one_organisation() {
    assertThat(recognize("英国保守党领袖发表讲话。").organizations()).containsExactly("英国保守党");
  }

  @Test
  void a_minister_named_by_the_ministry_mentions_the_ministry() {
    // HanLP reads 司法部长 as one title; the ministry is still mentioned
    Entities entities = recognize("俄罗斯司法部长在记者会上说，");
    assertThat(entities.organizations()).containsExactly("俄罗斯司法部");
    assertThat(entities.places()).isEmpty();
    // the country right before names whose ministry it is, as the body's name does in the text
    assertThat(recognize("法国外交部长表示将加强合作。").organizations()).containsExactly("法国外交部");
  }

  @Test
  void a_newspaper_cited_by_its_title_is_a_body_and_its_city_no_place() {
    Entities entities = recognize("《洛杉矶时报》今天发表评论说，谈判已陷入僵局。");
    assertThat(entities.organizations()).containsExactly("洛杉矶时报");
    assertThat(entities.places()).isEmpty();
  }

  @Test
  void a_site_named_after_its_city_is_one_place() {
    assertThat(recognize("参观者挤满了上海图书大厦的各层。").places()).containsExactly("上海图书大厦");
    assertThat(recognize("游客从西安咸阳机场出发。").places()).containsExactly("西安咸阳机场");
  }

  @Test
  void a_works_ending_closes_a_name_that_starts_with_a_place() {
    Entities entities = recognize("天津自行车厂生产的自行车远销海外。");
    assertThat(entities.organizations()).containsExactly("天津自行车厂");
    assertThat(entities.places()).isEmpty();
  }

  @Test
  void bodies_counted_or_picked_by_a_determiner_are_bodies_of_a_kind() {
    assertThat(recognize("县里数十家砖瓦厂已经关停。").organizations()).isEmpty();
    assertThat(recognize("各级妇女协会积极开展活动。").organizations()).isEmpty();
    Entities paper = recognize("他原在雅加达一家报社当编辑。");
    assertThat(paper.organizations()).isEmpty();
    assertThat(paper.places()).containsExactly("雅加达");
  }

  @Test
  void an_adjective_before_a_bare_commercial_ending_is_a_kind_of_firm() {
    assertThat(recognize("受经济危机影响，大公司的订单明显减少。").organizations()).isEmpty();
  }

  @Test
  void the_firms_of_a_country_are_no_firm_but_the_country_is_a_place() {
    Entities entities = recognize("近年来美国公司纷纷到这里投资。");
    assertThat(entities.organizations()).isEmpty();
    assertThat(entities.places()).containsExactly("美国");
  }

  @Test
  void former_before_a_body_is_not_part_of_its_name() {
    assertThat(recognize("该项目由原国家计划委员会批准。").organizations()).containsExactly("国家计划委员会");
  }

  @Test
  void a_compass_direction_with_fang_is_no_place() {
    assertThat(recognize("不少西方学者对此持怀疑态度。").places()).isEmpty();
  }

  @Test
  void a_foreign_firm_name_hanlp_cut_in_front_of_the_ending_belongs_to_the_body() {
    assertThat(recognize("法国的阿尔卡特—阿尔斯通集团签订了合同。").organizations()).containsExactly("阿尔卡特—阿尔斯通集团");
    assertThat(recognize("据荷兰的埃拉斯莫斯大学医学院报告").organizations()).containsExactly("埃拉斯莫斯大学医学院");
  }

  @Test
  void an_office_named_by_the_region_it_serves_is_a_body_although_its_ending_reads_as_a_verb() {
    assertThat(recognize("国务院港澳办副主任会见了代表团。").organizations()).containsExactly("国务院港澳办");
  }

  @Test
  void an_ordinal_session_before_a_body_is_part_of_its_name() {
    assertThat(recognize("提请第九届全国人大第一次会议审议。").organizations()).containsExactly("第九届全国人大");
  }

  @Test
  void the_bodies_of_two_countries_are_no_one_body() {
    Entities entities = recognize("中日两国中央银行联合干预汇市。");
    assertThat(entities.organizations()).isEmpty();
    assertThat(entities.places()).containsExactly("中国", "日本");
  }

  @Test
  void a_department_under_a_ministry_is_one_body_and_a_papers_office_takes_its_she() {
    assertThat(recognize("科学技术部基础研究司的官员表示").organizations()).containsExactly("科学技术部基础研究司");
    assertThat(recognize("北京日报社长在会上讲话").organizations()).containsExactly("北京日报社");
  }

  @Test
  void ordinary_words_ending_in_an_activity_before_a_commercial_ending_are_a_kind_of_firm() {
    assertThat(recognize("镇上开起了物业服务公司。").organizations()).isEmpty();
  }

  @Test
  void a_body_under_a_chain_of_administrative_places_is_named_by_the_last_of_them() {
    Entities entities = recognize("湖南省衡阳市委今天召开常委会议。");
    assertThat(entities.organizations()).containsExactly("衡阳市委");
    assertThat(entities.places()).containsExactly("湖南");
  }

  @Test
  void a_body_and_its_branch_printed_together_are_one_name() {
    assertThat(recognize("中国国际商会浙江省分会今天成立。").organizations()).containsExactly("中国国际商会浙江省分会");
  }

  @Test
  void a_verb_right_before_a_committee_ending_belongs_to_the_name() {
    assertThat(recognize("国务院扶贫协调委员会今天在京召开会议。").organizations())
        .containsExactly("国务院扶贫协调委员会");
  }

  @Test
  void a_word_hanlp_glued_in_front_of_the_place_that_starts_a_body_is_cut_off() {
    assertThat(recognize("这条航线阿根廷航空公司已经经营多年。").organizations()).containsExactly("阿根廷航空公司");
  }

  @Test
  void a_count_before_a_team_ending_is_no_team() {
    assertThat(recognize("许多队员都表示满意。").organizations()).isEmpty();
  }

  @Test
  void countries_abbreviated_in_a_relation_compound_are_places_shown_by_their_names() {
    assertThat(recognize("中美两国元首举行会谈。").places()).containsExactly("中国", "美国");
    assertThat(recognize("美方对此表示遗憾。").places()).containsExactly("美国");
    assertThat(recognize("他访华期间参观了长城。").places()).contains("中国");
    assertThat(recognize("总统进京后会见了代表。").places()).containsExactly("北京");
    Entities saudi = recognize("沙方表示愿意参与这一项目。");
    assertThat(saudi.places()).containsExactly("沙特");
    assertThat(saudi.persons()).isEmpty();
  }

  @Test
  void an_abbreviation_inside_a_longer_word_or_after_a_preposition_is_not_a_place() {
    assertThat(recognize("中美洲国家举行峰会。").places()).containsExactly("中美洲");
    assertThat(recognize("双方以中美关系大局为重。").places()).containsExactly("中国", "美国");
  }

  @Test
  void a_country_abbreviation_or_a_short_name_hanlp_cut_off_the_front_of_a_body_is_part_of_its_name() {
    // HanLP reads 柬 alone and 国民议会 as the body; 中信 it glues to 香港 and the repair of glued fronts cut it off
    assertThat(recognize("会议开幕当天，柬国民议会发表声明表示欢迎。").organizations()).containsExactly("柬国民议会");
    assertThat(recognize("中信香港有限公司的一位负责人说，业务进展顺利。").organizations())
        .containsExactly("中信香港有限公司");
  }

  @Test
  void numbered_units_after_a_body_are_its_branch_and_part_of_its_name() {
    // HanLP reads 铁道部十五局 as a body and 三 as a number: 三处 is the bureau's third division
    assertThat(recognize("铁道部十五局三处在工地召开了安全生产会议。").organizations()).containsExactly("铁道部十五局三处");
  }

  @Test
  void a_count_before_an_adjective_and_a_kind_of_firm_speaks_of_no_named_firm() {
    assertThat(recognize("成都一家著名电脑公司斥资百万买下了冠名权。").organizations()).isEmpty();
  }

  @Test
  void a_count_of_terms_after_a_verb_is_no_session_of_the_body() {
    assertThat(recognize("恭城先后换了六届县委书记、五任县长。").organizations()).containsExactly("县委");
  }

  @Test
  void a_river_takes_back_its_kind_and_a_rivers_mouth_is_the_river() {
    assertThat(recognize("密西西比河流域连降暴雨，洪水泛滥。").places()).containsExactly("密西西比河");
    assertThat(recognize("中越两国在北仑河口举行会谈。").places()).contains("北仑河").doesNotContain("北仑河口");
  }

  @Test
  void every_state_of_the_world_is_one_place_not_two_pieces() {
    assertThat(recognize("几内亚比绍总统今天发表讲话。").places()).containsExactly("几内亚比绍");
  }

  @Test
  void a_short_alias_at_the_end_of_another_bodys_name_is_not_that_body() {
    // 解放军 is an alias of 中国人民解放军, but 民族解放军 here is a Mexican guerrilla's
    assertThat(recognize("墨西哥军队摧毁了游击队组织萨帕塔全国民族解放军的训练营地。").organizations())
        .doesNotContain("中国人民解放军");
    assertThat(recognize("解放军某部官兵赶赴灾区。").organizations()).containsExactly("中国人民解放军");
  }

  @Test
  void a_factory_or_cooperative_named_only_by_what_it_makes_is_a_kind_not_a_name() {
    assertThat(recognize("开发区里有俄罗斯的蓄电池厂，也有韩国的服装厂。").organizations()).isEmpty();
    assertThat(recognize("农村信用社要把支农放在首位。").organizations()).isEmpty();
    assertThat(recognize("红星机械厂今年扭亏为盈。").organizations()).containsExactly("红星机械厂");
  }

  @Test
  void a_town_no_dictionary_holds_closes_the_administrative_chain_before_a_body() {
    Entities entities = recognize("1990年，山东省平度市崔马镇供销社营业员王秀兰被评为劳动模范。");
    assertThat(entities.organizations()).containsExactly("崔马镇供销社");
    assertThat(entities.places()).contains("山东", "平度市");
    // ordinary words ending in 村 are no town: the department keeps its province
    assertThat(recognize("海南省农业农村厅日前发出通知。").organizations()).containsExactly("海南省农业农村厅");
  }
}

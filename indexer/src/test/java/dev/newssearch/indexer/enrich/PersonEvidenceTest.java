package dev.newssearch.indexer.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newssearch.indexer.enrich.EntityRecognizer.Evidence;
import dev.newssearch.indexer.enrich.EntityRecognizer.Mention;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One test per kind of evidence and per boundary repair, each on a newspaper sentence: the seeds' text or
 * sentences written in the same register (never the dev corpus, which stays outside the repository). Every
 * test checks both that the evidence is seen and what the facet shows because of it.
 */
class PersonEvidenceTest {

  private static EntityRecognizer recognizer;

  @BeforeAll
  static void loadOnce() {
    recognizer = EntityRecognizer.loadGeneral();
  }

  private static Mention mention(String text, String name) {
    return recognizer.analyse(text).mentions().stream().filter(m -> m.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError(name + " is not a candidate in " + recognizer.analyse(text)));
  }

  /** A candidate however it scored, kept or not. */
  private static Mention candidate(String text, String name) {
    return recognizer.candidates(text).stream().filter(m -> m.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError(name + " is not a candidate in " + recognizer.candidates(text)));
  }

  private static List<String> persons(String text) {
    return recognizer.recognize(text).persons();
  }

  @Test
  void a_well_known_figure_is_known_even_inside_a_longer_word() {
    assertThat(mention("国家主席习近平同美国总统特朗普通电话。", "习近平").evidence()).contains(Evidence.KNOWN);
    assertThat(persons("要把学习邓小平理论同学习党的历史结合起来。")).containsExactly("邓小平");
  }

  @Test
  void a_title_before_an_unknown_name_makes_it_a_person() {
    assertThat(mention("市政府副市长李波出席会议。", "李波").evidence()).contains(Evidence.TITLE_BEFORE);
    assertThat(persons("市政府副市长李波出席会议。")).containsExactly("李波");
  }

  @Test
  void a_title_after_a_name_makes_it_a_person_even_when_hanlp_calls_the_whole_an_organisation() {
    // HanLP tags 李兰娟院士团队 as one organisation; the title inside it still marks the name
    assertThat(mention("李兰娟院士团队在杭州公布了最新研究成果。", "李兰娟").evidence()).contains(Evidence.TITLE_AFTER);
    assertThat(persons("李兰娟院士团队在杭州公布了最新研究成果。")).containsExactly("李兰娟");
  }

  @Test
  void a_verb_of_speech_after_a_name_makes_it_a_person() {
    String text = "“合作是必然选择。”郑泉峰说。";
    assertThat(mention(text, "郑泉峰").evidence()).contains(Evidence.SPEECH_AFTER, Evidence.FULL_NAME);
    assertThat(persons(text)).containsExactly("郑泉峰");
  }

  @Test
  void a_one_character_verb_of_speech_counts_only_before_punctuation() {
    // 道 of 街道 is not 说道: 区长 inside 硚口区长丰街道 is no title either
    assertThat(persons("乔治是湖北省民宗委下沉到武汉市硚口区长丰街道丰竹园社区的一名党员干部。")).doesNotContain("丰街");
  }

  @Test
  void a_name_beside_an_accepted_person_across_a_list_comma_is_a_person() {
    String text = "李克强主持会议，栗战书、汪洋、王沪宁、赵乐际、韩正出席会议。";
    assertThat(mention(text, "汪洋").evidence()).contains(Evidence.LIST_NEIGHBOUR);
    assertThat(persons(text)).containsExactly("李克强", "栗战书", "汪洋", "王沪宁", "赵乐际", "韩正");
  }

  @Test
  void a_known_name_that_is_also_an_ordinary_word_needs_more_evidence() {
    assertThat(mention("汪洋大海中，一叶小舟随波逐流。", "汪洋").evidence()).contains(Evidence.ORDINARY_WORD);
    assertThat(persons("汪洋大海中，一叶小舟随波逐流。")).isEmpty();
  }

  @Test
  void transliteration_characters_after_a_title_make_a_foreign_name() {
    String text = "尼日利亚总统阿巴查8日在首都去世。";
    assertThat(mention(text, "阿巴查").evidence()).contains(Evidence.TRANSLITERATION, Evidence.TITLE_BEFORE);
    assertThat(persons(text)).containsExactly("阿巴查");
  }

  @Test
  void transliterated_parts_joined_by_a_middle_dot_are_one_name() {
    String text = "巴基斯坦总理伊姆兰·汗表示，整个世界都感谢并赞赏中方应对疫情的努力和成效。";
    assertThat(mention(text, "伊姆兰·汗").evidence()).contains(Evidence.MIDDLE_DOT);
    assertThat(persons(text)).containsExactly("伊姆兰·汗");
  }

  @Test
  void a_known_name_inside_a_dotted_foreign_name_is_not_that_figure() {
    assertThat(persons("他是副司令官马克思·卢布里克的妹夫。")).doesNotContain("马克思");
  }

  @Test
  void a_surname_after_a_number_is_a_counter() {
    assertThat(persons("近日，包括美妆、小家电、服装服饰等商品的10万单跨境直邮商品搭乘中欧班列从成都国际发出。")).isEmpty();
  }

  @Test
  void a_name_whose_given_characters_are_never_given_names_is_not_accepted_on_the_tag_alone() {
    String text = "不断做优做精做强文旅融合等特色扶贫产业项目。";
    assertThat(mention(text, "强文旅").evidence()).contains(Evidence.UNUSUAL_GIVEN_NAME);
    assertThat(persons(text)).isEmpty();
  }

  @Test
  void a_name_that_starts_with_a_common_word_is_penalised() {
    assertThat(persons("要切实保障人民群众生命安全和身体健康。")).isEmpty();
  }

  @Test
  void a_subject_opening_a_clause_has_a_little_evidence() {
    String text = "刘强先后来到武隆区西山水库、天池苗寨等地，实地了解脱贫攻坚工作推进情况。";
    assertThat(mention(text, "刘强").evidence()).contains(Evidence.CLAUSE_SUBJECT, Evidence.GIVEN_NAME_CHARS);
    assertThat(persons(text)).containsExactly("刘强");
  }

  // ---------------------------------------------------------------- boundary repairs

  @Test
  void a_name_that_swallowed_the_next_word_is_cut_back() {
    assertThat(persons("春节期间，乔治因细菌感染高烧不退，2月初才康复。")).containsExactly("乔治");
    assertThat(persons("“这个问题很复杂。”乔治称：“我们还要研究。”")).containsExactly("乔治");
    assertThat(persons("美国总统克林顿当天会见了来访的客人。")).containsExactly("克林顿");
  }

  @Test
  void a_surname_with_a_count_after_it_is_no_name() {
    assertThat(persons("刘两人随后离开了会场。")).isEmpty();
  }

  @Test
  void a_preposition_glued_to_the_front_of_a_name_is_cut_off() {
    assertThat(persons("这项荣誉应归功于张志强和他的团队。")).containsExactly("张志强");
  }

  @Test
  void a_transliterated_name_hanlp_split_is_joined_again() {
    assertThat(persons("俄罗斯总理基里延科今天表示，政府将继续改革。")).containsExactly("基里延科");
  }

  @Test
  void of_two_cuts_from_one_start_the_one_that_ends_where_a_name_can_end_wins() {
    assertThat(persons("有新老作家肖乾、冯骥才、余华等人的作品。")).contains("冯骥才").doesNotContain("冯骥");
  }

  // ---------------------------------------------------------------- title forms and shared evidence

  @Test
  void a_title_form_becomes_the_full_name_the_article_gives() {
    List<Entities> article = recognizer.recognizeAll(List.of(
        "记者在村口见到了退休教师吴建国先生。",
        "吴先生告诉记者，村里的路修好了。"));
    assertThat(article.get(1).persons()).containsExactly("吴建国");
  }

  @Test
  void a_title_form_without_a_full_name_in_the_article_is_dropped() {
    assertThat(persons("李主席指出，要加快改革。")).isEmpty();
    assertThat(persons("吴先生告诉记者，他已经退休了。")).isEmpty();
  }

  @Test
  void a_name_strong_in_one_paragraph_is_trusted_in_its_weaker_mentions() {
    String weak = "据介绍，苗苗今年只有18岁。";
    assertThat(persons(weak)).isEmpty();
    List<Entities> article = recognizer.recognizeAll(List.of("中国选手苗苗说，她对比赛很有信心。", weak));
    assertThat(article.get(1).persons()).containsExactly("苗苗");
  }

  @Test
  void archive_evidence_gives_an_incremental_run_what_a_full_build_gives() {
    List<String> fileA = List.of("据介绍，苗苗今年只有18岁。");
    List<String> fileB = List.of("中国选手苗苗说，她对比赛很有信心。");
    List<EntityRecognizer.Analysis> a = fileA.stream().map(recognizer::analyse).toList();
    List<EntityRecognizer.Analysis> b = fileB.stream().map(recognizer::analyse).toList();
    Set<String> trustedFull = recognizer.strongNames(concat(a, b));
    // an incremental run keeps file A's analyses and adds B's strong names to the archive's trusted set
    Set<String> trustedIncremental = new java.util.LinkedHashSet<>(recognizer.strongNames(a));
    trustedIncremental.addAll(recognizer.strongNames(b));
    assertThat(trustedIncremental).isEqualTo(trustedFull);
    assertThat(recognizer.resolve(a, trustedIncremental)).isEqualTo(recognizer.resolve(a, trustedFull));
    assertThat(recognizer.resolve(a, trustedFull).get(0).persons()).containsExactly("苗苗");
    assertThat(recognizer.resolve(a, Set.of()).get(0).persons()).isEmpty();
  }

  @Test
  void the_score_is_the_sum_of_the_named_weights() {
    EvidenceWeights w = EvidenceWeights.DEFAULT;
    assertThat(recognizer.weigh(Set.of(Evidence.HANLP_TAG, Evidence.TITLE_BEFORE)))
        .isEqualTo(w.hanlpTag() + w.titleBefore());
    assertThat(w.strong()).isGreaterThan(w.accept());
    assertThat(w.accept()).isGreaterThan(w.weak());
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  @Test
  void a_foreign_name_hanlp_tags_in_two_pieces_is_joined_and_the_pieces_are_dropped() {
    // HanLP: 费尔南/nr 德斯/nrf
    String text = "阿根廷前锋费尔南德斯攻入一球。";
    assertThat(mention(text, "费尔南德斯").evidence()).contains(Evidence.HANLP_TAG, Evidence.TRANSLITERATION);
    assertThat(persons(text)).containsExactly("费尔南德斯");
  }

  @Test
  void a_tagged_surname_and_given_character_take_the_lone_character_after_them() {
    // HanLP: 严义/nr 埙/ng — its dictionary does not hold 埙 as a given name's last character
    String text = "上海市副市长严义埙出席了开幕式。";
    assertThat(mention(text, "严义埙").evidence()).contains(Evidence.HANLP_TAG, Evidence.TITLE_BEFORE);
    assertThat(persons(text)).containsExactly("严义埙");
  }

  // ---------------------------------------------------------------- HanLP's own dictionaries

  @Test
  void a_name_in_hanlps_dictionary_of_transliterated_persons_is_foreign_not_a_chinese_short_name() {
    String text = "德国队的穆勒在下半场攻入一球。";
    assertThat(mention(text, "穆勒").evidence()).contains(Evidence.FOREIGN_NAME).doesNotContain(Evidence.UNUSUAL_GIVEN_NAME);
    assertThat(persons(text)).containsExactly("穆勒");
  }

  @Test
  void a_place_in_hanlps_dictionary_of_transliterated_persons_stays_a_place() {
    assertThat(recognizer.recognize("代表团昨天抵达伦敦。").persons()).isEmpty();
  }

  @Test
  void a_word_hanlps_core_dictionary_knows_only_as_a_person_is_a_name_without_a_chinese_surname() {
    String text = "桥本表示，日本将尽快处理不良资产。";
    assertThat(mention(text, "桥本").evidence()).contains(Evidence.DICTIONARY_PERSON, Evidence.SPEECH_AFTER);
    assertThat(persons(text)).containsExactly("桥本");
  }

  @Test
  void a_surname_and_two_characters_hanlp_reads_one_by_one_are_an_unknown_given_name() {
    String text = "为了节省差旅经费彭小民是自己开车去的。";
    assertThat(mention(text, "彭小民").evidence()).contains(Evidence.SCATTERED_NAME, Evidence.FULL_NAME);
    assertThat(persons(text)).containsExactly("彭小民");
  }

  @Test
  void thai_and_russian_readings_are_transliteration_characters_too() {
    assertThat(persons("泰国前总理差瓦立昨天表示欢迎。")).containsExactly("差瓦立");
    assertThat(persons("执行干事彼得·皮奥在会上讲话。")).containsExactly("彼得·皮奥");
  }

  @Test
  void a_name_ends_where_a_date_starts_and_a_title_trumps_hanlps_place_guess() {
    assertThat(persons("埃及农业部长瓦利六日宣布了这一决定。")).containsExactly("瓦利");
    assertThat(persons("芬兰外长哈洛宁举行了记者招待会。")).containsExactly("哈洛宁");
  }

  @Test
  void a_listed_body_spelt_like_a_transliterated_name_is_no_person() {
    Entities entities = recognizer.recognize("俄罗斯杜马副主席别列佐夫斯基说，");
    assertThat(entities.persons()).containsExactly("别列佐夫斯基");
    assertThat(entities.organizations()).containsExactly("俄罗斯国家杜马");
  }

  @Test
  void a_go_players_rank_and_a_conductors_role_are_titles() {
    assertThat(persons("第二场比赛中，刘菁八段执白胜了对手。")).containsExactly("刘菁");
    assertThat(persons("乐团由老指挥林岚率领，四处演出。")).containsExactly("林岚");
  }

  @Test
  void a_well_known_name_after_a_dot_is_the_back_of_a_longer_name_not_the_known_person() {
    assertThat(persons("印度前总理拉·甘地曾经访问中国。")).containsExactly("拉·甘地");
  }

  @Test
  void one_part_of_a_foreign_name_joined_by_a_dash_is_no_name_of_its_own() {
    assertThat(persons("道—琼斯指数昨天上涨了。")).isEmpty();
    assertThat(persons("美国参议员约翰—格伦在招贴画上签名。")).isEmpty();
  }

  @Test
  void a_day_of_the_week_after_a_title_is_no_given_name() {
    assertThat(persons("据报道，法国总理周二晚表示赞赏。")).isEmpty();
    assertThat(persons("日本首相周日晚发表讲话。")).isEmpty();
  }

  @Test
  void transliteration_characters_hanlp_reads_one_by_one_are_a_foreign_name_beside_another_name() {
    String text = "外长会见了克林斯曼和穆勒。";
    assertThat(mention(text, "克林斯曼").evidence()).contains(Evidence.UNKNOWN_FOREIGN_RUN, Evidence.LIST_NEIGHBOUR);
    assertThat(persons(text)).containsExactly("克林斯曼", "穆勒");
  }

  @Test
  void names_joined_by_and_share_their_evidence_like_names_in_a_list() {
    String text = "亨德利和傅家峻各赢一场。";
    assertThat(mention(text, "傅家峻").evidence()).contains(Evidence.LIST_NEIGHBOUR, Evidence.FULL_NAME);
    assertThat(persons(text)).containsExactly("亨德利", "傅家峻");
    assertThat(persons("和平与发展仍是时代的主题。")).isEmpty();
  }

  @Test
  void a_given_name_character_common_in_its_other_place_is_not_unusual() {
    // 宾 seldom opens a given name but often ends one: the name is not penalised for it
    String text = "这幅山水画是黄宾虹晚年的作品。";
    assertThat(mention(text, "黄宾虹").evidence()).doesNotContain(Evidence.UNUSUAL_GIVEN_NAME);
    assertThat(persons(text)).containsExactly("黄宾虹");
  }

  @Test
  void a_piece_of_a_dotted_foreign_name_is_not_a_name_of_its_own() {
    assertThat(persons("网坛名将鲍里斯·贝克尔宣布退役。")).containsExactly("鲍里斯·贝克尔");
  }

  @Test
  void a_candidate_whose_first_two_characters_hanlp_reads_as_a_noun_is_penalised() {
    String text = "大学的皮肤学教授介绍了研究成果。";
    assertThat(persons(text)).isEmpty();
  }

  @Test
  void a_rare_character_in_a_given_name_is_not_held_against_it() {
    // 甬 is rare in HanLP's name statistics because it is rare everywhere, not because names avoid it
    String text = "路甬祥昨天在北京会见了来访的客人。";
    assertThat(mention(text, "路甬祥").evidence()).doesNotContain(Evidence.UNUSUAL_GIVEN_NAME);
    assertThat(persons(text)).containsExactly("路甬祥");
  }

  @Test
  void a_given_name_may_hold_zhi() {
    assertThat(persons("书法家王羲之的《兰亭序》被誉为天下第一行书。")).containsExactly("王羲之");
  }

  @Test
  void a_word_the_paragraph_also_prints_as_the_head_of_a_body_is_that_body() {
    assertThat(persons("这部动画片有浓厚的迪斯尼特色。")).containsExactly("迪斯尼"); // HanLP's tag alone
    assertThat(persons("这部动画片既有迪斯尼特色，迪斯尼公司为此下了大功夫。")).isEmpty();
  }

  @Test
  void a_candidate_opening_with_a_country_is_a_nationality() {
    assertThat(persons("一名巴西籍球员在比赛中受伤。")).isEmpty();
  }

  @Test
  void a_surname_hanlp_left_alone_joins_the_given_name_it_tagged() {
    // HanLP: 唐 alone, 四清/nr
    assertThat(persons("女青年得救了，可唐四清却一头栽倒在坝沿上。")).containsExactly("唐四清");
  }

  @Test
  void a_candidate_before_a_short_place_word_is_the_front_of_a_place() {
    // HanLP: 巴达赫/nr 尚省/ns
    String text = "救援组织已经抵达阿北部的巴达赫尚省。";
    assertThat(recognizer.analyse(text).mentions()).noneMatch(m -> m.name().equals("巴达赫"));
    assertThat(persons(text)).isEmpty();
  }

  @Test
  void an_aspect_particle_after_a_tagged_name_makes_it_a_verb() {
    // HanLP: 管起/nr 了/ule
    String text = "乡下农民管起了城里的集市。";
    assertThat(mention(text, "管起").evidence()).contains(Evidence.RAGGED_END);
    assertThat(persons(text)).isEmpty();
  }

  @Test
  void a_bound_character_hanlp_left_alone_after_a_name_is_the_end_of_the_name() {
    // HanLP: 梁伟/nr 棠/ng 八段/n
    assertThat(persons("围棋赛上，梁伟棠八段执黑获胜。")).containsExactly("梁伟棠");
  }

  @Test
  void the_back_of_a_name_hanlp_tagged_in_two_touching_pieces_is_not_a_name() {
    // HanLP: 周森/nr 古沙/nr; two names are never printed touching
    assertThat(persons("元老周森古沙和方炳祯出席了会议。")).containsExactly("方炳祯");
  }

  @Test
  void a_japanese_family_name_and_its_given_name_are_one_person_not_a_chinese_name_cut_from_its_middle() {
    // HanLP tags 石井幸 as a Chinese name; 石井 is a Japanese family name and 幸雄 its given name
    String text = "日方代表团团长石井幸雄说，双方将在东京继续会谈。";
    assertThat(mention(text, "石井幸雄").evidence()).contains(Evidence.JAPANESE_NAME, Evidence.TITLE_BEFORE);
    assertThat(persons(text)).containsExactly("石井幸雄");
    // HanLP's own Japanese tag (nrj) is not cut back to transliteration characters
    assertThat(mention("中曾根康弘回忆录近日在东京出版。", "中曾根康弘").evidence()).contains(Evidence.JAPANESE_NAME);
    // a family name before an ordinary word is no name: 桥本|坦率地
    assertThat(persons("桥本坦率地回答说，投资环境还不够好。")).doesNotContain("桥本坦");
  }

  @Test
  void a_position_in_a_photo_caption_after_a_name_makes_it_a_person() {
    String text = "图为刘建华（前排左二）在田间查看小麦长势。";
    assertThat(mention(text, "刘建华").evidence()).contains(Evidence.CAPTION_POSITION);
    assertThat(persons(text)).containsExactly("刘建华");
    // a short name HanLP alone would not carry
    assertThat(persons("演出结束后，王昆（左）与观众合影。")).containsExactly("王昆");
  }

  @Test
  void a_kin_word_before_a_name_is_a_role_like_a_title() {
    String text = "下岗职工李卫东抱着女儿李晓雪来到北京求医。";
    assertThat(mention(text, "李晓雪").evidence()).contains(Evidence.TITLE_BEFORE);
    assertThat(persons(text)).containsExactly("李卫东", "李晓雪");
  }

  @Test
  void a_name_followed_by_a_firms_ending_is_the_firms_name_not_a_person() {
    String text = "赞助商捷安特（中国）有限公司为本次比赛提供了奖品。";
    assertThat(candidate(text, "捷安特").evidence()).contains(Evidence.HEADS_A_BODY);
    assertThat(persons(text)).isEmpty();
  }

  @Test
  void a_piece_of_a_foreign_name_that_opens_with_a_surname_is_not_read_as_a_chinese_name() {
    // HanLP tags 尤尔科 and leaves 夫 alone; 尤 is a surname, but the run of transliteration goes on
    String text = "联邦审计署署长尤尔科夫及多名官员昨天被捕。";
    assertThat(candidate(text, "尤尔科").evidence()).contains(Evidence.RAGGED_END).doesNotContain(Evidence.FULL_NAME);
    assertThat(persons(text)).containsExactly("尤尔科夫");
  }

  @Test
  void a_well_known_name_at_the_front_of_a_sites_name_is_the_sites_not_a_mention_of_the_person() {
    assertThat(persons("探测器昨天从美国肯尼迪航天中心发射升空。")).isEmpty();
    assertThat(persons("肯尼迪总统的演说至今仍被人引用。")).containsExactly("肯尼迪");
  }

  @Test
  void a_foreign_name_before_a_river_is_the_rivers() {
    String text = "洪水冲毁了库卡尔特河堤坝，数千人无家可归。";
    assertThat(candidate(text, "库卡尔特").evidence()).contains(Evidence.PLACE_SHAPE);
    assertThat(persons(text)).isEmpty();
  }

  @Test
  void hanlps_foreign_name_after_a_dot_completes_the_dotted_name_whatever_its_characters() {
    // 廉 is no transliteration character; HanLP tags 威廉姆斯 as a foreign name
    String text = "女单比赛中，美国的塞·威廉姆斯击败了对手。";
    assertThat(mention(text, "塞·威廉姆斯").evidence()).contains(Evidence.MIDDLE_DOT);
    assertThat(persons(text)).containsExactly("塞·威廉姆斯");
  }

  @Test
  void transliteration_characters_rare_in_chinese_given_names_are_no_evidence_against_a_foreign_name() {
    String text = "金融投机家索罗斯近来频频发表评论。";
    assertThat(candidate(text, "索罗斯").evidence()).doesNotContain(Evidence.UNUSUAL_GIVEN_NAME);
    assertThat(persons(text)).containsExactly("索罗斯");
  }

  @Test
  void a_name_inside_a_bodys_name_is_the_bodys() {
    String text = "荷兰鹿特丹伊拉斯莫斯大学医学院的研究人员发现了新基因。";
    assertThat(recognizer.recognize(text).organizations()).containsExactly("伊拉斯莫斯大学医学院");
    assertThat(persons(text)).isEmpty();
  }

  @Test
  void a_surname_after_a_foreign_run_read_one_by_one_is_the_end_of_the_foreign_name_not_a_title_form() {
    // HanLP reads 若|斯|潘总理: 潘 is the last syllable of 若斯潘, not a 潘 with a title
    String text = "风波平息后。若斯潘总理周二晚表示，改革将继续推进。";
    assertThat(recognizer.analyse(text).titleForms()).isEmpty();
    assertThat(persons(text)).containsExactly("若斯潘");
  }

  @Test
  void a_name_hanlp_tagged_in_two_pieces_is_joined() {
    // 刘雅/nr 茹/nr: the lone character HanLP also took for a name is the end of the given name
    assertThat(persons("次日，经检查，刘雅茹怀孕了。")).containsExactly("刘雅茹");
    // 俞/nz 平伯/nr: a lone surname before a tagged given name that opens with a surname's character
    assertThat(persons("他编过的书里，俞平伯全集最难。")).containsExactly("俞平伯");
  }

  @Test
  void a_doubled_given_character_is_no_evidence_against_a_name() {
    String text = "创刊号发表了罗点点回忆父亲的长篇文章。";
    assertThat(candidate(text, "罗点点").evidence()).doesNotContain(Evidence.UNUSUAL_GIVEN_NAME);
    assertThat(persons(text)).containsExactly("罗点点");
  }
}

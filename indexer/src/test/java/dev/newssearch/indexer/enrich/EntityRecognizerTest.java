package dev.newssearch.indexer.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every sentence here is copied from the seed files (reflowed), unless a test says otherwise. */
class EntityRecognizerTest {

  private static EntityRecognizer recognizer;

  @BeforeAll
  static void loadOnce() {
    recognizer = EntityRecognizer.loadDefault();
  }

  private static Entities recognize(String text) {
    return recognizer.recognize(text);
  }

  @Test
  void a_name_at_the_start_of_a_paragraph_is_a_person() {
    Entities entities = recognize("刘强先后来到武隆区西山水库、天池苗寨、茶旅融合观光园等地，实地了解深度贫困乡后坪乡脱贫攻坚工作推进情况，"
        + "并主持召开武隆区督战脱贫攻坚座谈会。");
    assertThat(entities.persons()).containsExactly("刘强");
    assertThat(entities.places()).contains("武隆区");
  }

  @Test
  void every_leader_in_a_list_separated_by_enumeration_commas_is_found() {
    assertThat(recognize("李克强主持会议，栗战书、汪洋、王沪宁、赵乐际、韩正出席会议。").persons())
        .containsExactly("李克强", "栗战书", "汪洋", "王沪宁", "赵乐际", "韩正");
  }

  @Test
  void unknown_names_after_titles_in_a_list_are_found_whole() {
    assertThat(recognize("云南怒江州委书记纳云德、新疆和田地委书记杨发森、河南兰考县委书记蔡松涛、广西大化县委书记杨龙文、"
        + "贵州赫章县委书记刘建平通过视频会议系统先后作了发言。").persons())
        .containsExactly("纳云德", "杨发森", "蔡松涛", "杨龙文", "刘建平");
  }

  @Test
  void a_name_followed_by_a_title_is_the_name_alone() {
    assertThat(recognize("习近平主席在峰会上发表重要讲话，秉持人类命运共同体理念，结合中国抗击疫情实践经验。").persons())
        .containsExactly("习近平");
  }

  @Test
  void titles_and_aliases_resolve_to_one_canonical_name_per_paragraph() {
    assertThat(recognize("要坚定响应号令、自觉看齐追随，切实把思想和行动统一到党中央、习主席决策部署上来；"
        + "以优异成绩向党中央和习主席、向驻地人民群众交出合格答卷。").persons()).containsExactly("习近平");
    assertThat(recognize("要深入学习贯彻习近平总书记在决战决胜脱贫攻坚座谈会上的重要讲话精神。国家主席习近平出席。").persons())
        .containsExactly("习近平");
  }

  @Test
  void a_name_after_a_title_ends_before_the_verb() {
    assertThat(recognize("市委常委、秘书长、市保健委主任王赋出席会议并讲话，市政府副市长、市政协副主席、市保健委副主任屈谦主持会议。")
        .persons()).containsExactly("王赋", "屈谦");
    assertThat(recognize("3月16日，沙坪坝区副区长、国际物流枢纽管委会主任代建红一行前往成都国际铁路港考察调研。").persons())
        .containsExactly("代建红");
  }

  @Test
  void a_name_printed_before_its_title_is_a_person_but_the_front_of_a_longer_title_is_not() {
    // not from the seeds: HanLP tags 李兰娟院士团队 as one organisation, the title after the name decides
    assertThat(recognize("李兰娟院士团队在杭州公布了最新研究成果。").persons()).containsExactly("李兰娟");
    assertThat(recognize("武新亮在会上强调，要坚持一手抓疫情、一手抓发展。县委常委、常务副县长田江波也在会上系统讲解了企业复工复产审批程序，"
        + "副县长赵补文则安排、部署复工复产具体工作。").persons()).containsExactly("武新亮", "田江波", "赵补文");
  }

  @Test
  void a_name_before_a_verb_of_speech_is_a_person() {
    assertThat(recognize("成都青白江海关杨杰表示：“9610跨境直购出口贸易方式的开通，将进一步丰富成都铁路口岸的贸易方式。”").persons())
        .containsExactly("杨杰");
    assertThat(recognize("“越到紧要关头，越要集中精力撸起袖子干，脱贫攻坚一天也等不得。”山西省政协扶贫工作队队员徐建斌说，"
        + "面对疫情的挑战，大家更有决胜脱贫的信心。").persons()).containsExactly("徐建斌");
  }

  @Test
  void transliterated_foreign_names_are_kept_whole() {
    assertThat(recognize("联合国秘书长古特雷斯表示，中国为抗击新冠肺炎疫情并避免其蔓延付出了巨大牺牲。").persons())
        .containsExactly("古特雷斯");
    assertThat(recognize("世界卫生组织总干事谭德塞指出，中国强有力的举措既控制了疫情在中国境内扩散。").persons())
        .containsExactly("谭德塞");
    assertThat(recognize("巴基斯坦总理伊姆兰·汗表示，整个世界都感谢并赞赏中方应对疫情的努力和成效。").persons())
        .containsExactly("伊姆兰·汗");
    assertThat(recognize("我们还接待柬埔寨首相洪森、蒙古国总统巴特图勒嘎专程访华。").persons())
        .containsExactly("洪森", "巴特图勒嘎");
    assertThat(recognize("国家主席习近平27日晚同沙特国王萨勒曼通电话。").persons()).containsExactly("习近平", "萨勒曼");
  }

  @Test
  void a_foreign_given_name_glued_to_the_next_word_is_cut_back() {
    assertThat(recognize("春节期间，乔治因细菌感染高烧不退，2月初才康复。“作为一名党员，如果在这场战‘疫’中不站出来，"
        + "会愧对自己的初心。”乔治说。").persons()).containsExactly("乔治");
  }

  @Test
  void phrases_hanlp_mistakes_for_names_are_not_persons() {
    assertThat(recognize("要加强对湖北经济社会发展的支持，制定专项支持政策，帮助湖北解决财政、融资、供应链等实际困难，"
        + "支持湖北做好援企、稳岗、促就业、保民生等工作。").persons()).isEmpty();
    assertThat(recognize("要因应国内外疫情防控新形势，及时完善我国疫情防控策略和应对举措，把重点放在外防输入、内防反弹上来，"
        + "保持我国疫情防控形势持续向好态势。").persons()).isEmpty();
    assertThat(recognize("对地方和企业反映的难点堵点问题，要抓紧梳理分析，及时加以解决，推动产业链协同复工复产达产。").persons())
        .isEmpty();
    assertThat(recognize("虽然同过去相比总量不大，但都是贫中之贫、困中之困，是最难啃的硬骨头。").persons()).isEmpty();
    assertThat(recognize("病毒没有国界，只有国际社会合作应对，才能战而胜之。").persons()).isEmpty();
    assertThat(recognize("当前，最大的问题是防止松劲懈怠、精力转移，我去年在重庆座谈会上讲了这个问题。").persons()).isEmpty();
  }

  @Test
  void counts_and_abbreviations_tagged_as_names_are_not_persons_even_without_the_rejection_list() {
    // general rules, not list entries: a "surname" right after a number is a counter (10万单, 400余次),
    // and a two-character tag needs more evidence than the tag
    assertThat(recognize("近日，包括美妆、小家电、服装服饰等商品的10万单跨境直邮商品搭乘中欧班列从成都国际发出，奔赴欧洲。").persons())
        .isEmpty();
    assertThat(recognize("我国各驻外使节和机构密集展开公共外交行动，接受主流电视及电台采访400余次，发表署名文章300余篇。").persons())
        .isEmpty();
    assertThat(recognize("全市各区县各部门要进一步完善复工复产企业服务机制，深化“放管服”改革，推动惠企政策尽快落实到位。").persons())
        .isEmpty();
  }

  @Test
  void reporters_in_a_byline_are_not_persons_mentioned() {
    assertThat(recognize("（新华社记者 柳丝 常天童 赵卓昀）").persons()).isEmpty();
    assertThat(recognize("本报讯 （记者 黄乔 实习生 舒畅）3月26日至27日，市委常委、政法委书记刘强在武隆区督战脱贫攻坚工作时指出，"
        + "要深入学习贯彻习近平总书记在决战决胜脱贫攻坚座谈会上的重要讲话精神。").persons())
        .containsExactly("刘强", "习近平");
    assertThat(recognize("本报讯 （记者 罗静雯）3月6日上午，市委副书记、市长唐良智前往江北区和两江新区，检查调研汽车产业复工复产工作。")
        .persons()).containsExactly("唐良智");
    assertThat(recognize("□ 本报记者 丁 南疫情来临，口罩成了短缺物资。").persons()).isEmpty();
    assertThat(recognize("本报讯 记者王泽勇报道近日，包括美妆、小家电、服装服饰等商品的10万单跨境直邮商品搭乘中欧班列从成都国际发出。")
        .persons()).isEmpty();
    assertThat(recognize("（刘娟娟 张建峰）").persons()).isEmpty();
    assertThat(recognize("新华社记者 赵 戈 摄").persons()).isEmpty();
  }

  @Test
  void an_author_credit_with_a_letter_spaced_name_is_not_a_mention() {
    assertThat(recognize("坚决打赢抗击疫情阻击战 推动构建人类命运共同体来源：《求是》2020/05 作者：王 毅新冠肺炎疫情是对中国人民"
        + "生命安全和身体健康的一个重大威胁。").persons()).isEmpty();
  }

  @Test
  void a_letter_spaced_name_in_running_text_is_joined() {
    // the seeds print letter-spaced names only in bylines; this mention is the same layout in running text
    assertThat(recognize("国务委员兼外长王 毅表示，中方愿同各方加强合作。").persons()).containsExactly("王毅");
    assertThat(recognizer.clean("会 议 以 电 视 电 话 会 议 形 式 召 开 ，市扶贫开发工作领导小组成员单位在主会场参会"))
        .isEqualTo("会议以电视电话会议形式召开，市扶贫开发工作领导小组成员单位在主会场参会");
  }

  @Test
  void organisations_are_canonicalised() {
    Entities entities = recognize("习近平强调，新冠肺炎疫情发生以来，中方始终本着公开、透明、负责任态度，及时向世卫组织以及包括美国在内的"
        + "有关国家通报疫情信息。");
    assertThat(entities.organizations()).containsExactly("世界卫生组织");
    assertThat(entities.places()).contains("美国");
    assertThat(recognize("记者27日从国务院扶贫办了解到，国务院扶贫开发领导小组近日印发指导意见。").organizations())
        .containsExactly("国务院扶贫开发领导小组办公室", "国务院扶贫开发领导小组");
  }

  @Test
  void provinces_are_canonical_in_their_short_form_districts_are_kept_and_a_place_inside_a_body_is_not_a_place() {
    Entities entities = recognize("3月27日，我市在黔江区召开渝东南武陵山区城镇群整改落实推进会。乔治是湖北省民宗委下沉到武汉市硚口区"
        + "长丰街道丰竹园社区的一名党员干部。");
    assertThat(entities.places()).contains("黔江区", "武汉");
    assertThat(entities.places()).doesNotContain("湖北省", "武汉市", "湖北");
    assertThat(recognize("湖北省副省长表示，湖北将加快复工复产。").places()).containsExactly("湖北");
  }

  @Test
  void a_paragraph_without_entities_gives_none() {
    assertThat(recognize("会议还研究了其他事项。")).isEqualTo(Entities.NONE);
    assertThat(recognize("   ")).isEqualTo(Entities.NONE);
  }
}

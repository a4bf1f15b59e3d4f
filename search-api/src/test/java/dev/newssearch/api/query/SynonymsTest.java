package dev.newssearch.api.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SynonymsTest {
  @Test
  void a_word_expands_to_its_group_itself_first() {
    Synonyms s = Synonyms.parse(List.of("# comment", "世卫组织, 世界卫生组织", "", "新冠，新冠肺炎"));
    assertThat(s.expand("世界卫生组织")).containsExactly("世界卫生组织", "世卫组织");
    assertThat(s.expand("新冠")).containsExactly("新冠", "新冠肺炎");
    assertThat(s.expand("脱贫")).containsExactly("脱贫");
  }

  @Test
  void an_arrow_rule_expands_one_way_only() {
    Synonyms s = Synonyms.parse(List.of("武汉肺炎 => 新冠肺炎"));
    assertThat(s.expand("武汉肺炎")).containsExactly("武汉肺炎", "新冠肺炎");
    assertThat(s.expand("新冠肺炎")).containsExactly("新冠肺炎");
  }

  @Test
  void latin_terms_match_in_any_case_and_width() {
    Synonyms s = Synonyms.parse(List.of("二十国集团, G20"));
    assertThat(s.expand("g20")).containsExactly("g20", "二十国集团");
    assertThat(s.expand("Ｇ20")).contains("二十国集团");
  }

  @Test
  void the_shipped_file_knows_covid_who_and_g20_across_languages() {
    Synonyms s = Synonyms.shipped();
    assertThat(s.expand("COVID-19")).contains("新冠肺炎", "新型冠状病毒", "新冠病毒");
    assertThat(s.expand("WHO")).contains("世界卫生组织", "世卫组织");
    assertThat(s.expand("世卫组织")).contains("世界卫生组织", "who");
    assertThat(s.expand("G20")).contains("二十国集团");
  }

  @Test
  void the_former_resource_name_reads_the_shipped_file() {
    assertThat(Synonyms.fromClasspath("synonyms.txt").expand("g20")).contains("二十国集团");
  }
}

package dev.newssearch.api.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SynonymsTest {
  @Test
  void a_word_expands_to_its_group_itself_first() {
    Synonyms s = Synonyms.parse(List.of("# comment", "世卫组织,世界卫生组织", "", "新冠，新冠肺炎"));
    assertThat(s.expand("世界卫生组织")).containsExactly("世界卫生组织", "世卫组织");
    assertThat(s.expand("新冠")).containsExactly("新冠", "新冠肺炎");
    assertThat(s.expand("脱贫")).containsExactly("脱贫");
  }

  @Test
  void the_shipped_file_knows_the_who_and_covid_names() {
    Synonyms s = Synonyms.fromClasspath("synonyms.txt");
    assertThat(s.expand("世卫组织")).contains("世界卫生组织");
    assertThat(s.expand("新冠肺炎")).contains("新冠");
  }
}

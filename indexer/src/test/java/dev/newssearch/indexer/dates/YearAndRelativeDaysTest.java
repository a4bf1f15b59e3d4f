package dev.newssearch.indexer.dates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class YearAndRelativeDaysTest {
  @Test
  void the_nearest_year_to_the_page_is_taken_across_new_year() {
    assertThat(YearInference.nearest(12, 30, LocalDate.of(1998, 1, 2))).isEqualTo("1997-12-30");
    assertThat(YearInference.nearest(1, 3, LocalDate.of(1997, 12, 31))).isEqualTo("1998-01-03");
    assertThat(YearInference.nearest(4, 18, LocalDate.of(1998, 4, 19))).isEqualTo("1998-04-18");
  }

  @Test
  void february_29_is_found_in_the_leap_year_near_the_page() {
    assertThat(YearInference.nearest(2, 29, LocalDate.of(2020, 3, 1))).isEqualTo("2020-02-29");
    assertThat(YearInference.nearest(2, 29, LocalDate.of(1998, 3, 1))).isNull();
  }

  @Test
  void yesterday_and_today_are_counted_from_the_story_date() {
    LocalDate d = LocalDate.of(1998, 4, 19);
    assertThat(RelativeDays.find("国务院总理李鹏昨天下午在人民大会堂会见了外宾。", d)).containsExactly(LocalDate.of(1998, 4, 18));
    assertThat(RelativeDays.find("今天，首都各界隆重集会。前天召开的会议决定", d))
        .containsExactly(LocalDate.of(1998, 4, 19), LocalDate.of(1998, 4, 17));
    assertThat(RelativeDays.find("展览明日起对公众开放", d)).containsExactly(LocalDate.of(1998, 4, 20));
  }

  @Test
  void words_that_name_no_day_are_not_resolved() {
    LocalDate d = LocalDate.of(1998, 4, 19);
    assertThat(RelativeDays.find("日前，记者走访了这个村。近日召开的会议", d)).isEmpty();
    assertThat(RelativeDays.find("今天的中国已经走向世界。《今日中国》杂志", d)).isEmpty();
    assertThat(RelativeDays.find("昨天下午", null)).isEmpty();
  }
}

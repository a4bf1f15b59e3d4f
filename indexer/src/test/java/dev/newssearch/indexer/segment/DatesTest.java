package dev.newssearch.indexer.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DatesTest {
  private static final LocalDate MARCH_27 = LocalDate.of(2020, 3, 27);

  @Test
  void month_day_dates_take_the_article_year_and_day_only_dates_the_previous_month() {
    assertThat(Dates.mentioned("3月26日至27日，市委常委…", MARCH_27, null)).containsExactly("2020-03-26", "2020-03-27");
    assertThat(Dates.mentioned("国家主席习近平27日晚同沙特国王萨勒曼通电话。", MARCH_27, null)).containsExactly("2020-03-27");
    assertThat(Dates.mentioned("3月 25日，习近平总书记主持", MARCH_27, null)).containsExactly("2020-03-25");
  }

  @Test
  void explicit_years_win_and_non_dates_are_ignored() {
    assertThat(Dates.mentioned("工作部署会议2020年2月23日在北京召开", MARCH_27, null)).containsExactly("2020-02-23");
    assertThat(Dates.mentioned("10余日就完成，日前，截至2019年底", MARCH_27, null)).isEmpty();
  }

  @Test
  void a_day_without_any_month_context_is_not_guessed() {
    assertThat(Dates.mentioned("习近平6日在京出席", null, null)).isEmpty();
  }

  @Test
  void a_december_date_in_a_january_story_is_of_the_year_before() {
    assertThat(Dates.mentioned("12月28日，全国人大常委会闭幕。1月5日将召开", LocalDate.of(1998, 1, 2), null))
        .containsExactly("1997-12-28", "1998-01-05");
  }

  @Test
  void without_a_story_date_only_dates_printed_with_their_year_are_kept() {
    assertThat(Dates.mentioned("3月26日召开，1998年4月19日闭幕", null, null)).containsExactly("1998-04-19");
  }

  @Test
  void yesterday_is_counted_from_the_story_date_when_it_is_certain() {
    assertThat(Dates.mentioned("昨天下午，代表团抵达北京。", LocalDate.of(1998, 4, 19), LocalDate.of(1998, 4, 19)))
        .containsExactly("1998-04-18");
    assertThat(Dates.mentioned("昨天下午，代表团抵达北京。", LocalDate.of(1998, 4, 19), null)).isEmpty();
  }
}

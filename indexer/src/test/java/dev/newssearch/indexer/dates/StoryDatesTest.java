package dev.newssearch.indexer.dates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoryDatesTest {
  private static final PageDate HEADER_1998_01_02 =
      PageDate.of(LocalDate.of(1998, 1, 2), DateEvidence.PAGE_HEADER, YearSource.PAGE_TEXT);

  private static StoryDates.Evidence dateline(int m, int d) {
    return new StoryDates.Evidence(null, MonthDay.of(m, d), null);
  }

  private static StoryDates.Evidence lead(int m, int d) {
    return new StoryDates.Evidence(null, null, MonthDay.of(m, d));
  }

  private static final StoryDates.Evidence NOTHING = new StoryDates.Evidence(null, null, null);

  @Test
  void a_december_dateline_on_a_january_page_is_of_the_year_before() {
    var page = new StoryDates.Page(HEADER_1998_01_02, PageDate.NONE, PageDate.NONE);
    var r = StoryDates.resolve(page, List.of(dateline(12, 30)), false);
    assertThat(r.get(0)).isEqualTo(new StoryDates.Resolved(LocalDate.of(1997, 12, 30), DateEvidence.DATELINE));
  }

  @Test
  void stories_without_a_dateline_take_the_page_header_date_not_their_lead() {
    var page = new StoryDates.Page(HEADER_1998_01_02, PageDate.NONE, PageDate.NONE);
    var r = StoryDates.resolve(page, List.of(lead(12, 20), NOTHING), false);
    assertThat(r).containsOnly(new StoryDates.Resolved(LocalDate.of(1998, 1, 2), DateEvidence.PAGE_HEADER));
  }

  @Test
  void the_header_outranks_the_file_name_and_the_file_name_a_stated_date() {
    PageDate file = PageDate.of(LocalDate.of(1998, 4, 19), DateEvidence.FILE_NAME, YearSource.FILE_NAME);
    PageDate stated = PageDate.of(LocalDate.of(2020, 3, 28), DateEvidence.STATED, YearSource.DATES_FILE);
    assertThat(StoryDates.resolve(new StoryDates.Page(HEADER_1998_01_02, file, stated), List.of(NOTHING), false))
        .containsExactly(new StoryDates.Resolved(LocalDate.of(1998, 1, 2), DateEvidence.PAGE_HEADER));
    assertThat(StoryDates.resolve(new StoryDates.Page(PageDate.NONE, file, stated), List.of(NOTHING), false))
        .containsExactly(new StoryDates.Resolved(LocalDate.of(1998, 4, 19), DateEvidence.FILE_NAME));
    assertThat(StoryDates.resolve(new StoryDates.Page(PageDate.NONE, PageDate.NONE, stated), List.of(NOTHING), false))
        .containsExactly(new StoryDates.Resolved(LocalDate.of(2020, 3, 28), DateEvidence.STATED));
  }

  @Test
  void a_story_that_prints_its_full_date_keeps_it_on_any_page() {
    var own = new StoryDates.Evidence(LocalDate.of(2020, 2, 24), MonthDay.of(2, 23), null);
    var r = StoryDates.resolve(new StoryDates.Page(HEADER_1998_01_02, PageDate.NONE, PageDate.NONE), List.of(own), false);
    assertThat(r.get(0)).isEqualTo(new StoryDates.Resolved(LocalDate.of(2020, 2, 24), DateEvidence.PUBLICATION_LINE));
  }

  @Test
  void without_any_year_a_month_and_day_dateline_stays_unknown() {
    var r = StoryDates.resolve(StoryDates.Page.NONE, List.of(dateline(3, 27), lead(3, 26), NOTHING), false);
    assertThat(r).containsOnly(new StoryDates.Resolved(null, DateEvidence.UNKNOWN));
    assertThat(StoryDates.year(StoryDates.Page.NONE, List.of()).source()).isEqualTo(YearSource.NONE);
  }

  @Test
  void a_stated_year_dates_datelines_and_leads_and_the_page_context_fills_the_rest() {
    var page = new StoryDates.Page(PageDate.NONE, PageDate.NONE, PageDate.yearOnly(2020, YearSource.DATES_FILE));
    var r = StoryDates.resolve(page, List.of(dateline(3, 27), lead(3, 26), NOTHING), false);
    assertThat(r).containsExactly(
        new StoryDates.Resolved(LocalDate.of(2020, 3, 27), DateEvidence.DATELINE),
        new StoryDates.Resolved(LocalDate.of(2020, 3, 26), DateEvidence.LEAD),
        new StoryDates.Resolved(LocalDate.of(2020, 3, 27), DateEvidence.FILE_CONTEXT));
  }

  @Test
  void a_year_printed_on_the_page_outranks_the_stated_year() {
    var page = new StoryDates.Page(PageDate.NONE, PageDate.NONE, PageDate.yearOnly(2020, YearSource.DEFAULT_YEAR));
    var printed = new StoryDates.Evidence(LocalDate.of(1998, 3, 6), null, null);
    var r = StoryDates.resolve(page, List.of(printed, dateline(3, 6)), false);
    assertThat(r.get(1)).isEqualTo(new StoryDates.Resolved(LocalDate.of(1998, 3, 6), DateEvidence.DATELINE));
    assertThat(StoryDates.year(page, List.of(printed)).source()).isEqualTo(YearSource.PAGE_TEXT);
  }

  @Test
  void web_text_gets_no_date_from_its_neighbours() {
    var page = new StoryDates.Page(PageDate.NONE, PageDate.NONE, PageDate.yearOnly(2020, YearSource.DATES_FILE));
    var r = StoryDates.resolve(page, List.of(dateline(3, 27), NOTHING), true);
    assertThat(r.get(1).evidence()).isEqualTo(DateEvidence.UNKNOWN);
  }

  @Test
  void impossible_days_are_no_month_day() {
    assertThat(StoryDates.monthDay(2, 30)).isNull();
    assertThat(StoryDates.monthDay(13, 1)).isNull();
    assertThat(StoryDates.monthDay(2, 29)).isEqualTo(MonthDay.of(2, 29));
  }

  @Test
  void a_dateline_months_away_from_the_page_is_not_the_story_s() {
    var page = new StoryDates.Page(HEADER_1998_01_02, PageDate.NONE, PageDate.NONE);
    var r = StoryDates.resolve(page, List.of(dateline(6, 17), dateline(12, 20), dateline(1, 3)), false);
    assertThat(r).containsExactly(
        new StoryDates.Resolved(LocalDate.of(1998, 1, 2), DateEvidence.PAGE_HEADER),
        new StoryDates.Resolved(LocalDate.of(1997, 12, 20), DateEvidence.DATELINE),
        new StoryDates.Resolved(LocalDate.of(1998, 1, 3), DateEvidence.DATELINE));
  }
}

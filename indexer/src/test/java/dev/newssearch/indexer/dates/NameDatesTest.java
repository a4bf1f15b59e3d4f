package dev.newssearch.indexer.dates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NameDatesTest {
  private final NameDates names = NameDates.standard();

  private PageDate of(String path) {
    return names.find(Path.of(path));
  }

  @Test
  void eight_digits_in_a_file_name_are_the_page_date() {
    assertThat(of("archive/rmrb_19980419_04.txt"))
        .isEqualTo(PageDate.of(LocalDate.of(1998, 4, 19), DateEvidence.FILE_NAME, YearSource.FILE_NAME));
    assertThat(of("19980419.txt").date()).isEqualTo("1998-04-19");
  }

  @Test
  void a_date_followed_by_its_page_number_is_read_as_the_date() {
    assertThat(of("rmrb1998041903.txt").date()).isEqualTo("1998-04-19");
    assertThat(of("rmrb199804190312.txt").date()).isEqualTo("1998-04-19");
  }

  @Test
  void separated_and_chinese_dates_in_names_are_read() {
    assertThat(of("1998-04-19.txt").date()).isEqualTo("1998-04-19");
    assertThat(of("rmrb_1998_4_19_p2.txt").date()).isEqualTo("1998-04-19");
    assertThat(of("人民日报1998年4月19日第4版.txt").date()).isEqualTo("1998-04-19");
  }

  @Test
  void folders_named_by_year_month_and_day_date_their_pages() {
    PageDate d = of("archive/1998/04/19/page04.txt");
    assertThat(d.date()).isEqualTo("1998-04-19");
    assertThat(d.evidence()).isEqualTo(DateEvidence.FOLDER_NAME);
    assertThat(of("archive/1998/0419/04.txt").date()).isEqualTo("1998-04-19");
    assertThat(of("archive/1998/04/19.txt").date()).isEqualTo("1998-04-19");
    assertThat(of("archive/1998-04-19/page04.txt").date()).isEqualTo("1998-04-19");
  }

  @Test
  void a_folder_named_by_its_year_gives_the_year_only() {
    PageDate d = of("archive/1998/page04.txt");
    assertThat(d.hasDate()).isFalse();
    assertThat(d.year()).isEqualTo(1998);
    assertThat(d.yearSource()).isEqualTo(YearSource.FOLDER_NAME);
  }

  @Test
  void digits_that_could_be_page_or_issue_numbers_are_not_dates() {
    assertThat(of("seeds/000_1132cb0b81b05dee.txt")).isEqualTo(PageDate.NONE); // a hash
    assertThat(of("rmrb_980419_04.txt")).isEqualTo(PageDate.NONE); // two-digit year: 98? page 98?
    assertThat(of("issue_12345678.txt")).isEqualTo(PageDate.NONE); // year 1234
    assertThat(of("page_0419.txt")).isEqualTo(PageDate.NONE);
    assertThat(of("no_20201399.txt")).isEqualTo(PageDate.NONE); // month 13
    assertThat(of("scan_a20200327b3c.txt")).isEqualTo(PageDate.NONE); // digits inside an id
  }

  @Test
  void a_run_that_reads_as_two_different_dates_is_not_a_date() {
    assertThat(NameDates.digitRun("1998041919980420")).isNull();
    assertThat(of("19980419_19980420.txt")).isEqualTo(PageDate.NONE);
    assertThat(NameDates.digitRun("1998041903")).isEqualTo("1998-04-19");
  }

  @Test
  void an_archive_states_its_own_pattern_for_odd_names() {
    NameDates custom = NameDates.withPattern(Pattern.compile("(?<day>\\d{2})(?<month>\\d{2})(?<year>\\d{4})"));
    assertThat(custom.find(Path.of("scan19041998p4.txt")).date()).isEqualTo("1998-04-19");
    assertThatThrownBy(() -> NameDates.withPattern(Pattern.compile("(\\d{4})")))
        .hasMessageContaining("(?<year>");
  }
}

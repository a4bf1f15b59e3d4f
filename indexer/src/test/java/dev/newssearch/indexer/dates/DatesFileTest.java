package dev.newssearch.indexer.dates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatesFileTest {
  @Test
  void a_file_entry_outranks_the_folder_date_and_the_folder_date_its_year() {
    DatesFile f = DatesFile.parse(List.of(
        "# pages of March 2020", "year = 2020", "date = 2020-03-28", "file.a.txt = 1998-04-19", "file.b.txt = 1997"), "t");
    assertThat(f.forFile("a.txt")).isEqualTo(PageDate.of(LocalDate.of(1998, 4, 19), DateEvidence.STATED, YearSource.DATES_FILE));
    assertThat(f.forFile("b.txt")).isEqualTo(PageDate.yearOnly(1997, YearSource.DATES_FILE));
    assertThat(f.forFile("c.txt").date()).isEqualTo("2020-03-28");
    assertThat(DatesFile.parse(List.of("year=2020"), "t").forFile("c.txt")).isEqualTo(PageDate.yearOnly(2020, YearSource.DATES_FILE));
  }

  @Test
  void patterns_are_written_as_plain_regular_expressions() {
    DatesFile f = DatesFile.parse(List.of("pattern = p(?<year>\\d{4})(?<month>\\d{2})(?<day>\\d{2})"), "t");
    assertThat(NameDates.withPattern(f.pattern()).find(Path.of("x/p19980419.txt")).date()).isEqualTo("1998-04-19");
  }

  @Test
  void a_wrong_line_is_named_with_what_to_write() {
    assertThatThrownBy(() -> DatesFile.parse(List.of("", "year = 98"), "seeds/.dates.properties"))
        .hasMessageContaining("seeds/.dates.properties line 2").hasMessageContaining("four digits");
    assertThatThrownBy(() -> DatesFile.parse(List.of("yaer = 1998"), "t")).hasMessageContaining("unknown key yaer");
    assertThatThrownBy(() -> DatesFile.parse(List.of("date = 19.4.1998"), "t")).hasMessageContaining("yyyy-MM-dd");
  }

  @Test
  void the_seeds_folder_states_the_year_its_pages_do_not_print() throws Exception {
    DatesFile seeds = DatesFile.of(Path.of("../seeds"));
    assertThat(seeds.forFile("002_e46b5dd20027eeff.txt").year()).isEqualTo(2020);
  }
}

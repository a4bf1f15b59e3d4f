package dev.newssearch.indexer.dates;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageHeaderTest {
  private final PageHeader headers = PageHeader.loadDefault();

  @Test
  void a_masthead_with_date_weekday_and_page_dates_the_page_and_gives_the_edition() {
    PageHeader.Header h = headers.parse("人民日报 1998年4月19日 星期日 第4版").orElseThrow();
    assertThat(h.date()).isEqualTo(LocalDate.of(1998, 4, 19));
    assertThat(h.edition()).isEqualTo("04版");
    assertThat(h.publication()).isEqualTo("人民日报");
  }

  @Test
  void a_date_with_its_weekday_is_a_header() {
    assertThat(headers.parse("2020年3月27日 星期五").orElseThrow().date()).isEqualTo("2020-03-27");
    assertThat(headers.parse("2020年3月27日  星期五  农历庚子年三月初四").orElseThrow().date()).isEqualTo("2020-03-27");
    assertThat(headers.parse("重庆日报 2020-03-28 第2版 要闻").orElseThrow().edition()).isEqualTo("02版");
  }

  @Test
  void page_numbers_and_section_labels_are_headers_without_a_date() {
    PageHeader.Header h = headers.parse("第4版").orElseThrow();
    assertThat(h.date()).isNull();
    assertThat(h.edition()).isEqualTo("04版");
    assertThat(headers.parse("第十二版 国内要闻").orElseThrow().edition()).isEqualTo("12版");
    assertThat(headers.parse("要闻").orElseThrow().edition()).isNull();
    assertThat(headers.parse("A4版").orElseThrow().edition()).isEqualTo("A4版");
  }

  @Test
  void a_header_without_the_year_keeps_month_and_day() {
    PageHeader.Header h = headers.parse("4月19日 星期日 第4版").orElseThrow();
    assertThat(h.date()).isNull();
    assertThat(h.month()).isEqualTo(4);
    assertThat(h.day()).isEqualTo(19);
  }

  @Test
  void text_headlines_and_dates_printed_with_a_story_are_not_headers() {
    assertThat(headers.parse("（2020年3月6日）")).isEmpty();
    assertThat(headers.parse("2020年3月6日")).isEmpty();
    assertThat(headers.parse("人民日报")).isEmpty();
    assertThat(headers.parse("守望相助 共克时艰")).isEmpty();
    assertThat(headers.parse("3月26日，二十国集团（G20）领导")).isEmpty();
    assertThat(headers.parse("《人民日报》（2020年02月24日 01 版）")).isEmpty();
    assertThat(headers.parse("经济发展新要闻")).isEmpty();
  }

  @Test
  void chinese_page_numerals_are_read() {
    assertThat(PageHeader.hanNumber("四")).isEqualTo(4);
    assertThat(PageHeader.hanNumber("十")).isEqualTo(10);
    assertThat(PageHeader.hanNumber("十二")).isEqualTo(12);
    assertThat(PageHeader.hanNumber("二十")).isEqualTo(20);
  }

  @Test
  void no_line_of_the_seed_pages_is_taken_for_a_header() throws Exception {
    List<String> taken = new ArrayList<>();
    try (var files = Files.list(Path.of("../seeds"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          if (headers.isHeader(line)) taken.add(line);
        }
      }
    }
    assertThat(taken).isEmpty();
  }
}

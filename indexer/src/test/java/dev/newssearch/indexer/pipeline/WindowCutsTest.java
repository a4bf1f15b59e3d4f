package dev.newssearch.indexer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newssearch.indexer.dates.PageHeader;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a full window of a big file ends: at the strongest page boundary of its last quarter. */
class WindowCutsTest {
  private static final WindowCuts CUTS = new WindowCuts(PageHeader.loadDefault());

  /** The end of one page of 000 and the start of the next, as an archive prints them one after the other. */
  private static final List<String> LINES = List.of(
      "共同威胁，需要共同应对。一场疫",   // 0
      "情防控全球阻击战已经打响。",       // 1
      "",                                 // 2
      "特殊时刻，一场特殊形式的会",       // 3
      "议备受瞩目。",                     // 4
      "人民日报 2020年3月28日 星期六 第2版", // 5
      "守望相助 共克时艰",                // 6
      "新华社北京3月27日电 国家主席",     // 7
      "习近平27日晚同沙特国王萨勒曼通",   // 8
      "电话。",                           // 9
      "",                                 // 10
      "",                                 // 11
      "习近平指出，当前，新冠肺炎疫情");  // 12

  @Test
  void a_page_header_is_a_stronger_boundary_than_a_paragraph_end_after_blank_lines() {
    assertThat(CUTS.at(LINES, 1, new BitSet())).isEqualTo(5);
  }

  @Test
  void a_page_break_is_the_strongest_boundary() {
    BitSet breaks = new BitSet();
    breaks.set(8);
    assertThat(CUTS.at(LINES, 1, breaks)).isEqualTo(8);
  }

  @Test
  void without_a_page_boundary_the_window_ends_after_the_latest_run_of_blank_lines_after_a_sentence_end() {
    assertThat(CUTS.at(LINES, 6, new BitSet())).isEqualTo(12);
    // one blank line after a sentence end beats a sentence end without one
    assertThat(CUTS.at(LINES.subList(0, 5), 1, new BitSet())).isEqualTo(3);
  }
}

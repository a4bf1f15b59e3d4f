package dev.newssearch.indexer.eval.devpages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newssearch.indexer.eval.devpages.DevPage.DateMode;
import dev.newssearch.indexer.eval.devpages.DevPage.Layout;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PageGeneratorTest {
  private static List<DevSentence> corpus;

  @BeforeAll
  static void loadCorpus() {
    Optional<Path> tsv = DevCorpus.locate();
    Assumptions.assumeTrue(tsv.isPresent(), DevCorpus.absentReason());
    corpus = DevCorpus.load(tsv.get());
  }

  @Test
  void the_corpus_reads_sentences_with_their_mentions() {
    assertThat(corpus).hasSizeGreaterThan(2000);
    assertThat(corpus).anySatisfy(s -> assertThat(s.organizations()).isNotEmpty());
    assertThat(corpus).anySatisfy(s -> assertThat(s.persons()).isNotEmpty());
  }

  @Test
  void a_line_printed_as_a_headline_or_holding_a_dateline_never_stands_inside_a_story() {
    assertThat(PageGenerator.printedAsHeadline("靠实干还是靠口号———一个山区县的启示")).isTrue();
    assertThat(PageGenerator.printedAsHeadline("新馆昨起试开放（附图片2张）")).isTrue();
    assertThat(PageGenerator.printedAsHeadline("他说：“这条路———我们走对了。”")).isFalse();
    assertThat(PageGenerator.printedAsHeadline("农村电网改造让山里亮起来（经济观察）")).isTrue();
    assertThat(PageGenerator.printedAsHeadline("全省新建乡村小学三百所")).isTrue();
    // clauses or a length beyond a headline's: running text that lost its final stop, which pages do print
    assertThat(PageGenerator.printedAsHeadline("村里的小学建成了，孩子们不用再走山路")).isFalse();
    assertThat(PageGenerator.printedAsHeadline("县里今年新建的三所乡村小学和两所初级中学已经在九月一日全部投入使用")).isFalse();
    assertThat(PageGenerator.printedAsHeadline("全省新建乡村小学三百所（附表）。")).isFalse();
    assertThat(PageGenerator.opensWithDateline("●两国外长举行会谈据新华社东京5月8日电两国外长今天举行会谈。")).isTrue();

    for (DevPage page : PageGenerator.generate(corpus, GeneratorOptions.defaults(7, 30))) {
      for (DevArticle a : page.articles()) {
        assertThat(a.sentences()).noneMatch(s -> PageGenerator.printedAsHeadline(s.text())
            || PageGenerator.opensWithDateline(s.text()));
      }
    }
  }

  @Test
  void the_same_seed_gives_the_same_pages() {
    List<DevPage> a = PageGenerator.generate(corpus, GeneratorOptions.defaults(7, 12));
    List<DevPage> b = PageGenerator.generate(corpus, GeneratorOptions.defaults(7, 12));
    assertThat(a).isEqualTo(b);
  }

  @Test
  void nine_pages_cover_every_layout_with_every_date_mode() {
    List<DevPage> pages = PageGenerator.generate(corpus, GeneratorOptions.defaults(3, 9));
    assertThat(pages.stream().map(p -> p.layout() + "/" + p.dateMode()).collect(Collectors.toSet())).hasSize(9);
  }

  @Test
  void every_body_sentence_is_printed_on_its_page() {
    for (DevPage page : PageGenerator.generate(corpus, GeneratorOptions.defaults(11, 30))) {
      String printed = page.text().replaceAll("[\\s　]", "");
      for (DevArticle article : page.articles()) {
        for (DevSentence s : article.sentences()) {
          String text = s.text().replaceAll("[\\s　]", "");
          if (page.layout() == Layout.LINE_PER_PARAGRAPH && text.endsWith("。")) text = text.substring(0, text.length() - 1);
          assertThat(printed).as(page.fileName()).contains(text);
        }
      }
    }
  }

  @Test
  void wrapped_pages_break_lines_within_the_seeds_column_widths() {
    for (DevPage page : PageGenerator.generate(corpus, GeneratorOptions.defaults(5, 30).withLayouts(List.of(Layout.WRAPPED)))) {
      long body = page.text().lines().filter(l -> l.length() >= 8).count();
      long wide = page.text().lines().filter(l -> l.length() >= 8 && l.replace(" ", "").length() > 23).count();
      assertThat(wide).as(page.fileName()).isLessThan(body / 5 + 1);
    }
  }

  @Test
  void pages_without_a_date_leave_the_story_dates_unknown_and_their_file_names_hold_no_date() {
    for (DevPage page : PageGenerator.generate(corpus, GeneratorOptions.defaults(9, 18))) {
      if (page.dateMode() == DateMode.NONE) {
        assertThat(page.articles()).allSatisfy(a -> assertThat(a.date()).isNull());
        assertThat(page.fileName()).doesNotContain(String.valueOf(page.pageDate().getYear()));
        assertThat(page.text()).doesNotContain(page.pageDate().getYear() + "年" + page.pageDate().getMonthValue() + "月");
      } else if (page.dateMode() == DateMode.FILE_NAME) {
        assertThat(page.fileName().replace("-", "")).contains(String.valueOf(page.pageDate().getYear()));
      } else {
        assertThat(page.furniture().get(0)).contains(page.pageDate().getYear() + "年");
      }
    }
  }
}

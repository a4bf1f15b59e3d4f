package dev.newssearch.indexer.eval.dates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newssearch.indexer.eval.devpages.DevCorpus;
import dev.newssearch.indexer.eval.devpages.DevPage;
import dev.newssearch.indexer.eval.devpages.DevPage.DateMode;
import dev.newssearch.indexer.eval.devpages.DevPages;
import dev.newssearch.indexer.eval.devpages.GeneratorOptions;
import dev.newssearch.indexer.eval.devpages.PageGenerator;
import dev.newssearch.indexer.pipeline.Pipeline;
import dev.newssearch.indexer.pipeline.PipelineOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages of 1987 from the dev corpus, run through the pipeline with no stated year. */
class DatesEvaluationTest {
  @TempDir static Path dir;
  private static DatesEvaluation evaluation;

  @BeforeAll
  static void run() throws Exception {
    Optional<Path> tsv = DevCorpus.locate();
    Assumptions.assumeTrue(tsv.isPresent(), DevCorpus.absentReason());
    List<DevPage> pages = PageGenerator.generate(DevCorpus.load(tsv.get()), GeneratorOptions.defaults(11, 45).withYear(1987));
    DevPages.write(pages, dir);
    evaluation = DatesEvaluation.score(pages, Pipeline.create(PipelineOptions.DEFAULTS).processFolder(dir));
  }

  @Test
  void pages_that_give_no_date_get_no_year_at_all() {
    DatesEvaluation.Score none = evaluation.scores().get(DateMode.NONE);
    assertThat(none.outputParagraphs).isPositive();
    assertThat(none.outputDated).isZero();
  }

  @Test
  void pages_dated_by_header_or_file_name_give_their_paragraphs_the_page_year() {
    for (DateMode mode : List.of(DateMode.HEADER, DateMode.FILE_NAME)) {
      DatesEvaluation.Score s = evaluation.scores().get(mode);
      assertThat(s.found).as(mode.name()).isGreaterThan(50);
      assertThat(s.rightYearShare()).as(mode.name()).isGreaterThanOrEqualTo(0.98);
      // the day: the page's, or the story's own dateline (the target; this sample reached 1.0 when the
      // floor was raised from 0.93: a story under an inner headline closed by its own credit is no longer merged)
      assertThat(s.rightDayShare()).as(mode.name()).isGreaterThanOrEqualTo(0.98);
    }
  }

  @Test
  void of_all_true_paragraphs_of_dated_pages_at_least_95_percent_get_the_right_year_and_day() {
    // the strict reading: a paragraph the output lost counts as wrong. A floor, not the 98 %: the
    // day is 97.1 % on this sample's file-name pages, and 97.4-98.6 % overall on 300-page samples of seeds 1-5, what
    // misses being segmentation (an undated story merged into the dated one before it) and lost paragraphs,
    // never the date stages (the test below). `evaluate-dates` prints the 98 % verdict.
    for (DateMode mode : List.of(DateMode.HEADER, DateMode.FILE_NAME)) {
      DatesEvaluation.Score s = evaluation.scores().get(mode);
      assertThat(s.strictYearShare()).as(mode.name()).isGreaterThanOrEqualTo(0.98);
      assertThat(s.strictDayShare()).as(mode.name()).isGreaterThanOrEqualTo(0.95);
    }
    assertThat(evaluation.dated().strictYearShare()).isGreaterThanOrEqualTo(0.98);
    assertThat(evaluation.dated().strictDayShare()).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void every_story_that_comes_out_whole_gets_its_true_date() {
    // what the date stages alone decide: stories the segment stage neither merged nor split, whose corpus
    // sentences print no dateline of their own (0 misses of 7,308 such paragraphs on seeds 1-5 x 300 pages)
    DatesEvaluation.Score all = evaluation.dated();
    assertThat(all.whole).isGreaterThan(150);
    assertThat(all.misses(DatesEvaluation.Cause.DATE)).isZero();
    assertThat(all.wholeDayShare()).isEqualTo(1.0);
  }

  @Test
  void no_header_or_page_number_line_is_left_in_a_paragraph_or_title() {
    for (DatesEvaluation.Score s : evaluation.scores().values()) assertThat(s.headerLeaks).isZero();
  }
}

package dev.newssearch.indexer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newssearch.indexer.eval.devpages.DevCorpus;
import dev.newssearch.indexer.eval.devpages.DevPage;
import dev.newssearch.indexer.eval.devpages.DevPages;
import dev.newssearch.indexer.eval.devpages.GeneratorOptions;
import dev.newssearch.indexer.normalize.Drop;
import dev.newssearch.indexer.segment.Article;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every Han character of a page ends up in exactly one named place: the seeds, and pages the rules were not tuned on. */
class ConservationTest {
  private static Pipeline pipeline;

  @BeforeAll
  static void create() {
    pipeline = Pipeline.create(PipelineOptions.DEFAULTS);
  }

  @Test
  void no_character_of_any_seed_is_unaccounted_for() throws IOException {
    List<FileResult> results = pipeline.processFolder(Path.of("../seeds"));
    assertThat(results).hasSize(5);
    for (FileResult r : results) {
      assertThat(r.conservation().input()).as(r.file()).isGreaterThan(1000);
      assertThat(r.conservation().unaccounted()).as(r.file() + " missing " + r.conservation().missingText()).isZero();
    }
  }

  @Test
  void seed_drops_name_their_line_and_reason() throws IOException {
    FileResult r = pipeline.process(Path.of("../seeds/000_1132cb0b81b05dee.txt"));
    assertThat(r.drops()).contains(new Drop(47, Drop.Reason.FURNITURE, "全文"),
        new Drop(445, Drop.Reason.CONTINUATION_MARKER, "（上接1版）"));
  }

  @Test
  void no_character_of_a_generated_dev_page_is_unaccounted_for(@TempDir Path dir) {
    Assumptions.assumeTrue(DevCorpus.locate().isPresent(), DevCorpus.absentReason());
    List<DevPage> pages = DevPages.generate(GeneratorOptions.defaults(7, 30));
    DevPages.write(pages, dir);
    for (DevPage page : pages) {
      FileResult r = pipeline.process(dir.resolve(page.fileName()));
      assertThat(r.conservation().unaccounted()).as(page.fileName() + " missing " + r.conservation().missingText())
          .isZero();
    }
  }

  @Test
  void a_character_lost_or_printed_twice_is_counted() {
    Article a = new Article(0, "守望相助", null, null, List.of(), null, List.of(), List.of(), null, null,
        LocalDate.of(2020, 3, 27), "lead", List.of("共克时艰。共克时艰。"), 1, List.of());
    Conservation c = Conservation.of("守望相助\n共克时艰。\n扫一扫", List.of(a), List.of());
    assertThat(c.missing()).isEqualTo(3);
    assertThat(c.missingText()).isEqualTo("扫一扫");
    assertThat(c.extra()).isEqualTo(4);
  }
}

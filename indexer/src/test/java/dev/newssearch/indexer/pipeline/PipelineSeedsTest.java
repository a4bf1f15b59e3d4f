package dev.newssearch.indexer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newssearch.core.schema.ParagraphDoc;
import dev.newssearch.indexer.inspect.ExpectedComparison;
import dev.newssearch.indexer.inspect.QualityReport;
import dev.newssearch.indexer.normalize.Text;
import dev.newssearch.localnode.junit.DeliberateFailures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline over the seed pages (../seeds), checked against what a reader of them knows. */
class PipelineSeedsTest {
  private static final Path SEEDS = Path.of("../seeds");
  private static Pipeline pipeline;
  private static List<FileResult> results;

  @BeforeAll
  static void runSeeds() throws IOException {
    pipeline = Pipeline.create(PipelineOptions.DEFAULTS);
    results = pipeline.processFolder(SEEDS);
  }

  private static List<ParagraphDoc> docs(String prefix) {
    return results.stream().filter(r -> r.file().startsWith(prefix)).findFirst().orElseThrow().docs();
  }

  @Test
  void every_seed_paragraph_ends_a_sentence_and_no_repair_is_left() {
    assertThat(results).hasSize(5).allSatisfy(r -> assertThat(r.ok()).isTrue());
    for (FileResult r : results) {
      QualityReport.FileStats s = QualityReport.of(r);
      assertThat(s.unterminatedSamples()).as(r.file()).isEmpty();
      assertThat(s.letterSpaced() + s.doubled()).as(r.file()).isZero();
    }
  }

  @Test
  void hand_checked_segmentations_match() throws IOException {
    ExpectedComparison.Summary sum =
        ExpectedComparison.compare(Path.of("src/test/resources/pipeline/expected"), results);
    assertThat(sum.lines()).isEmpty();
    assertThat(sum.total()).isGreaterThan(40);
  }

  @Test
  void the_same_wire_story_on_two_pages_shares_duplicate_groups() {
    // Xi–Trump call: 002 prints it whole, 000 prints its continuation "（上接 1 版）" starting mid-paragraph
    Map<String, String> groupByText002 = docs("002").stream()
        .collect(Collectors.toMap(ParagraphDoc::text, ParagraphDoc::dupGroup, (a, b) -> a));
    List<ParagraphDoc> continued = docs("000").stream()
        .filter(d -> d.text().startsWith("中国人民真诚希望美国早日") || d.text().startsWith("特朗普表示，我认真聆听")
            || d.text().startsWith("两国元首同意就共同关心的问题保持沟通"))
        .toList();
    assertThat(continued).hasSize(3);
    for (ParagraphDoc d : continued) assertThat(groupByText002).containsValue(d.dupGroup());
    // the Politburo meeting: "会议还研究了其他事项。" closes both reports
    assertThat(docs("000").stream().filter(d -> d.text().equals("会议还研究了其他事项。")).findFirst().orElseThrow().dupGroup())
        .isEqualTo(groupByText002.get("会议还研究了其他事项。"));
  }

  @Test
  void ids_are_stable_between_runs() throws IOException {
    List<String> again = Pipeline.create(PipelineOptions.DEFAULTS).processFolder(SEEDS).stream()
        .flatMap(r -> r.docs().stream()).map(ParagraphDoc::id).toList();
    List<String> first = results.stream().flatMap(r -> r.docs().stream()).map(ParagraphDoc::id).toList();
    assertThat(again).isEqualTo(first).doesNotHaveDuplicates();
  }

  @Test
  void a_file_the_index_stage_has_hashed_already_keeps_that_hash_and_is_not_hashed_again() throws IOException {
    Path file = SEEDS.resolve(docs("000").get(0).file());
    String scanned = docs("000").get(0).fileHash();
    List<ParagraphDoc> again = new ArrayList<>();
    pipeline.process(file, "f".repeat(64), part -> again.addAll(part.docs()));
    assertThat(again).isNotEmpty().allSatisfy(d -> assertThat(d.fileHash()).isEqualTo("f".repeat(64)));
    assertThat(scanned).isNotEqualTo("f".repeat(64)).hasSize(64);
  }

  @Test
  void documents_carry_file_metadata_and_article_metadata() {
    ParagraphDoc d = docs("000").get(0);
    assertThat(d.file()).isEqualTo("000_1132cb0b81b05dee.txt");
    assertThat(d.fileHash()).hasSize(64);
    assertThat(d.contentHash()).hasSize(32);
    assertThat(d.paragraph()).isEqualTo(1);
    assertThat(d.title()).isEqualTo("守望相助 共克时艰");
    assertThat(d.reporters()).containsExactly("柳丝", "常天童", "赵卓昀");
    assertThat(d.date()).isEqualTo("2020-03-27");
    assertThat(d.dateEvidence()).isEqualTo("dateline");
  }

  @Test
  void a_sentence_crossing_a_blank_line_is_one_paragraph() {
    assertThat(docs("000")).anySatisfy(d -> assertThat(d.text()).contains("习近平主席在峰会上发表重要讲话，秉持人类命运共同体理念"));
    assertThat(docs("004")).anySatisfy(d -> assertThat(d.text()).startsWith("习近平总书记3月6日在决战决胜脱贫攻坚座谈会上"));
  }

  @Test
  void performance_is_well_under_a_second_of_cpu_per_file() {
    assertThat(results).allSatisfy(r -> assertThat(r.cpuNanos()).isLessThan(1_000_000_000L));
  }

  @Test
  @DeliberateFailures(value = "a file cannot be decoded", loggers = Pipeline.class)
  void an_undecodable_file_is_reported_and_the_others_go_on(@TempDir Path dir) throws IOException {
    Files.copy(SEEDS.resolve("002_e46b5dd20027eeff.txt"), dir.resolve("002.txt"));
    byte[] binary = new byte[2048];
    for (int i = 0; i < binary.length; i++) binary[i] = (byte) (i * 37 % 256);
    Files.write(dir.resolve("001_scan.pdf"), binary);
    List<FileResult> rs = pipeline.processFolder(dir);
    assertThat(rs).extracting(FileResult::file).containsExactly("001_scan.pdf", "002.txt");
    assertThat(rs.get(0).error()).get().asString().contains("001_scan.pdf");
    assertThat(rs.get(1).docs()).isNotEmpty().allSatisfy(d -> assertThat(Text.endsSentence(d.text())).isTrue());
  }

  @Test
  void gb18030_crlf_copy_of_a_seed_gives_the_same_paragraphs(@TempDir Path dir) throws IOException {
    String text = Files.readString(SEEDS.resolve("002_e46b5dd20027eeff.txt"));
    Files.write(dir.resolve("002.txt"), text.replace("\n", "\r\n").getBytes(java.nio.charset.Charset.forName("GB18030")));
    List<String> gb = pipeline.process(dir.resolve("002.txt")).docs().stream().map(ParagraphDoc::text).toList();
    assertThat(gb).isEqualTo(docs("002").stream().map(ParagraphDoc::text).toList());
  }
}

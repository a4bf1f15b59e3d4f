package dev.newssearch.indexer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newssearch.core.schema.ParagraphDoc;
import dev.newssearch.indexer.enrich.EntityRecognizer;
import dev.newssearch.indexer.normalize.Drop;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A big file goes through the stages in windows ({@link Pipeline#process(Path, java.util.function.Consumer)}):
 * the seeds read in windows give what they give whole, and pages joined in one file keep their ids unique,
 * their line numbers and every character accounted for.
 */
class WindowedFileTest {
  private static final Path SEEDS = Path.of("../seeds");
  private static final Path P000 = SEEDS.resolve("000_1132cb0b81b05dee.txt");
  private static final Path P004 = SEEDS.resolve("004_3c55c2e2ada26403.txt");
  private static final List<Path> PAGES = List.of(P000, P000, P004, P004);
  private static Pipeline whole;
  private static EntityRecognizer recognizer;

  @BeforeAll
  static void create() {
    recognizer = EntityRecognizer.loadDefault();
    whole = Pipeline.create(PipelineOptions.DEFAULTS, recognizer);
  }

  private static Pipeline windowed(int windowChars) {
    // every file above 0 bytes is read in windows
    return Pipeline.create(PipelineOptions.DEFAULTS, recognizer, new Pipeline.Windowing(0, windowChars));
  }

  private static List<Path> seeds() throws IOException {
    try (Stream<Path> s = Files.list(SEEDS)) {
      return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    }
  }

  @Test
  void every_seed_read_as_one_window_gives_the_documents_drops_and_balance_of_the_whole_file() throws IOException {
    Pipeline oneWindow = windowed(1 << 24);
    for (Path seed : seeds()) {
      FileResult a = whole.process(seed);
      List<FileResult> parts = new ArrayList<>();
      FileResult total = oneWindow.process(seed, parts::add);
      assertThat(parts).as(seed.toString()).hasSize(1);
      FileResult b = parts.get(0);
      assertThat(b.docs()).as(seed.toString()).isEqualTo(a.docs());
      assertThat(b.articles()).as(seed.toString()).isEqualTo(a.articles());
      assertThat(b.drops()).as(seed.toString()).isEqualTo(a.drops());
      assertThat(b.conservation()).as(seed.toString()).isEqualTo(a.conservation());
      assertThat(total.fileHash()).isEqualTo(a.fileHash());
      assertThat(total.charset()).isEqualTo(a.charset());
      assertThat(total.conservation()).isEqualTo(a.conservation());
    }
  }

  /**
   * Two pages printed in narrow columns (000 and 004), each twice, after a form feed: an archive that keeps
   * its pages in one file (and repeats a page, as archives do).
   */
  private static Path pagesInOneFile(Path dir) throws IOException {
    StringBuilder text = new StringBuilder();
    for (Path p : PAGES) {
      if (!text.isEmpty()) text.append("\n\f");
      text.append(Files.readString(p).stripTrailing());
    }
    Path file = dir.resolve("rmrb-2020-pages.txt");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void pages_joined_by_page_breaks_and_read_in_windows_give_the_paragraphs_each_page_gives_alone_with_unique_ids(
      @TempDir Path dir) throws IOException {
    Path file = pagesInOneFile(dir);
    List<FileResult> parts = new ArrayList<>();
    // about one page per window: every cut falls on a page break
    FileResult total = windowed(10_000).process(file, parts::add);

    assertThat(total.ok()).isTrue();
    assertThat(parts).hasSize(4);
    List<ParagraphDoc> docs = parts.stream().flatMap(p -> p.docs().stream()).toList();
    List<String> alone = new ArrayList<>();
    for (Path page : PAGES) {
      whole.process(page).docs().forEach(d -> alone.add(d.text()));
    }
    assertThat(docs).extracting(ParagraphDoc::text).containsExactlyElementsOf(alone);
    // each page printed twice: an article counts its occurrences over the windows, as over a whole file
    Set<String> ids = new HashSet<>();
    docs.forEach(d -> assertThat(ids.add(d.id())).as(d.text()).isTrue());
    Set<String> articles = new HashSet<>();
    docs.forEach(d -> articles.add(d.articleId()));
    assertThat(articles).hasSize(parts.stream().mapToInt(p -> p.articles().size()).sum());
    assertThat(total.conservation().input()).isEqualTo(whole.process(file).conservation().input());
    assertThat(total.conservation().unaccounted()).isZero();
  }

  @Test
  void a_drop_in_a_later_window_names_its_line_in_the_file(@TempDir Path dir) throws IOException {
    Path file = pagesInOneFile(dir);
    List<String> lines = Files.readAllLines(file);
    FileResult b = windowed(10_000).process(file);
    List<Drop> continuations = b.drops().stream().filter(d -> d.reason() == Drop.Reason.CONTINUATION_MARKER).toList();
    // 000 prints （上接1版） on its line 445, and again in its second copy
    assertThat(continuations).hasSizeGreaterThanOrEqualTo(2);
    for (Drop d : continuations) {
      assertThat(lines.get(d.line() - 1)).as("line " + d.line()).contains(d.text());
    }
    assertThat(b.articles()).extracting(x -> x.index()).doesNotHaveDuplicates();
  }
}

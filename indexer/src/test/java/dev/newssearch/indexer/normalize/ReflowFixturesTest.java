package dev.newssearch.indexer.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import dev.newssearch.indexer.source.TextCleaner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each {@code pipeline/reflow/<case>.txt} is an excerpt of a seed page; {@code <case>.expected.txt} beside it
 * lists the blocks a reader sees, one per line as KIND, tab, text; a headline block is listed line by line
 * (which headline lines share a block is incidental, the segmenter assigns each line on its own).
 */
class ReflowFixturesTest {
  private static final Path DIR = Path.of("src/test/resources/pipeline/reflow");
  private static final Reflow REFLOW = Reflow.create();

  static Stream<String> cases() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt") && !n.endsWith(".expected.txt"))
          .map(n -> n.substring(0, n.length() - 4)).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void excerpt_reflows_into_the_blocks_a_reader_sees(String name) throws IOException {
    String input = TextCleaner.clean(Files.readString(DIR.resolve(name + ".txt")));
    List<String> expected = Files.readAllLines(DIR.resolve(name + ".expected.txt")).stream()
        .filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
    List<String> actual = REFLOW.reflow(input).blocks().stream()
        .flatMap(b -> b.kind() == Block.Kind.HEADING
            ? b.lines().stream().map(l -> "HEADING\t" + l)
            : Stream.of(b.kind() + "\t" + b.text()))
        .toList();
    assertThat(actual).containsExactlyElementsOf(expected);
  }
}

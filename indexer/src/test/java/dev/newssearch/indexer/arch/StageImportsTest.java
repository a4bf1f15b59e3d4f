package dev.newssearch.indexer.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The indexer's packages follow the pipeline: a package may use its own stage and earlier ones, never a
 * later one. Checked on the sources: every reference to {@code dev.newssearch.indexer.<package>} (imports,
 * static imports and fully qualified names) in main code is compared with this order.
 */
class StageImportsTest {
  /** Rank of each top-level package; equal ranks may use each other. {@code credit} (the credit grammar) and
   * {@code dates} (date rules) are used by every stage and use none. */
  static final Map<String, Integer> RANK = Map.ofEntries(
      Map.entry("credit", 0),
      Map.entry("dates", 0),
      Map.entry("source", 1),
      Map.entry("normalize", 2),
      Map.entry("segment", 3),
      Map.entry("chunk", 4),
      Map.entry("enrich", 5),
      Map.entry("pipeline", 6),
      Map.entry("inspect", 7),
      Map.entry("eval", 7),
      Map.entry("index", 8),
      Map.entry("cli", 9));

  private static final Path MAIN = Path.of("src/main/java/dev/newssearch/indexer");
  private static final Pattern PACKAGE = Pattern.compile("^package dev\\.newssearch\\.indexer\\.(\\w+)", Pattern.MULTILINE);
  private static final Pattern REFERENCE = Pattern.compile("dev\\.newssearch\\.indexer\\.(\\w+)\\.");

  /** "file: package -> used package" for each reference to a later stage or to an unranked package. */
  static List<String> violations(String file, String source) {
    List<String> out = new ArrayList<>();
    Matcher p = PACKAGE.matcher(source);
    if (!p.find()) return out;
    String own = p.group(1);
    Integer ownRank = RANK.get(own);
    if (ownRank == null) {
      out.add(file + ": package " + own + " has no place in the stage order");
      return out;
    }
    String body = source.substring(0, p.start()) + source.substring(p.end());
    Matcher r = REFERENCE.matcher(body);
    while (r.find()) {
      String used = r.group(1);
      Integer usedRank = RANK.get(used);
      if (usedRank == null || usedRank > ownRank) out.add(file + ": " + own + " -> " + used);
    }
    return out;
  }

  @Test
  void no_package_of_the_indexer_uses_a_later_stage() throws IOException {
    List<String> violations = new ArrayList<>();
    int files = 0;
    try (Stream<Path> s = Files.walk(MAIN)) {
      for (Path f : s.filter(x -> x.toString().endsWith(".java")).toList()) {
        files++;
        violations.addAll(violations(MAIN.relativize(f).toString(), read(f)));
      }
    }
    assertThat(files).isGreaterThan(50);
    assertThat(violations).isEmpty();
  }

  @Test
  void a_chunker_that_imports_the_recogniser_is_caught() {
    String chunkUsingEnrich = "package dev.newssearch.indexer.chunk;\n\nimport dev.newssearch.indexer.enrich.EntityRecognizer;\n"
        + "import dev.newssearch.indexer.segment.Article;\n";
    assertThat(violations("chunk/Chunker.java", chunkUsingEnrich)).containsExactly("chunk/Chunker.java: chunk -> enrich");
    String enrichUsingPipeline = "package dev.newssearch.indexer.enrich;\nclass X { dev.newssearch.indexer.pipeline.Pipeline p; }";
    assertThat(violations("enrich/X.java", enrichUsingPipeline)).containsExactly("enrich/X.java: enrich -> pipeline");
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.newssearch.indexer.eval.devpages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The development corpus {@code shared/corpora/ner-dev.tsv}: newspaper sentences with hand-labelled
 * persons, places and organisations. It lives beside the repository and is read from there; it is
 * never copied into the project (its terms allow research use only).
 */
public final class DevCorpus {
  /** Overrides where the corpus is looked for. */
  public static final String ENV = "NEWS_DEV_CORPUS";
  private static final Path RELATIVE = Path.of("shared", "corpora", "ner-dev.tsv");

  private DevCorpus() {}

  /** {@code $NEWS_DEV_CORPUS}, else {@code shared/corpora/ner-dev.tsv} in the working directory or any parent. */
  public static Optional<Path> locate() {
    String env = System.getenv(ENV);
    if (env != null && !env.isBlank()) {
      Path p = Path.of(env);
      return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(RELATIVE);
      if (Files.isRegularFile(candidate)) return Optional.of(candidate);
    }
    return Optional.empty();
  }

  /** The one-line reason a test or command gives when the corpus is absent. */
  public static String absentReason() {
    return "development corpus not found (set " + ENV + " or keep ../shared/corpora/ner-dev.tsv beside the repository)";
  }

  public static List<DevSentence> load(Path tsv) {
    try {
      List<DevSentence> out = new ArrayList<>();
      for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
        if (line.startsWith("#") || line.isBlank()) continue;
        String[] cols = line.split("\t", -1);
        String text = cols[0].strip();
        if (text.isEmpty()) continue;
        out.add(new DevSentence(text, mentions(cols, 1), mentions(cols, 2), mentions(cols, 3)));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the development corpus " + tsv, e);
    }
  }

  private static List<String> mentions(String[] cols, int i) {
    if (cols.length <= i || cols[i].isBlank()) return List.of();
    return Arrays.stream(cols[i].split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}

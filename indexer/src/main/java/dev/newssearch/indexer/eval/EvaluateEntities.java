package dev.newssearch.indexer.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newssearch.core.schema.ParagraphDoc;
import dev.newssearch.indexer.credit.CreditSpans;
import dev.newssearch.indexer.enrich.Entities;
import dev.newssearch.indexer.enrich.EntityRecognizer;
import dev.newssearch.indexer.enrich.Surnames;
import dev.newssearch.indexer.pipeline.FileResult;
import dev.newssearch.indexer.pipeline.Pipeline;
import dev.newssearch.indexer.pipeline.PipelineOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Scores persons mentioned and reporters against the hand-written labels ({@code eval/labels/<seed>.json}):
 * precision, recall and F1 micro-averaged over files, with the distinct names per file as the unit, plus
 * every false positive and miss by name and the recogniser's speed in characters per second.
 *
 * <pre>java -cp indexer/target/indexer-all.jar dev.newssearch.indexer.eval.EvaluateEntities seeds eval/labels</pre>
 */
public final class EvaluateEntities {

  /** Counts for one field over all files. */
  public record Score(String field, int truePositives, int falsePositives, int misses,
                      List<String> falsePositiveNames, List<String> missedNames) {
    public double precision() {
      return ratio(truePositives, truePositives + falsePositives);
    }

    public double recall() {
      return ratio(truePositives, truePositives + misses);
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private static double ratio(int part, int whole) {
      return whole == 0 ? 1.0 : (double) part / whole;
    }
  }

  /** What one evaluation found. */
  public record Report(List<Score> scores, long characters, long recognitionNanos, long warmRecognitionNanos,
                       int paragraphs) {
    /** Speed of the scored pass, the first after loading (includes JIT warm-up). */
    public double charsPerSecond() {
      return recognitionNanos == 0 ? 0 : characters * 1e9 / recognitionNanos;
    }

    /** Speed of a second pass over the same paragraphs, what a long run sees. */
    public double warmCharsPerSecond() {
      return warmRecognitionNanos == 0 ? 0 : characters * 1e9 / warmRecognitionNanos;
    }

    public Score score(String field) {
      return scores.stream().filter(s -> s.field().equals(field)).findFirst().orElseThrow();
    }
  }

  private final EntityRecognizer recognizer;
  private final Function<Path, Map<String, List<ParagraphDoc>>> paragraphSource;

  /**
   * @param recognizer      the recogniser under test; it is run on every paragraph's text
   * @param paragraphSource reads a seed folder into paragraph documents per file name (the real pipeline);
   *                        reporters are taken from these documents
   */
  public EvaluateEntities(EntityRecognizer recognizer, Function<Path, Map<String, List<ParagraphDoc>>> paragraphSource) {
    this.recognizer = recognizer;
    this.paragraphSource = paragraphSource;
  }

  /**
   * Evaluation over the real text pipeline: paragraphs reflowed and segmented as they are indexed, reporters
   * from the pipeline's byline parsing.
   */
  public static EvaluateEntities withPipeline(EntityRecognizer recognizer) {
    Pipeline pipeline = Pipeline.create(PipelineOptions.DEFAULTS, recognizer);
    return new EvaluateEntities(recognizer, folder -> {
      Map<String, List<ParagraphDoc>> byFile = new java.util.TreeMap<>();
      try {
        for (FileResult result : pipeline.processFolder(folder)) {
          if (!result.ok()) {
            throw new IllegalStateException("the pipeline could not read " + result.file() + ": " + result.error().orElse(""));
          }
          byFile.put(result.file(), result.docs());
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read seeds from " + folder, e);
      }
      return byFile;
    });
  }

  /** Evaluation over the built-in simple reflow, for checking the recogniser apart from the pipeline. */
  public static EvaluateEntities withSimpleReflow(EntityRecognizer recognizer) {
    CreditSpans credits = new CreditSpans(Surnames.load());
    return new EvaluateEntities(recognizer, folder -> SeedParagraphs.read(folder, credits));
  }

  public Report evaluate(Path seeds, Path labels) {
    Map<String, List<ParagraphDoc>> docsByFile = paragraphSource.apply(seeds);
    List<String> personFps = new ArrayList<>();
    List<String> personMisses = new ArrayList<>();
    List<String> reporterFps = new ArrayList<>();
    List<String> reporterMisses = new ArrayList<>();
    int[] persons = new int[3];
    int[] reporters = new int[3];
    long characters = 0;
    long nanos = 0;
    int paragraphs = 0;
    for (Map.Entry<String, List<ParagraphDoc>> file : docsByFile.entrySet()) {
      Path labelFile = labels.resolve(file.getKey().replaceFirst("\\.txt$", "") + ".json");
      if (!Files.exists(labelFile)) {
        throw new IllegalArgumentException("no labels for " + file.getKey() + ": expected " + labelFile);
      }
      JsonNode label = readJson(labelFile);
      Set<String> foundPersons = new TreeSet<>();
      Set<String> foundReporters = new TreeSet<>();
      for (ParagraphDoc doc : file.getValue()) {
        long started = System.nanoTime();
        Entities entities = recognizer.recognize(doc.text());
        nanos += System.nanoTime() - started;
        characters += doc.text().length();
        paragraphs++;
        foundPersons.addAll(entities.persons());
        foundReporters.addAll(doc.reporters());
      }
      compare(file.getKey(), foundPersons, names(label, "persons"), persons, personFps, personMisses);
      compare(file.getKey(), foundReporters, names(label, "reporters"), reporters, reporterFps, reporterMisses);
    }
    long warmStarted = System.nanoTime();
    for (List<ParagraphDoc> docs : docsByFile.values()) {
      for (ParagraphDoc doc : docs) {
        recognizer.recognize(doc.text());
      }
    }
    long warmNanos = System.nanoTime() - warmStarted;
    return new Report(List.of(
        new Score("persons", persons[0], persons[1], persons[2], personFps, personMisses),
        new Score("reporters", reporters[0], reporters[1], reporters[2], reporterFps, reporterMisses)),
        characters, nanos, warmNanos, paragraphs);
  }

  /** Prints the report the way the {@code evaluate} command shows it. */
  public static void print(Report report, PrintStream out) {
    out.printf(Locale.ROOT, "%-10s %9s %9s %9s %5s %5s %5s%n", "field", "precision", "recall", "f1", "tp", "fp", "fn");
    for (Score s : report.scores()) {
      out.printf(Locale.ROOT, "%-10s %9.3f %9.3f %9.3f %5d %5d %5d%n", s.field(), s.precision(), s.recall(), s.f1(),
          s.truePositives(), s.falsePositives(), s.misses());
    }
    for (Score s : report.scores()) {
      out.println(s.field() + " false positives (" + s.falsePositives() + "): " + String.join(", ", s.falsePositiveNames()));
      out.println(s.field() + " misses (" + s.misses() + "): " + String.join(", ", s.missedNames()));
    }
    out.printf(Locale.ROOT, "recognised %d paragraphs, %d chars in %.0f ms: %.0f chars/s (first pass); "
            + "%.0f ms: %.0f chars/s (second pass)%n", report.paragraphs(), report.characters(),
        report.recognitionNanos() / 1e6, report.charsPerSecond(), report.warmRecognitionNanos() / 1e6,
        report.warmCharsPerSecond());
  }

  public static void main(String[] args) {
    System.exit(new picocli.CommandLine(new EvaluateCommand()).execute(args));
  }

  private static void compare(String file, Set<String> found, Set<String> expected, int[] counts,
                              List<String> fps, List<String> misses) {
    for (String name : found) {
      if (expected.contains(name)) {
        counts[0]++;
      } else {
        counts[1]++;
        fps.add(name + " [" + file + "]");
      }
    }
    for (String name : expected) {
      if (!found.contains(name)) {
        counts[2]++;
        misses.add(name + " [" + file + "]");
      }
    }
  }

  private static Set<String> names(JsonNode label, String field) {
    Set<String> names = new TreeSet<>();
    label.path(field).forEach(n -> names.add(n.asText()));
    return names;
  }

  private static JsonNode readJson(Path file) {
    try {
      return new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read labels " + file, e);
    }
  }

}

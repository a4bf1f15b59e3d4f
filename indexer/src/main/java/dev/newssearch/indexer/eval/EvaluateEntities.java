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
 * precision, recall and F1 micro-averaged over files ({@link FieldScore}, the one scorer of every evaluation),
 * with the distinct names per file as the unit, plus
 * every false positive and miss by name and the recogniser's speed in characters per second.
 *
 * <pre>java -cp indexer/target/indexer-all.jar dev.newssearch.indexer.eval.EvaluateEntities seeds eval/labels</pre>
 */
public final class EvaluateEntities {

  /** What one evaluation found. */
  public record Report(List<FieldScore> scores, long characters, long recognitionNanos, long warmRecognitionNanos,
                       int paragraphs) {
    /** Speed of the scored pass, the first after loading (includes JIT warm-up). */
    public double charsPerSecond() {
      return recognitionNanos == 0 ? 0 : characters * 1e9 / recognitionNanos;
    }

    /** Speed of a second pass over the same paragraphs, what a long run sees. */
    public double warmCharsPerSecond() {
      return warmRecognitionNanos == 0 ? 0 : characters * 1e9 / warmRecognitionNanos;
    }

    public FieldScore score(String field) {
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
    FieldScore persons = new FieldScore("persons");
    FieldScore reporters = new FieldScore("reporters");
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
      persons.add(file.getKey(), foundPersons, names(label, "persons"));
      reporters.add(file.getKey(), foundReporters, names(label, "reporters"));
    }
    long warmStarted = System.nanoTime();
    for (List<ParagraphDoc> docs : docsByFile.values()) {
      for (ParagraphDoc doc : docs) {
        recognizer.resolve(List.of(recognizer.analyse(doc.text())), Set.of()); // recognize() without its cache
      }
    }
    long warmNanos = System.nanoTime() - warmStarted;
    return new Report(List.of(persons, reporters), characters, nanos, warmNanos, paragraphs);
  }

  /** Prints the report the way the {@code evaluate} command shows it. */
  public static void print(Report report, PrintStream out) {
    out.printf(Locale.ROOT, "%-10s %9s %9s %9s %5s %5s %5s%n", "field", "precision", "recall", "f1", "tp", "fp", "fn");
    for (FieldScore s : report.scores()) {
      out.printf(Locale.ROOT, "%-10s %9.3f %9.3f %9.3f %5d %5d %5d%n", s.field(), s.precision(), s.recall(), s.f1(),
          s.truePositives(), s.falsePositives(), s.misses());
    }
    for (FieldScore s : report.scores()) {
      out.println(s.field() + " false positives (" + s.falsePositives() + "): " + withUnits(s, "fp", s.falsePositiveNames()));
      out.println(s.field() + " misses (" + s.misses() + "): " + withUnits(s, "fn", s.missedNames()));
    }
    out.printf(Locale.ROOT, "recognised %d paragraphs, %d chars in %.0f ms: %.0f chars/s (first pass); "
            + "%.0f ms: %.0f chars/s (second pass)%n", report.paragraphs(), report.characters(),
        report.recognitionNanos() / 1e6, report.charsPerSecond(), report.warmRecognitionNanos() / 1e6,
        report.warmCharsPerSecond());
  }

  public static void main(String[] args) {
    System.exit(new picocli.CommandLine(new EvaluateCommand()).execute(args));
  }

  /** Each name with the first file it was found wrongly in or missed from ({@code 成渝 [000_….txt]}). */
  private static String withUnits(FieldScore s, String kind, List<String> names) {
    List<String> shown = new ArrayList<>();
    for (String name : names) {
      shown.add(name + " [" + s.exampleUnit(kind + " " + name.replaceFirst("×\\d+$", "")) + "]");
    }
    return String.join(", ", shown);
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

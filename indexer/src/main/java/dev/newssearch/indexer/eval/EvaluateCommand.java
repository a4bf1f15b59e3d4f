package dev.newssearch.indexer.eval;

import dev.newssearch.indexer.enrich.EntityRecognizer;
import dev.newssearch.indexer.eval.devpages.DevCorpus;
import dev.newssearch.indexer.eval.devpages.DevPage;
import dev.newssearch.indexer.eval.devpages.GeneratorOptions;
import dev.newssearch.indexer.eval.devpages.PageGenerator;
import dev.newssearch.indexer.pipeline.Pipeline;
import dev.newssearch.indexer.pipeline.PipelineOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code evaluate SEEDS LABELS}: scores persons and reporters against the hand-written labels and prints
 * precision, recall, F1, the false positives and misses by name, and the recogniser's chars/s.
 * Paragraphs come from the indexing pipeline, so reporters are the pipeline's byline parse. Exit code 0 when
 * every score meets its target, 1 otherwise. The CLI registers it with one line:
 * {@code .addSubcommand(new EvaluateCommand())}.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Score persons and reporters against hand-written labels (eval/labels).")
public final class EvaluateCommand implements Callable<Integer> {

  @Parameters(index = "0", defaultValue = "seeds", description = "folder of seed .txt files (default: ${DEFAULT-VALUE})")
  Path seeds;

  @Parameters(index = "1", defaultValue = "eval/labels", description = "folder of <seed>.json labels (default: ${DEFAULT-VALUE})")
  Path labels;

  @Option(names = "--min-precision", defaultValue = "0.95", description = "target precision (default: ${DEFAULT-VALUE})")
  double minPrecision;

  @Option(names = "--min-recall", defaultValue = "0.90", description = "target recall (default: ${DEFAULT-VALUE})")
  double minRecall;

  @Option(names = "--simple-reflow", description = "read the seeds with the evaluation's own simple reflow instead of the "
      + "indexing pipeline (isolates the recogniser from reflow and byline parsing)")
  boolean simpleReflow;

  @Option(names = "--dev-sentences", description = "also score the clean sentences of this corpus file (ner-dev.tsv format)")
  Path devSentences;

  @Option(names = "--part", defaultValue = "-1", description = "with --dev-sentences: 0 even lines, 1 odd lines, -1 all")
  int part;

  @Option(names = "--list", defaultValue = "40", description = "how many false positives and misses to list per field")
  int listed;

  @Option(names = "--examples", description = "print the unit of each listed false positive and miss")
  boolean examples;

  @Option(names = "--dev-pages", defaultValue = "40", description = "how many generated dev pages to score, 0 for none (default: ${DEFAULT-VALUE})")
  int devPages;

  @Option(names = "--seed", defaultValue = "1998", description = "generator seed of the dev pages (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--mode", defaultValue = "UNIT", description = "evidence sharing on dev pages: PARAGRAPH, UNIT (a page), ARCHIVE (default: ${DEFAULT-VALUE})")
  UnitEvaluation.Mode mode;

  @Option(names = "--explain", description = "print the candidates, evidence and scores for this text and exit")
  String explain;

  @Override
  public Integer call() {
    EntityRecognizer recognizer = EntityRecognizer.loadGeneral();
    if (explain != null) {
      EntityRecognizer.Analysis analysis = recognizer.analyse(explain);
      System.out.println("words: " + recognizer.words(explain));
      recognizer.candidates(explain).forEach(m -> System.out.printf(java.util.Locale.ROOT, "  candidate %s %.2f %s%n",
          m.name(), m.score(), m.evidence()));
      analysis.mentions().forEach(m -> System.out.printf(java.util.Locale.ROOT, "%s %.2f %s%n", m.name(), m.score(), m.evidence()));
      System.out.println("title forms: " + analysis.titleForms());
      System.out.println("places: " + analysis.places() + " organisations: " + analysis.organizations());
      System.out.println("facets: " + recognizer.recognize(explain));
      return 0;
    }
    if (devSentences != null) {
      UnitEvaluation.Result result = new UnitEvaluation(recognizer)
          .evaluate("dev corpus sentences " + devSentences + (part < 0 ? "" : " part " + part),
              UnitEvaluation.corpusSentences(devSentences, part));
      UnitEvaluation.print(result, System.out, listed, examples);
    }
    boolean pagesMet = true;
    if (devPages > 0) {
      java.util.Optional<java.nio.file.Path> corpus = DevCorpus.locate();
      if (corpus.isEmpty()) {
        System.out.println("dev pages skipped: " + DevCorpus.absentReason());
      } else {
        List<DevPage> pages = PageGenerator.generate(DevCorpus.load(corpus.get()), GeneratorOptions.defaults(seed, devPages));
        Pipeline pipeline = Pipeline.create(PipelineOptions.DEFAULTS, recognizer);
        UnitEvaluation.Result result = new UnitEvaluation(recognizer)
            .evaluate(devPages + " dev pages, seed " + seed + ", mode " + mode, DevPageUnits.of(pages, pipeline), mode);
        UnitEvaluation.print(result, System.out, listed, examples);
        pagesMet = DevPageTargets.met(result, System.out);
      }
    }
    EvaluateEntities evaluation = simpleReflow
        ? EvaluateEntities.withSimpleReflow(recognizer)
        : EvaluateEntities.withPipeline(recognizer);
    EvaluateEntities.Report report = evaluation.evaluate(seeds, labels);
    EvaluateEntities.print(report, System.out);
    boolean seedsMet = report.scores().stream().allMatch(s -> s.precision() >= minPrecision && s.recall() >= minRecall);
    System.out.println("seeds: targets " + (seedsMet ? "met" : "NOT met") + " (precision >= " + minPrecision
        + ", recall >= " + minRecall + ")");
    boolean met = pagesMet && seedsMet;
    // the dev pages' own target lines are printed above; this line is the verdict of both
    System.out.println(met ? "targets met" : "targets NOT met (" + (pagesMet ? "seeds" : seedsMet ? "dev pages" : "dev pages and seeds") + ")");
    return met ? 0 : 1;
  }
}

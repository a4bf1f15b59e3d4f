package dev.newssearch.indexer.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newssearch.indexer.enrich.EntityRecognizer;
import dev.newssearch.indexer.eval.devpages.DevCorpus;
import dev.newssearch.indexer.eval.devpages.GeneratorOptions;
import dev.newssearch.indexer.eval.devpages.PageGenerator;
import dev.newssearch.indexer.pipeline.Pipeline;
import dev.newssearch.indexer.pipeline.PipelineOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The quality gate of entity recognition on text the rules were not written from: a fixed sample of
 * generated dev pages (seed 7, 12 pages, every layout), run through the real pipeline, scored per page with
 * the overrides folder empty. Fails when a figure drops below {@link DevPageTargets#GATE}.
 */
class DevPagesQualityTest {

  @Test
  void persons_places_and_organisations_on_unseen_pages_stay_above_the_gate() {
    Optional<Path> corpus = DevCorpus.locate();
    Assumptions.assumeTrue(corpus.isPresent(), DevCorpus.absentReason());
    EntityRecognizer recognizer = EntityRecognizer.loadGeneral();
    var pages = PageGenerator.generate(DevCorpus.load(corpus.get()), GeneratorOptions.defaults(7, 12));
    var units = DevPageUnits.of(pages, Pipeline.create(PipelineOptions.DEFAULTS, recognizer));

    UnitEvaluation.Result result = new UnitEvaluation(recognizer).evaluate("quality gate sample", units);

    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    UnitEvaluation.print(result, out, 30, false);
    DevPageTargets.met(result, out);
    String report = printed.toString(StandardCharsets.UTF_8);
    assertThat(DevPageTargets.GATE.check(result, out)).as(report).isTrue();
    assertThat(result.units()).isEqualTo(12);
    assertThat(result.persons().truePositives()).as(report).isGreaterThan(0);
  }
}

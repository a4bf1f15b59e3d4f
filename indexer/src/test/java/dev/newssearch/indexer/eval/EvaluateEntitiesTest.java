package dev.newssearch.indexer.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newssearch.indexer.enrich.EntityRecognizer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Runs the evaluation over the real seeds and hand-written labels: the targets of issue 4 are a regression test. */
class EvaluateEntitiesTest {

  private static final Path SEEDS = Path.of("../seeds");
  private static final Path LABELS = Path.of("../eval/labels");

  @Test
  void persons_on_the_seeds_meet_the_precision_and_recall_targets() {
    EvaluateEntities.Report report =
        EvaluateEntities.withSimpleReflow(EntityRecognizer.loadDefault()).evaluate(SEEDS, LABELS);

    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    EvaluateEntities.print(report, new PrintStream(printed, true, StandardCharsets.UTF_8));
    String output = printed.toString(StandardCharsets.UTF_8);

    assertThat(report.score("persons").precision()).as(output).isGreaterThanOrEqualTo(0.95);
    assertThat(report.score("persons").recall()).as(output).isGreaterThanOrEqualTo(0.90);
    assertThat(output).contains("chars/s", "persons false positives", "reporters misses");
  }
}

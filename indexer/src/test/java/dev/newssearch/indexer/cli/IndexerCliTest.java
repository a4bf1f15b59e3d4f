package dev.newssearch.indexer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newssearch.indexer.pipeline.Pipeline;
import dev.newssearch.localnode.junit.DeliberateFailures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class IndexerCliTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = IndexerCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void report_over_the_seeds_prints_totals_and_exits_zero() {
    assertThat(run("report", "../seeds", "--expected", "src/test/resources/pipeline/expected")).isZero();
    assertThat(out.toString()).contains("TOTAL (5 files, 0 failed)").contains("expected: ");
  }

  @Test
  void inspect_jsonl_prints_one_document_per_line() {
    assertThat(run("inspect", "../seeds/002_e46b5dd20027eeff.txt", "--format", "jsonl")).isZero();
    assertThat(out.toString().lines()).hasSize(22).allSatisfy(l -> assertThat(l).startsWith("{\"id\":"))
        .anySatisfy(l -> assertThat(l).contains(",\"suggest\":{\"input\":[")); // as the index stage sends it
  }

  @Test
  @DeliberateFailures(value = "a file is binary", loggers = Pipeline.class)
  void a_failed_file_gives_exit_code_one(@TempDir Path dir) throws Exception {
    Files.write(dir.resolve("broken.txt"), new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 0, 0, 0, 9, 8, 7, 1, 2, 3});
    assertThat(run("report", dir.toString())).isEqualTo(1);
    assertThat(out.toString()).contains("FAILED: broken.txt");
  }

  @Test
  void usage_errors_exit_with_two() {
    assertThat(run("inspect")).isEqualTo(2);
    assertThat(run("report", "/no/such/folder")).isEqualTo(2);
    assertThat(run("nonsense")).isEqualTo(2);
  }
}

package dev.newssearch.indexer.eval.devpages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newssearch.indexer.cli.IndexerCli;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

class DevPageOptionsTest {

  private static DevPageOptions parsed(String... args) {
    ParseResult result = IndexerCli.commandLine().parseArgs(args);
    CommandLine sub = result.subcommand().commandSpec().commandLine();
    return (DevPageOptions) sub.getCommandSpec().mixins().get("devPages").userObject();
  }

  @Test
  void each_command_that_generates_dev_pages_keeps_its_own_page_count_and_seed_by_default() {
    assertThat(parsed("evaluate-pipeline").generator()).isEqualTo(GeneratorOptions.defaults(1, 60));
    assertThat(parsed("evaluate-dates").generator()).isEqualTo(GeneratorOptions.defaults(1, 300));
    assertThat(parsed("devpages", "--out", "pages").generator()).isEqualTo(GeneratorOptions.defaults(1, 60));
  }

  @Test
  void pages_and_seed_given_on_the_command_line_reach_the_generator() {
    DevPageOptions options = parsed("evaluate-dates", "--pages", "12", "--seed", "7");
    assertThat(options.pages()).isEqualTo(12);
    assertThat(options.seed()).isEqualTo(7);
    assertThat(options.generator()).isEqualTo(GeneratorOptions.defaults(7, 12));
  }

  @Test
  void the_help_of_each_command_shows_its_own_default() {
    StringBuilder help = new StringBuilder();
    for (String command : new String[] {"evaluate-pipeline", "evaluate-dates"}) {
      help.append(IndexerCli.commandLine().getSubcommands().get(command).getUsageMessage());
    }
    assertThat(help.toString()).contains("Dev pages to generate (default 60)", "Dev pages to generate (default 300)");
  }
}

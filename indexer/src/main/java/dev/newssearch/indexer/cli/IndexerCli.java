package dev.newssearch.indexer.cli;

import dev.newssearch.indexer.enrich.EvaluateCommand;
import dev.newssearch.indexer.eval.dates.EvaluateDatesCommand;
import dev.newssearch.indexer.eval.devpages.DevPagesCommand;
import dev.newssearch.indexer.index.cli.IndexCommand;
import dev.newssearch.indexer.index.cli.StatusCommand;
import dev.newssearch.indexer.index.cli.WatchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar indexer/target/indexer-all.jar <command>}. Exit codes: 0 ok, 1 some files failed,
 * 2 usage error. A new subcommand is one more class in {@code subcommands} below.
 */
@Command(
    name = "indexer",
    mixinStandardHelpOptions = true,
    description = "Chinese newspaper archive indexer.",
    subcommands = {
      IndexCommand.class,
      WatchCommand.class,
      StatusCommand.class,
      InspectCommand.class,
      ReportCommand.class,
      EvaluateCommand.class,
      DevPagesCommand.class,
      EvaluateDatesCommand.class,
      CommandLine.HelpCommand.class
    })
public final class IndexerCli implements Runnable {
  public static final int OK = 0;
  public static final int SOME_FILES_FAILED = 1;
  public static final int USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  public static CommandLine commandLine() {
    return new CommandLine(new IndexerCli())
        .setExitCodeExceptionMapper(e -> USAGE)
        .setParameterExceptionHandler((ex, args) -> {
          ex.getCommandLine().getErr().println(ex.getMessage());
          ex.getCommandLine().usage(ex.getCommandLine().getErr());
          return USAGE;
        });
  }

  public static void main(String[] args) {
    LogToStderr.unlessConfigured();
    System.exit(commandLine().execute(args));
  }
}

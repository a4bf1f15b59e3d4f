package dev.newssearch.indexer.cli;

import dev.newssearch.indexer.eval.EvaluateCommand;
import dev.newssearch.indexer.eval.EvaluatePipelineCommand;
import dev.newssearch.indexer.eval.devpages.DevPagesCommand;
import dev.newssearch.indexer.index.cli.IndexCommand;
import dev.newssearch.indexer.index.cli.StatusCommand;
import dev.newssearch.indexer.index.cli.WatchCommand;
import dev.newssearch.indexer.eval.dates.EvaluateDatesCommand;
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
      EvaluatePipelineCommand.class,
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

  /**
   * The JVM decodes file names with {@code sun.jnu.encoding}, taken from the locale at start-up; under
   * {@code LANG=C} a Chinese name cannot be represented. Such a name is refused when the seeds folder is
   * read (never merged with another); this says why up front.
   */
  static void warnUnlessUtf8FileNames() {
    String jnu = System.getProperty("sun.jnu.encoding", "");
    if (!jnu.equalsIgnoreCase("UTF-8") && !jnu.equalsIgnoreCase("UTF8")) {
      System.err.println("warning: file names are decoded as " + jnu + " (locale "
          + System.getenv().getOrDefault("LC_ALL", System.getenv().getOrDefault("LANG", "unset"))
          + "); names outside it will be refused. Run under a UTF-8 locale (LC_ALL=C.UTF-8) or through indexer/bin/indexer.");
    }
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
    warnUnlessUtf8FileNames();
    System.exit(commandLine().execute(args));
  }
}

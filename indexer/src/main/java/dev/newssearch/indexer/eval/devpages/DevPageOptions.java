package dev.newssearch.indexer.eval.devpages;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --pages} and {@code --seed} of the commands that generate dev pages, and what they all do first:
 * find the dev corpus or say why it is absent. A picocli mixin; each command gives its own defaults
 * ({@code @Mixin DevPageOptions dev = new DevPageOptions(60, 1);}), which {@code --help} shows.
 */
public final class DevPageOptions {
  @Option(names = "--pages", description = "Dev pages to generate (default ${DEFAULT-VALUE}).")
  int pages;

  @Option(names = "--seed", description = "Generator seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Spec(Spec.Target.MIXEE) CommandSpec command;

  public DevPageOptions(int pages, long seed) {
    this.pages = pages;
    this.seed = seed;
  }

  public int pages() {
    return pages;
  }

  public long seed() {
    return seed;
  }

  /** Every layout and every date mode, pages of 1998, as many as {@code --pages} from {@code --seed}. */
  public GeneratorOptions generator() {
    return GeneratorOptions.defaults(seed, pages);
  }

  /** True, having said why on the command's error stream, when there is no dev corpus to generate from. */
  public boolean corpusAbsent() {
    if (DevCorpus.locate().isPresent()) {
      return false;
    }
    command.commandLine().getErr().println(DevCorpus.absentReason());
    return true;
  }

}

package dev.newssearch.indexer.eval.devpages;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code devpages --out DIR}: damaged pages laid out from the development corpus, for inspect, evaluate and benchmarks. */
@Command(name = "devpages", mixinStandardHelpOptions = true,
    description = "Generate damaged newspaper pages (with truth.jsonl) from the development corpus ../shared/corpora/ner-dev.tsv.")
public final class DevPagesCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Folder to write the pages to.")
  Path out;

  @Mixin DevPageOptions devPages = new DevPageOptions(60, 1);

  @Option(names = "--year", defaultValue = "1998", description = "Year the pages are printed in (default ${DEFAULT-VALUE}).")
  int year;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (devPages.corpusAbsent()) {
      return 2;
    }
    List<DevPage> generated = DevPages.generate(devPages.generator().withYear(year));
    DevPages.write(generated, out);
    spec.commandLine().getOut().printf("%d pages written to %s (truth in %s)%n", generated.size(), out, DevPages.TRUTH);
    return 0;
  }
}

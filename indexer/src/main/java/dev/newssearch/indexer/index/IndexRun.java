package dev.newssearch.indexer.index;

import java.time.Duration;
import java.util.List;

/**
 * The summary of one run, made of small count records; adds up: {@code sent == indexed + deleted + failed}.
 *
 * @param mode          what was done
 * @param reason        why (e.g. "schema changed", "3 added, 1 changed, 0 removed, 1 unchanged")
 * @param target        the alias, the index written and the alias target before the run
 * @param inputs        the seed files: in the folder, processed, removed, skipped with the reason
 * @param content       what the pipeline made of the processed files
 * @param writes        the bulk writes, reconciled
 * @param indexCount    documents in the index after the run
 * @param expectedCount documents the index should hold according to its manifest
 * @param pruned        old index versions deleted
 * @param took          wall time of the run
 * @param pipelineTook  CPU time spent in the text pipeline (its workers run beside the load)
 */
public record IndexRun(Mode mode, String reason, Target target, Inputs inputs, Content content, Writes writes,
    long indexCount, long expectedCount, List<String> pruned, Duration took, Duration pipelineTook) {

  public enum Mode { FULL, INCREMENTAL, UP_TO_DATE, FAILED }

  /**
   * @param index         the physical index written (the alias target afterwards when {@link #ok()})
   * @param previousIndex the alias target before the run, null when there was none
   */
  public record Target(String alias, String index, String previousIndex) {}

  /**
   * @param files     seed files in the folder
   * @param processed seed files run through the pipeline
   * @param removed   seed files whose paragraphs were deleted
   * @param skipped   seed files that could not be read or decoded, each "name: reason"
   */
  public record Inputs(int files, int processed, int removed, List<String> skipped) {
    public Inputs {
      skipped = List.copyOf(skipped);
    }
  }

  /**
   * @param articles   articles among the processed paragraphs
   * @param paragraphs paragraphs produced by the pipeline for the processed files
   * @param persons    distinct persons among the processed paragraphs
   * @param chars      characters of body text among the processed paragraphs
   */
  public record Content(long articles, long paragraphs, long persons, long chars) {
    public static final Content NONE = new Content(0, 0, 0, 0);
  }

  public IndexRun {
    pruned = List.copyOf(pruned);
  }

  public IndexRun withMode(Mode newMode) {
    return new IndexRun(newMode, reason, target, inputs, content, writes, indexCount, expectedCount, pruned, took,
        pipelineTook);
  }

  public IndexRun withPruned(List<String> newPruned, Duration newTook) {
    return new IndexRun(mode, reason, target, inputs, content, writes, indexCount, expectedCount, newPruned, newTook,
        pipelineTook);
  }

  public String alias() {
    return target.alias();
  }

  public String index() {
    return target.index();
  }

  public String previousIndex() {
    return target.previousIndex();
  }

  public int files() {
    return inputs.files();
  }

  public int processed() {
    return inputs.processed();
  }

  public int removed() {
    return inputs.removed();
  }

  public List<String> skipped() {
    return inputs.skipped();
  }

  public long articles() {
    return content.articles();
  }

  public long paragraphs() {
    return content.paragraphs();
  }

  public long persons() {
    return content.persons();
  }

  public long chars() {
    return content.chars();
  }

  public long sent() {
    return writes.sent();
  }

  public long indexed() {
    return writes.indexed();
  }

  public long deleted() {
    return writes.deleted();
  }

  public long failed() {
    return writes.failed();
  }

  public List<ItemFailure> failures() {
    return writes.failures();
  }

  /** Everything sent was acknowledged and the index holds what its manifest says. */
  public boolean written() {
    return mode != Mode.FAILED && writes.failed() == 0 && indexCount == expectedCount;
  }

  /** Written, and no seed file was skipped (a skipped file makes the run incomplete: exit 1). */
  public boolean ok() {
    return written() && inputs.skipped().isEmpty();
  }

  public boolean reconciled() {
    return writes.balanced();
  }

  /** One line for logs and the CLI. */
  public String summary() {
    return String.format(
        "%s %s -> %s: files=%d processed=%d removed=%d skipped=%d articles=%d paragraphs=%d persons=%d | "
            + "sent=%d = indexed=%d + deleted=%d + failed=%d | count=%d expected=%d | %.1fs (pipeline cpu %.1fs) (%s)",
        mode, alias(), index(), files(), processed(), removed(), skipped().size(), articles(), paragraphs(),
        persons(), sent(), indexed(), deleted(), failed(), indexCount, expectedCount, took.toMillis() / 1000.0,
        pipelineTook.toMillis() / 1000.0, reason);
  }
}

package dev.newssearch.indexer.index;

import java.time.Duration;
import java.util.List;

/**
 * The summary of one run; adds up: {@code sent == indexed + deleted + failed}.
 *
 * @param mode          what was done
 * @param reason        why (e.g. "schema changed", "3 added, 1 changed, 0 removed, 1 unchanged")
 * @param index         the physical index written (the alias target afterwards when {@link #ok()})
 * @param previousIndex the alias target before the run, null when there was none
 * @param files         seed files in the folder
 * @param processed     seed files run through the pipeline
 * @param removed       seed files whose paragraphs were deleted
 * @param skipped       seed files the pipeline could not read, with the reason
 * @param articles      distinct articles among the processed paragraphs
 * @param paragraphs    paragraphs produced by the pipeline for the processed files
 * @param persons       distinct persons among the processed paragraphs
 * @param chars         characters of body text among the processed paragraphs
 * @param sent          bulk operations sent (index + delete)
 * @param indexed       index operations acknowledged
 * @param deleted       delete operations acknowledged
 * @param failed        operations that were not acknowledged (see {@link #failures})
 * @param failures      each unacknowledged operation with its file and paragraph id
 * @param indexCount    documents in the index after the run
 * @param expectedCount documents the index should hold according to its manifest
 * @param pruned        old index versions deleted
 * @param took          wall time of the run
 * @param pipelineTook  part of {@code took} spent in the text pipeline (the rest is Elasticsearch)
 */
public record IndexRun(Mode mode, String reason, String alias, String index, String previousIndex, int files,
    int processed, int removed, List<String> skipped, long articles, long paragraphs, long persons, long chars,
    long sent, long indexed, long deleted, long failed, List<ItemFailure> failures, long indexCount,
    long expectedCount, List<String> pruned, Duration took, Duration pipelineTook) {

  public enum Mode { FULL, INCREMENTAL, UP_TO_DATE, FAILED }

  public IndexRun {
    skipped = List.copyOf(skipped);
    failures = List.copyOf(failures);
    pruned = List.copyOf(pruned);
  }

  /** Everything sent was acknowledged and the index holds what its manifest says. */
  public boolean ok() {
    return mode != Mode.FAILED && failed == 0 && indexCount == expectedCount;
  }

  public boolean reconciled() {
    return sent == indexed + deleted + failed;
  }

  /** One line for logs and the CLI. */
  public String summary() {
    return String.format(
        "%s %s -> %s: files=%d processed=%d removed=%d skipped=%d articles=%d paragraphs=%d persons=%d | "
            + "sent=%d = indexed=%d + deleted=%d + failed=%d | count=%d expected=%d | %.1fs (pipeline %.1fs) (%s)",
        mode, alias, index, files, processed, removed, skipped.size(), articles, paragraphs, persons,
        sent, indexed, deleted, failed, indexCount, expectedCount, took.toMillis() / 1000.0,
        pipelineTook.toMillis() / 1000.0, reason);
  }
}

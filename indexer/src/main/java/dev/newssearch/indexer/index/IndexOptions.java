package dev.newssearch.indexer.index;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How the index stage writes. Parsed once at the edge (CLI options) and passed down.
 *
 * @param batchSize      operations per bulk request
 * @param concurrency    bulk requests in flight at once
 * @param keep           previous index versions kept for rollback after a full build
 * @param replicas       number_of_replicas once a full build is live (0 on a single node)
 * @param maxRetries     attempts for an operation refused with 429 or lost in transport
 * @param initialBackoff first retry delay; doubles on every attempt
 * @param dictDirs       the nodes' {@code analysis-ik} folders to write learned names into (may be empty)
 */
public record IndexOptions(int batchSize, int concurrency, int keep, int replicas, int maxRetries,
    Duration initialBackoff, List<Path> dictDirs) {

  public static final int DEFAULT_BATCH_SIZE = 500;
  public static final int DEFAULT_CONCURRENCY = 2;
  public static final int DEFAULT_KEEP = 1;

  public IndexOptions {
    if (batchSize < 1) {
      throw new IllegalArgumentException("--batch-size must be at least 1, got " + batchSize);
    }
    if (concurrency < 1) {
      throw new IllegalArgumentException("--concurrency must be at least 1, got " + concurrency);
    }
    if (keep < 0) {
      throw new IllegalArgumentException("--keep must be 0 or more, got " + keep);
    }
    if (replicas < 0) {
      throw new IllegalArgumentException("--replicas must be 0 or more, got " + replicas);
    }
    dictDirs = List.copyOf(dictDirs);
  }

  public static IndexOptions defaults() {
    return new IndexOptions(DEFAULT_BATCH_SIZE, DEFAULT_CONCURRENCY, DEFAULT_KEEP, 0, 6, Duration.ofMillis(200),
        List.of());
  }

  public IndexOptions withDictDirs(List<Path> dirs) {
    return new IndexOptions(batchSize, concurrency, keep, replicas, maxRetries, initialBackoff, dirs);
  }

  public IndexOptions withBatch(int newBatchSize, int newConcurrency) {
    return new IndexOptions(newBatchSize, newConcurrency, keep, replicas, maxRetries, initialBackoff, dictDirs);
  }

  public IndexOptions withKeep(int newKeep) {
    return new IndexOptions(batchSize, concurrency, newKeep, replicas, maxRetries, initialBackoff, dictDirs);
  }
}

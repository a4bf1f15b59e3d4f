package dev.newssearch.indexer.index;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How the index stage reads and writes. Parsed once at the edge (CLI options) and passed down.
 *
 * @param batchSize      operations per bulk request
 * @param concurrency    bulk requests in flight at once
 * @param keep           previous index versions kept for rollback after a full build
 * @param replicas       number_of_replicas of the index (kept during the load too, so a lost node loses
 *                       no acknowledged write; 0 loads fastest on a single node)
 * @param maxRetries     attempts for an operation refused with 429 or 503
 * @param initialBackoff first retry delay; doubles on every attempt
 * @param stallTimeout   a load that gets no successful bulk answer for this long ends as unreachable
 * @param workers        pipeline threads (files processed at once)
 * @param files          which files of the seeds folder are read, and how large they may be
 * @param dictDirs       the nodes' {@code analysis-ik} folders to write learned names into (may be empty)
 */
public record IndexOptions(int batchSize, int concurrency, int keep, int replicas, int maxRetries,
    Duration initialBackoff, Duration stallTimeout, int workers, FileRules files, List<Path> dictDirs) {

  public static final int DEFAULT_BATCH_SIZE = 500;
  public static final int DEFAULT_CONCURRENCY = 2;
  public static final int DEFAULT_KEEP = 1;
  public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(30);

  /**
   * @param maxBytes           a larger file is refused with the reason (never read into memory)
   * @param followOutsideLinks whether a symbolic link may lead out of the seeds folder
   */
  public record FileRules(long maxBytes, boolean followOutsideLinks) {
    /**
     * A file above 4 MB goes through the pipeline in windows of about a million characters
     * ({@code Pipeline.Windowing}), so its size no longer sets the heap it needs: a 50 MB file indexes
     * within the launcher's 256 MB. The limit is what a user sets against a stray huge file (a dump, a
     * log): larger files are refused with the reason instead of being read.
     */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    public static final FileRules DEFAULTS = new FileRules(DEFAULT_MAX_BYTES, false);

    public FileRules {
      if (maxBytes < 1) {
        throw new IllegalArgumentException("--max-file-mb must be at least 1");
      }
    }
  }

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
    if (workers < 1) {
      throw new IllegalArgumentException("--workers must be at least 1, got " + workers);
    }
    dictDirs = List.copyOf(dictDirs);
  }

  public static int defaultWorkers() {
    return Runtime.getRuntime().availableProcessors();
  }

  public static IndexOptions defaults() {
    return new IndexOptions(DEFAULT_BATCH_SIZE, DEFAULT_CONCURRENCY, DEFAULT_KEEP, 0, 10, Duration.ofMillis(200),
        DEFAULT_STALL_TIMEOUT, defaultWorkers(), FileRules.DEFAULTS, List.of());
  }

  public IndexOptions withDictDirs(List<Path> dirs) {
    return new IndexOptions(batchSize, concurrency, keep, replicas, maxRetries, initialBackoff, stallTimeout, workers,
        files, dirs);
  }

  public IndexOptions withBatch(int newBatchSize, int newConcurrency) {
    return new IndexOptions(newBatchSize, newConcurrency, keep, replicas, maxRetries, initialBackoff, stallTimeout,
        workers, files, dictDirs);
  }

  public IndexOptions withKeep(int newKeep) {
    return new IndexOptions(batchSize, concurrency, newKeep, replicas, maxRetries, initialBackoff, stallTimeout,
        workers, files, dictDirs);
  }

  public IndexOptions withReplicas(int newReplicas) {
    return new IndexOptions(batchSize, concurrency, keep, newReplicas, maxRetries, initialBackoff, stallTimeout,
        workers, files, dictDirs);
  }

  public IndexOptions withStallTimeout(Duration timeout) {
    return new IndexOptions(batchSize, concurrency, keep, replicas, maxRetries, initialBackoff, timeout, workers,
        files, dictDirs);
  }

  public IndexOptions withFiles(FileRules rules) {
    return new IndexOptions(batchSize, concurrency, keep, replicas, maxRetries, initialBackoff, stallTimeout, workers,
        rules, dictDirs);
  }
}

package dev.newssearch.indexer.index;

/** Progress of a run, for a progress bar; called from the indexing thread and the bulk threads. */
public interface ProgressListener {
  ProgressListener NONE = new ProgressListener() {};

  /** A phase starts ("pipeline", "bulk") with this many steps. */
  default void phase(String name, long steps) {}

  default void step(long n) {}

  default void done() {}
}

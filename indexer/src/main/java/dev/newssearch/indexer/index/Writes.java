package dev.newssearch.indexer.index;

import java.util.List;

/**
 * The bulk writes of one run, reconciled: {@code sent == indexed + deleted + failed}.
 *
 * @param sent     operations sent (index + delete)
 * @param indexed  index operations acknowledged
 * @param deleted  delete operations acknowledged
 * @param failed   operations that were not acknowledged (see {@code failures})
 * @param retries  retries (429, 503, no answer) along the way
 * @param failures each unacknowledged operation with its file and paragraph id
 */
public record Writes(long sent, long indexed, long deleted, long failed, long retries, List<ItemFailure> failures) {
  public static final Writes NONE = new Writes(0, 0, 0, 0, 0, List.of());

  public Writes {
    failures = List.copyOf(failures);
  }

  public boolean balanced() {
    return sent == indexed + deleted + failed;
  }
}

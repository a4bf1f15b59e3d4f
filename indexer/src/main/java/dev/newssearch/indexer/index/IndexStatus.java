package dev.newssearch.indexer.index;

import java.util.List;
import java.util.Map;

/**
 * What {@code status} prints.
 *
 * @param alias    the alias users search
 * @param index    the physical index it points to, null when the alias does not exist
 * @param count    documents in that index
 * @param versions all versioned indices of the alias, oldest first (the older ones are for rollback)
 * @param builtAt  when the index was built
 * @param diff     seeds folder vs the index's manifest, null without an index
 * @param sync     "in sync", "out of sync: …" or "rebuild needed: …"
 * @param skipped  seed files that are not indexed, each "name: reason" (unreadable, not a regular file,
 *                 a link out of the folder, too large, undecodable)
 * @param lastRun  the last run's summary stored in the index's {@code _meta}
 */
public record IndexStatus(String alias, String index, long count, List<String> versions, String builtAt,
    SeedDiff diff, String sync, List<String> skipped, Map<String, Object> lastRun) {

  public IndexStatus {
    skipped = List.copyOf(skipped);
  }

  /** The index holds every seed file as it is now; a skipped file means it does not (exit 1). */
  public boolean inSync() {
    return "in sync".equals(sync) && skipped.isEmpty();
  }
}

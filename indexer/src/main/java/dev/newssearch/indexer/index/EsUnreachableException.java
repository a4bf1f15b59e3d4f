package dev.newssearch.indexer.index;

import java.io.IOException;

/**
 * Elasticsearch stopped answering in the middle of a run (killed, unreachable, or hung past the
 * deadline). The run cannot finish; the alias stays where it was and a rerun converges.
 */
public final class EsUnreachableException extends IOException {
  public EsUnreachableException(String message) {
    super(message);
  }
}

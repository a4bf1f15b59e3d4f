package dev.newssearch.indexer.index;

/** A bulk write that was not acknowledged, with the seed file and paragraph id it came from. */
public record ItemFailure(String file, String id, int status, String type, String reason) {
  @Override
  public String toString() {
    return file + " #" + id + ": " + status + " " + type + " " + reason;
  }
}

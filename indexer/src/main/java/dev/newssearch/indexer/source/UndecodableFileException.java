package dev.newssearch.indexer.source;

/** The file is not text in any encoding we accept (binary, or too many invalid sequences). */
public final class UndecodableFileException extends Exception {
  public UndecodableFileException(String fileName, String reason) {
    super(fileName + ": " + reason);
  }
}

package dev.newssearch.localnode;

/** A start or stop that failed; the message says why and what to change. */
public final class LauncherException extends RuntimeException {
  public LauncherException(String message) {
    super(message);
  }

  public LauncherException(String message, Throwable cause) {
    super(message, cause);
  }
}

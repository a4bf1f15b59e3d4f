package dev.newssearch.core.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The one sha256 of the project: file hashes, content hashes, ids and fingerprints all go through here. */
public final class Sha256 {
  private Sha256() {}

  /** Lower-case hex sha256 of the UTF-8 bytes of {@code text}. */
  public static String hex(String text) {
    return hex(text.getBytes(StandardCharsets.UTF_8));
  }

  public static String hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available in the JDK", e);
    }
  }
}

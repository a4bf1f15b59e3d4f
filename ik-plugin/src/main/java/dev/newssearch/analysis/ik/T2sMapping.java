package dev.newssearch.analysis.ik;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@code news_t2s} pair file ({@code 繁<TAB>简} per line, {@code #} comment lines): one character
 * for one, as a table that {@link T2sCharFilter} reads.
 *
 * <p>Each index creation and {@code _analyze} request builds a new factory; the file is read every
 * time (so an edit reaches the next new index) but the table is built once per distinct content.
 */
final class T2sMapping {

  private static final Map<String, T2sMapping> BY_CONTENT_HASH = new ConcurrentHashMap<>();

  /** Every UTF-16 unit's replacement (itself when unmapped): 128 KB, one lookup per character. */
  private final char[] units = new char[Character.MAX_VALUE + 1];
  /** Pairs outside the BMP (a surrogate pair for a surrogate pair), by code point. */
  private final Map<Integer, Integer> supplementary = new HashMap<>();
  private final Map<String, String> pairs;

  private T2sMapping(Map<String, String> pairs) {
    this.pairs = Map.copyOf(pairs);
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      units[c] = (char) c;
    }
    pairs.forEach((from, to) -> {
      if (from.length() == 1) {
        units[from.charAt(0)] = to.charAt(0);
      } else {
        supplementary.put(from.codePointAt(0), to.codePointAt(0));
      }
    });
  }

  /** The pairs as read, traditional to simplified (for tests and tools). */
  Map<String, String> pairs() {
    return pairs;
  }

  /**
   * Replaces, in place, each character that has a pair: a surrogate pair as a whole when it is mapped,
   * else unit by unit, as a longest-match replacement of these one-character keys would.
   */
  void apply(char[] text, int length) {
    for (int i = 0; i < length; i++) {
      char c = text[i];
      if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text[i + 1])
          && !supplementary.isEmpty()) {
        Integer to = supplementary.get(Character.toCodePoint(c, text[i + 1]));
        if (to != null) {
          Character.toChars(to, text, i); // same UTF-16 length, checked when parsed
          i++;
          continue;
        }
      }
      text[i] = units[c];
    }
  }

  static T2sMapping load(Optional<Path> esConfigDir, String relativePath) {
    if (relativePath == null || relativePath.isBlank()) {
      throw new IllegalArgumentException("news_t2s needs a mapping_path, e.g. analysis-ik/t2s.txt");
    }
    Path base = esConfigDir.orElseThrow(() -> new IllegalArgumentException(
        "mapping_path [" + relativePath + "] needs the node config folder (es.path.conf), which is unknown here"));
    Path file = base.resolve(relativePath).normalize();
    if (!file.startsWith(base.normalize())) {
      throw new IllegalArgumentException(
          "mapping_path must stay inside the node config folder " + base + ", got: " + relativePath);
    }
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("mapping_path file not found: " + file, e);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read mapping_path file " + file + ": " + e, e);
    }
    return BY_CONTENT_HASH.computeIfAbsent(sha256(content), hash -> parse(content, file.toString()));
  }

  /**
   * Single characters only (one code point each side): a pair that changed the text length would
   * shift offsets inside a token, and IK would see a different number of characters than were printed.
   */
  static T2sMapping parse(byte[] content, String source) {
    String text = new String(content, StandardCharsets.UTF_8);
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    Map<String, String> pairs = new LinkedHashMap<>();
    String[] lines = text.split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] pair = line.split("\t");
      if (pair.length != 2 || !oneCharacter(pair[0]) || !oneCharacter(pair[1])
          || pair[0].length() != pair[1].length()) {
        throw new IllegalArgumentException(source + " line " + (i + 1)
            + ": expected one traditional and one simplified character of the same UTF-16 length "
            + "separated by a tab, got [" + lines[i] + "]");
      }
      if (!pair[0].equals(pair[1])) {
        String before = pairs.putIfAbsent(pair[0], pair[1]);
        if (before != null) {
          throw new IllegalArgumentException(source + " line " + (i + 1) + ": " + pair[0]
              + " has a pair already (" + before + ")");
        }
      }
    }
    return new T2sMapping(pairs);
  }

  private static boolean oneCharacter(String s) {
    return !s.isEmpty() && s.codePointCount(0, s.length()) == 1;
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}

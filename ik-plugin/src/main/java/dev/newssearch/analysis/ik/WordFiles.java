package dev.newssearch.analysis.ik;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads IK word lists: UTF-8, one word per line, {@code #} starts a comment line. */
final class WordFiles {

  private WordFiles() {}

  static List<String> parse(byte[] content) {
    String text = new String(content, StandardCharsets.UTF_8);
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      // Windows editors put a BOM in front of the first word, which then never matches
      text = text.substring(1);
    }
    List<String> words = new ArrayList<>();
    for (String line : text.split("\r?\n")) {
      String word = line.strip();
      if (!word.isEmpty() && !word.startsWith("#")) {
        words.add(word);
      }
    }
    return words;
  }

  static List<String> read(Path file) throws IOException {
    return parse(Files.readAllBytes(file));
  }
}

package dev.newssearch.indexer.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the enrich stage's data files from the classpath: one entry a line, '#' starts a comment line. */
final class Resources {

  private Resources() {}

  static List<String> lines(String name) {
    return classpathLines("/enrich/" + name);
  }

  /** Any classpath text resource, same comment and blank-line rules. */
  static List<String> classpathLines(String path) {
    InputStream in = Resources.class.getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException("missing data file on the classpath: " + path);
    }
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        String trimmed = line.strip();
        if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
          lines.add(trimmed);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
    return lines;
  }

  static Set<String> words(String name) {
    return new LinkedHashSet<>(lines(name));
  }

  /** A {@code canonical<TAB>alias,alias} file as a map from every spelling (canonical included) to the canonical name. */
  static Map<String, String> aliases(String name) {
    Map<String, String> canonicalOf = new LinkedHashMap<>();
    for (String line : lines(name)) {
      String[] columns = line.split("\t", -1);
      String canonical = columns[0].strip();
      canonicalOf.put(canonical, canonical);
      if (columns.length > 1) {
        for (String alias : columns[1].split(",")) {
          if (!alias.isBlank()) {
            canonicalOf.put(alias.strip(), canonical);
          }
        }
      }
    }
    return canonicalOf;
  }
}

package dev.newssearch.api.query;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Query-time synonym groups read from {@code synonyms.txt}: one group a line, comma-separated,
 * {@code #} starts a comment. Expansion is done in Java so it works whatever the index's analyzer.
 */
public final class Synonyms {
  private final Map<String, List<String>> groups;

  private Synonyms(Map<String, List<String>> groups) {
    this.groups = Map.copyOf(groups);
  }

  public static Synonyms none() {
    return new Synonyms(Map.of());
  }

  public static Synonyms fromClasspath(String resource) {
    try (InputStream in = Synonyms.class.getClassLoader().getResourceAsStream(resource)) {
      Objects.requireNonNull(in, () -> "missing classpath resource " + resource);
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Synonyms parse(List<String> lines) {
    Map<String, List<String>> map = new HashMap<>();
    for (String line : lines) {
      int hash = line.indexOf('#');
      String body = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (body.isEmpty()) {
        continue;
      }
      var words = new LinkedHashSet<String>();
      for (String w : body.split("[,，]")) {
        String word = TextNormalizer.normalize(w).strip();
        if (!word.isEmpty()) {
          words.add(word);
        }
      }
      if (words.size() < 2) {
        continue;
      }
      for (String w : words) {
        var merged = new LinkedHashSet<>(map.getOrDefault(w, List.of(w)));
        merged.addAll(words);
        map.put(w, new ArrayList<>(merged));
      }
    }
    map.replaceAll((k, v) -> List.copyOf(v));
    return new Synonyms(map);
  }

  /** The word itself first, then its synonyms. */
  public List<String> expand(String word) {
    return groups.getOrDefault(word, List.of(word));
  }
}

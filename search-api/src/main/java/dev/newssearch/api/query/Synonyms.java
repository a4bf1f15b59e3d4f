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
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Query-time synonym groups from the project's one synonym file, {@code synonyms/news-synonyms.txt}
 * in the core jar (Solr format; the IK plugin's {@code news_synonym} filter reads the same file).
 * Expansion is done in Java so that every variant becomes an exact-substring alternative, whatever
 * the index's analyzer: {@code WHO} finds 世界卫生组织 through {@code text.chars}, where an analyzer
 * synonym could not reach.
 */
public final class Synonyms {
  /** The shipped file, in the core jar. */
  public static final String SHIPPED = "synonyms/news-synonyms.txt";
  /** The name of the API's former private copy; kept so existing callers read the shipped file. */
  private static final String FORMER_NAME = "synonyms.txt";

  private final Map<String, List<String>> groups;

  private Synonyms(Map<String, List<String>> groups) {
    this.groups = Map.copyOf(groups);
  }

  public static Synonyms none() {
    return new Synonyms(Map.of());
  }

  public static Synonyms shipped() {
    return fromClasspath(SHIPPED);
  }

  public static Synonyms fromClasspath(String resource) {
    String name = resource.equals(FORMER_NAME) ? SHIPPED : resource;
    try (InputStream in = Synonyms.class.getClassLoader().getResourceAsStream(name)) {
      Objects.requireNonNull(in, () -> "missing classpath resource " + name);
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Solr format: {@code a, b, c} makes the terms interchangeable; {@code a, b => c} lets a and b
   * also find c (one way). Terms are normalised as queries are (NFKC, simplified, lower case).
   */
  public static Synonyms parse(List<String> lines) {
    Map<String, LinkedHashSet<String>> map = new HashMap<>();
    for (String line : lines) {
      int hash = line.indexOf('#');
      String body = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (body.isEmpty()) {
        continue;
      }
      int arrow = body.indexOf("=>");
      List<String> left = terms(arrow >= 0 ? body.substring(0, arrow) : body);
      List<String> right = arrow >= 0 ? terms(body.substring(arrow + 2)) : left;
      for (String w : left) {
        LinkedHashSet<String> merged = map.computeIfAbsent(w, k -> new LinkedHashSet<>(List.of(k)));
        merged.addAll(right);
      }
    }
    Map<String, List<String>> out = new HashMap<>();
    map.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return new Synonyms(out);
  }

  private static List<String> terms(String side) {
    var words = new LinkedHashSet<String>();
    for (String w : side.split("[,，]")) {
      String word = key(w);
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    return new ArrayList<>(words);
  }

  private static String key(String word) {
    return TextNormalizer.normalize(word).strip().toLowerCase(Locale.ROOT);
  }

  /** Every term of every group (for the word splitter's dictionary). */
  public java.util.Set<String> terms() {
    return groups.keySet();
  }

  /** The word itself first, then its synonyms. */
  public List<String> expand(String word) {
    List<String> group = groups.get(key(word));
    if (group == null) {
      return List.of(word);
    }
    List<String> out = new ArrayList<>(group.size());
    out.add(word);
    for (String g : group) {
      if (!g.equalsIgnoreCase(word)) {
        out.add(g);
      }
    }
    return out;
  }
}

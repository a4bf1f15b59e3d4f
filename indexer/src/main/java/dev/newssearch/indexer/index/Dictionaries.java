package dev.newssearch.indexer.index;

import dev.newssearch.core.hash.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IK dictionaries the node analyses with: every {@code *.dic} plus the synonym files in each
 * node's {@code config/analysis-ik/}. Their hash goes into each index's {@code _meta}; when it
 * changes the index was analysed with other dictionaries, so the next run rebuilds it.
 */
public final class Dictionaries {
  private static final Logger log = LoggerFactory.getLogger(Dictionaries.class);
  static final String LEARNED_NAMES = "learned_names.dic";
  static final String NONE = "none";

  private final List<Path> dirs;

  /** @param dirs the {@code analysis-ik} folders of the nodes (empty for a remote cluster) */
  Dictionaries(List<Path> dirs) {
    this.dirs = List.copyOf(dirs);
  }

  /**
   * The {@code config/analysis-ik} folders of the local-es cluster serving {@code url}: nodes are found
   * under {@code <esLocalDir>/nodes/*} and {@code <esLocalDir>/*}{@code /nodes/*} by the
   * {@code http.port} in their {@code node.properties}; the whole cluster of that node is returned.
   * Empty for a URL that is not on this machine or not a local-es node.
   */
  public static List<Path> detect(Path esLocalDir, URI url) {
    String host = url.getHost();
    if (!(host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]") || host.equals("::1"))) {
      return List.of();
    }
    int port = url.getPort() == -1 ? 80 : url.getPort();
    List<Path> nodesDirs = new ArrayList<>();
    nodesDirs.add(esLocalDir.resolve("nodes"));
    if (Files.isDirectory(esLocalDir)) {
      try (Stream<Path> clusters = Files.list(esLocalDir)) {
        clusters.map(c -> c.resolve("nodes")).filter(Files::isDirectory).forEach(nodesDirs::add);
      } catch (IOException e) {
        log.warn("cannot list {}: {}", esLocalDir, e.getMessage());
      }
    }
    for (Path nodes : nodesDirs) {
      if (!Files.isDirectory(nodes)) {
        continue;
      }
      List<Path> configs = new ArrayList<>();
      boolean serves = false;
      try (Stream<Path> list = Files.list(nodes)) {
        for (Path node : (Iterable<Path>) list.sorted()::iterator) {
          Path props = node.resolve("node.properties");
          if (!Files.isRegularFile(props)) {
            continue;
          }
          Properties p = new Properties();
          try (var in = Files.newBufferedReader(props)) {
            p.load(in);
          }
          serves |= String.valueOf(port).equals(p.getProperty("http.port"));
          configs.add(node.resolve("config").resolve("analysis-ik"));
        }
      } catch (IOException e) {
        log.warn("cannot read {}: {}", nodes, e.getMessage());
      }
      if (serves) {
        return configs;
      }
    }
    return List.of();
  }

  List<Path> dirs() {
    return dirs;
  }

  /** Hash of the names and contents of the dictionary and synonym files, {@value #NONE} without folders. */
  String fingerprint() throws IOException {
    if (dirs.isEmpty()) {
      return NONE;
    }
    // all nodes are written alike; hash the first, the others only matter if someone edits by hand
    Path dir = dirs.get(0);
    if (!Files.isDirectory(dir)) {
      return NONE;
    }
    var bytes = new ByteArrayOutputStream();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path p : (Iterable<Path>) list.filter(Files::isRegularFile).sorted()::iterator) {
        String name = p.getFileName().toString();
        if (name.endsWith(".dic") || name.contains("synonym")) {
          bytes.write(name.getBytes(StandardCharsets.UTF_8));
          bytes.write(0);
          bytes.write(Files.readAllBytes(p));
          bytes.write(0);
        }
      }
    }
    return Sha256.hex(bytes.toByteArray()).substring(0, 16);
  }

  /**
   * The names the last {@link #writeLearnedNames} wrote (empty for a remote cluster or before the first run):
   * the analyzer of an index created since knows them.
   */
  Set<String> learnedNames() throws IOException {
    if (dirs.isEmpty() || !Files.isRegularFile(dirs.get(0).resolve(LEARNED_NAMES))) {
      return Set.of();
    }
    return Set.copyOf(Files.readAllLines(dirs.get(0).resolve(LEARNED_NAMES), StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank()).toList());
  }

  /**
   * Writes the learned names (one per line, sorted) into every node's folder. IK re-reads the
   * dictionaries when an index is created, so call this before creating the index of a full build.
   */
  void writeLearnedNames(Collection<String> words) throws IOException {
    var sorted = new TreeSet<String>();
    for (String w : words) {
      if (w != null && !w.isBlank() && w.strip().length() > 1) {
        sorted.add(w.strip());
      }
    }
    String content = String.join("\n", sorted) + (sorted.isEmpty() ? "" : "\n");
    for (Path dir : dirs) {
      Files.createDirectories(dir);
      Path target = dir.resolve(LEARNED_NAMES);
      if (Files.exists(target) && Files.readString(target, StandardCharsets.UTF_8).equals(content)) {
        continue;
      }
      Path tmp = dir.resolve("." + LEARNED_NAMES + ".tmp");
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      log.info("wrote {} words to {}", sorted.size(), target);
    }
  }
}

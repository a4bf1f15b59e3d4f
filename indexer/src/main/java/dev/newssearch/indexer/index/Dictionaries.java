package dev.newssearch.indexer.index;

import dev.newssearch.core.schema.IndexSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IK dictionaries the node analyses with: every {@code *.dic} plus the synonym files in each
 * node's {@code config/analysis-ik/}. Their hash goes into each index's {@code _meta}; when it
 * changes the index was analysed with other dictionaries, so the next run rebuilds it.
 */
final class Dictionaries {
  private static final Logger log = LoggerFactory.getLogger(Dictionaries.class);
  static final String LEARNED_NAMES = "learned_names.dic";
  static final String NONE = "none";

  private final List<Path> dirs;

  /** @param dirs the {@code analysis-ik} folders of the nodes (empty for a remote cluster) */
  Dictionaries(List<Path> dirs) {
    this.dirs = List.copyOf(dirs);
  }

  /** The local nodes' dictionary folders under {@code <es.local.dir>/nodes/*}/config/analysis-ik}. */
  static List<Path> detect(Path esLocalDir) {
    List<Path> found = new ArrayList<>();
    Path nodes = esLocalDir.resolve("nodes");
    if (!Files.isDirectory(nodes)) {
      return found;
    }
    try (Stream<Path> list = Files.list(nodes)) {
      list.sorted().map(n -> n.resolve("config").resolve("analysis-ik")).filter(Files::isDirectory).forEach(found::add);
    } catch (IOException e) {
      log.warn("cannot list {}: {}", nodes, e.getMessage());
    }
    return found;
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
    return IndexSchema.sha256(bytes.toByteArray()).substring(0, 16);
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

package dev.newssearch.indexer.index;

import dev.newssearch.core.hash.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A seed file as the indexer tracks it: its name in the seeds folder and the sha256 of its bytes. */
record SeedFile(String name, Path path, String sha256, long bytes) {

  /** Regular, non-hidden files directly in {@code seeds}, by name; editor backups ({@code ~}) ignored. */
  static Map<String, SeedFile> scan(Path seeds) throws IOException {
    if (!Files.isDirectory(seeds)) {
      throw new IllegalArgumentException("seeds folder " + seeds.toAbsolutePath() + " does not exist or is not a folder");
    }
    Map<String, SeedFile> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(seeds)) {
      for (Path p : (Iterable<Path>) list.sorted()::iterator) {
        String name = p.getFileName().toString();
        if (!isSeedName(name) || !Files.isRegularFile(p)) {
          continue;
        }
        byte[] bytes = Files.readAllBytes(p);
        files.put(name, new SeedFile(name, p, Sha256.hex(bytes), bytes.length));
      }
    }
    return files;
  }

  static boolean isSeedName(String name) {
    return !name.startsWith(".") && !name.endsWith("~") && !name.endsWith(".swp") && !name.endsWith(".tmp");
  }
}

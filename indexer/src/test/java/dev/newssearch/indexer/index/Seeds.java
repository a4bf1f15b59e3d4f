package dev.newssearch.indexer.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** The project's seeds folder and temp copies of it that tests may edit. */
final class Seeds {
  private Seeds() {}

  static Path original() {
    for (Path p : new Path[] {Path.of("seeds"), Path.of("..", "seeds")}) {
      if (Files.isDirectory(p)) {
        return p.toAbsolutePath().normalize();
      }
    }
    throw new IllegalStateException("cannot find the seeds folder from " + Path.of("").toAbsolutePath());
  }

  static Path copyTo(Path dir) throws IOException {
    Path target = Files.createDirectories(dir.resolve("seeds"));
    try (Stream<Path> files = Files.list(original())) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.copy(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return target;
  }
}

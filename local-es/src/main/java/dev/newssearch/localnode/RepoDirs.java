package dev.newssearch.localnode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the checkout's {@code .es} folder. */
public final class RepoDirs {

  private RepoDirs() {}

  /**
   * The {@code es.local.dir} system property (failsafe sets it to {@code <repo>/.es}), else
   * {@code .es} next to the {@code mvnw} found by walking up from {@code start}, else {@code start/.es}.
   */
  public static Path esLocalDir(String property, Path start) {
    if (property != null && !property.isBlank()) {
      return Path.of(property).toAbsolutePath().normalize();
    }
    return repoRoot(start).orElse(start.toAbsolutePath()).resolve(".es");
  }

  static Optional<Path> repoRoot(Path start) {
    for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw"))) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }
}

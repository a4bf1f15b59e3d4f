package dev.newssearch.indexer.index;

import dev.newssearch.core.hash.Sha256;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** A seed file as the indexer tracks it: its name in the seeds folder and the sha256 of its bytes. */
record SeedFile(String name, Path path, String sha256, long bytes) {

  /**
   * What a look at the seeds folder found: the files to index by name, and the entries that look like
   * seed files but cannot be indexed, by name with the reason.
   */
  record Scan(Map<String, SeedFile> files, Map<String, String> skipped) {
    List<String> skippedLines() {
      List<String> lines = new ArrayList<>();
      skipped.forEach((name, why) -> lines.add(name + ": " + why));
      return lines;
    }
  }

  /**
   * Regular, non-hidden files directly in {@code seeds}, by name; editor backups ({@code ~}) and
   * sub-folders ignored. Never opens anything but a regular file within the size limit (a FIFO would
   * block the read forever), and never lets a file error stop the others: an unreadable file, a FIFO,
   * a socket, a dangling symbolic link, a link leading out of the folder (unless allowed) or a file
   * above the limit is skipped with its reason.
   *
   * @throws IllegalArgumentException when the folder is missing, or when a file name cannot be
   *     represented in the JVM's file-name encoding (two names could become one)
   */
  static Scan scan(Path seeds, IndexOptions.FileRules rules) throws IOException {
    if (!Files.isDirectory(seeds)) {
      throw new IllegalArgumentException("seeds folder " + seeds.toAbsolutePath() + " does not exist or is not a folder");
    }
    Path realSeeds = seeds.toRealPath();
    Map<String, SeedFile> files = new TreeMap<>();
    Map<String, String> skipped = new TreeMap<>();
    List<SeedFile> candidates = new ArrayList<>();
    try (DirectoryStream<Path> list = Files.newDirectoryStream(seeds)) {
      for (Path p : list) {
        String name = p.getFileName().toString();
        if (!isSeedName(name)) {
          continue;
        }
        checkRepresentable(seeds, p, name);
        BasicFileAttributes own = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (own.isDirectory()) {
          continue;
        }
        if (own.isSymbolicLink()) {
          Path target;
          try {
            target = p.toRealPath();
          } catch (NoSuchFileException e) {
            skipped.put(name, "dangling symbolic link (its target " + Files.readSymbolicLink(p) + " does not exist)");
            continue;
          }
          if (!rules.followOutsideLinks() && !target.startsWith(realSeeds)) {
            skipped.put(name, "symbolic link to " + target + ", outside the seeds folder (refused; "
                + "--follow-outside-links allows it)");
            continue;
          }
        }
        BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class);
        if (attrs.isDirectory()) {
          continue;
        }
        if (!attrs.isRegularFile()) {
          skipped.put(name, "not a regular file (a FIFO, socket or device): not read");
          continue;
        }
        if (attrs.size() > rules.maxBytes()) {
          skipped.put(name, String.format("%.1f MB, above the limit of %d MB (--max-file-mb): split it (at page "
              + "breaks or blank lines) or raise the limit (big files are read in windows: the heap need not "
              + "grow with it)", attrs.size() / 1048576.0, rules.maxBytes() / 1048576));
          continue;
        }
        candidates.add(new SeedFile(name, p, null, attrs.size()));
      }
    }
    // hashing reads every byte of the archive: on all cores (a build of 20,000 files waited for one)
    for (Hashed h : candidates.parallelStream().map(SeedFile::hashed).toList()) {
      if (h.file() != null) {
        files.put(h.file().name(), h.file());
      } else {
        skipped.put(h.name(), h.whyNot());
      }
    }
    return new Scan(files, skipped);
  }

  /** A file with its sha256, or why it cannot be read. */
  private record Hashed(String name, SeedFile file, String whyNot) {}

  private Hashed hashed() {
    try {
      return new Hashed(name, new SeedFile(name, path, Sha256.hex(path), bytes), null);
    } catch (AccessDeniedException e) {
      return new Hashed(name, null, "cannot read: permission denied");
    } catch (IOException e) {
      return new Hashed(name, null, "cannot read: " + e);
    }
  }

  /**
   * A name that does not lead back to its own file was mangled by the JVM's file-name encoding
   * ({@code sun.jnu.encoding}, from the locale; e.g. Chinese under {@code LANG=C} becomes "???"): two
   * such files would become one and lose paragraphs silently, so the run stops and says why.
   */
  private static void checkRepresentable(Path seeds, Path p, String name) throws IOException {
    Object key = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    Object back;
    try {
      back = Files.readAttributes(seeds.resolve(name), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    } catch (NoSuchFileException | java.nio.file.InvalidPathException e) {
      // the decoded name does not even encode back (e.g. U+FFFD in an ASCII file-name encoding)
      back = null;
    }
    if (back == null || !Objects.equals(key, back)) {
      throw new IllegalArgumentException("the file name \"" + name + "\" in " + seeds + " cannot be represented in "
          + "this JVM's file-name encoding " + System.getProperty("sun.jnu.encoding") + " (locale "
          + System.getenv().getOrDefault("LC_ALL", System.getenv().getOrDefault("LANG", "unset"))
          + "): run under a UTF-8 locale, e.g. LC_ALL=C.UTF-8 (the run script and bin/indexer do)");
    }
  }


  static boolean isSeedName(String name) {
    return !name.startsWith(".") && !name.endsWith("~") && !name.endsWith(".swp") && !name.endsWith(".tmp");
  }
}

package dev.newssearch.localnode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the analysis-ik zip into the distribution's {@code plugins/analysis-ik} and its {@code config/}
 * files into each node's {@code config/analysis-ik}, as {@code elasticsearch-plugin install} would.
 *
 * <p>Several checkouts' test runs share one distribution, so the install runs under a file lock and
 * only when the zip's content checksum differs from the installed one.
 */
final class PluginInstaller {

  static final String PLUGIN = "analysis-ik";
  /** Written by the indexer into the node config; never replaced by the shipped files. */
  static final String LEARNED_NAMES = "learned_names.dic";

  private static final Logger log = LoggerFactory.getLogger(PluginInstaller.class);

  private final Path zip;
  private final Path distribution;

  PluginInstaller(Path zip, Path distribution) {
    this.zip = zip;
    this.distribution = distribution;
  }

  /** Installs or replaces the plugin when missing or changed; returns true when it did. */
  boolean installIfChanged() {
    if (!Files.isRegularFile(zip)) {
      throw new LauncherException("the IK plugin zip is missing: " + zip
          + " (build it with `mvn -pl local-es -am package`, which copies it there)");
    }
    Path pluginDir = distribution.resolve("plugins").resolve(PLUGIN);
    // outside plugins/: Elasticsearch treats every entry there as a plugin
    Path marker = distribution.resolve("." + PLUGIN + ".sha256");
    Path lockFile = distribution.resolve(".install.lock");
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock ignored = channel.lock()) {
      String checksum = contentChecksum();
      if (Files.isDirectory(pluginDir) && Files.isRegularFile(marker)
          && Files.readString(marker).strip().equals(checksum)) {
        return false;
      }
      deleteRecursively(pluginDir);
      Files.createDirectories(pluginDir);
      try (ZipFile z = new ZipFile(zip.toFile())) {
        for (ZipEntry entry : z.stream().toList()) {
          if (entry.isDirectory() || entry.getName().startsWith("config/")) {
            continue;
          }
          Path target = safeResolve(pluginDir, entry.getName());
          Files.createDirectories(target.getParent());
          try (InputStream in = z.getInputStream(entry)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      Files.writeString(marker, checksum + "\n");
      log.info("installed {} into {}", zip, pluginDir);
      return true;
    } catch (IOException e) {
      throw new LauncherException("cannot install the IK plugin into " + pluginDir + ": " + e, e);
    }
  }

  /** Copies the zip's {@code config/} files into {@code nodeConfig/analysis-ik}. */
  void copyConfig(Path nodeConfig) {
    Path target = nodeConfig.resolve(PLUGIN);
    try (ZipFile z = new ZipFile(zip.toFile())) {
      Files.createDirectories(target);
      for (ZipEntry entry : z.stream().toList()) {
        if (entry.isDirectory() || !entry.getName().startsWith("config/")) {
          continue;
        }
        Path file = safeResolve(target, entry.getName().substring("config/".length()));
        if (file.getFileName().toString().equals(LEARNED_NAMES) && Files.exists(file)) {
          continue;
        }
        Files.createDirectories(file.getParent());
        try (InputStream in = z.getInputStream(entry)) {
          Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new LauncherException("cannot copy the IK plugin config into " + target + ": " + e, e);
    }
  }

  /** Over entry names and contents, not timestamps, so a rebuild of the same sources matches. */
  String contentChecksum() throws IOException {
    try (ZipFile z = new ZipFile(zip.toFile())) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      List<? extends ZipEntry> entries =
          z.stream().sorted(Comparator.comparing(ZipEntry::getName)).toList();
      for (ZipEntry entry : entries) {
        digest.update(entry.getName().getBytes(StandardCharsets.UTF_8));
        try (InputStream in = z.getInputStream(entry)) {
          digest.update(in.readAllBytes());
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static Path safeResolve(Path dir, String name) {
    Path target = dir.resolve(name).normalize();
    if (!target.startsWith(dir)) {
      throw new LauncherException("refusing zip entry outside the target folder: " + name);
    }
    return target;
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}

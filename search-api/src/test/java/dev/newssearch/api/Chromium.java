package dev.newssearch.api;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debian's chromium and chromium-driver for the browser tests, installed with apt-get when missing
 * (with the CJK fonts, or every screenshot shows boxes). The driver and the browser are named by
 * path, so Selenium Manager never tries to download a browser of its own (there is no network
 * but the package registries).
 */
final class Chromium {
  private static final Logger log = LoggerFactory.getLogger(Chromium.class);
  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static final List<String> PACKAGES = List.of("chromium", "chromium-driver", "fonts-noto-cjk");
  // Selenium logs through java.util.logging; its notes on CDP versions are no news to a reader of the build.
  private static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");
  // Selenium's tracing library announces on stderr that it stays off; that is no news either.
  private static final java.util.logging.Logger TRACING_LOG = java.util.logging.Logger.getLogger("io.opentelemetry");

  private Chromium() {}

  static synchronized void ensureInstalled() {
    if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER) && cjkFonts()) {
      return;
    }
    log.info("installing {} with apt-get: the browser tests need them", PACKAGES);
    Path logFile = Path.of("target", "apt-get.log");
    apt(logFile, "apt-get", "update");
    apt(logFile, Stream.concat(Stream.of("apt-get", "install", "-y"), PACKAGES.stream()).toArray(String[]::new));
    if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
      throw new IllegalStateException("apt-get did not install " + BROWSER + " and " + DRIVER + "; see " + logFile.toAbsolutePath());
    }
  }

  private static boolean cjkFonts() {
    Path noto = Path.of("/usr/share/fonts/opentype/noto");
    if (!Files.isDirectory(noto)) {
      return false;
    }
    try (Stream<Path> files = Files.list(noto)) {
      return files.anyMatch(p -> p.getFileName().toString().contains("CJK"));
    } catch (IOException e) {
      return false;
    }
  }

  private static void apt(Path logFile, String... command) {
    try {
      Files.createDirectories(logFile.getParent());
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
      pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
      int exit = pb.start().waitFor();
      if (exit != 0) {
        throw new IllegalStateException(String.join(" ", command) + " exited " + exit
            + " (as root, with the package registry reachable?); see " + logFile.toAbsolutePath());
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command[0] + ": install " + PACKAGES + " by hand", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A headless browser with a fresh profile, console messages kept for {@code logs()}. */
  static ChromeDriver start(int width, int height) {
    ensureInstalled();
    SELENIUM_LOG.setLevel(Level.SEVERE);
    TRACING_LOG.setLevel(Level.SEVERE);
    try {
      Path profile = Files.createTempDirectory("chromium-it-");
      profile.toFile().deleteOnExit();
      ChromeOptions options = new ChromeOptions();
      options.setBinary(BROWSER.toFile());
      options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-dev-shm-usage", "--hide-scrollbars", "--lang=zh-CN",
          "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
      options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
      Path driverLog = Path.of("target", "chromedriver.log");
      Files.createDirectories(driverLog.getParent());
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(DRIVER.toFile())
          .usingAnyFreePort()
          .withLogFile(new File(driverLog.toString()))
          .build();
      return new ChromeDriver(service, options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

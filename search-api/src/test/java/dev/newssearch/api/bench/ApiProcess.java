package dev.newssearch.api.bench;

import dev.newssearch.api.Main;
import dev.newssearch.core.es.EsConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The API as its users run it, for a benchmark: its own JVM started from {@link Main} by the launcher
 * {@code ./run} uses ({@code search-api/bin/search-api}, with its JVM flags), with the environment {@code ./run}
 * gives it (ES_URL, ES_ALIAS, PORT; credentials passed through), on a free port, ready once {@code /health}
 * says so. In the benchmark's own JVM the API would share a heap, a JIT and a collector with the load generator,
 * which the node it is compared with does not.
 */
final class ApiProcess implements AutoCloseable {
  private static final Duration READY_WITHIN = Duration.ofSeconds(60);
  private static final Path LAUNCHER = Path.of("search-api", "bin", "search-api");

  private final Process process;
  private final String url;

  private ApiProcess(Process process, String url) {
    this.process = process;
    this.url = url;
  }

  static ApiProcess start(EsConfig es) throws IOException, InterruptedException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    // the launcher ./run uses, for its JVM flags, on this benchmark's class path (it execs the JVM: same pid)
    ProcessBuilder pb = new ProcessBuilder(LAUNCHER.toString()).redirectErrorStream(true)
        .redirectOutput(Path.of("search-api", "target", "bench-api.log").toFile());
    Map<String, String> env = pb.environment();
    env.put("SEARCH_API_CLASSPATH", System.getProperty("java.class.path"));
    // the benchmark's own JVM first on the path, as when it started the API itself
    ProcessHandle.current().info().command().map(Path::of).map(Path::getParent)
        .ifPresent(bin -> env.put("PATH", bin + java.io.File.pathSeparator + env.getOrDefault("PATH", "")));
    env.put("ES_URL", es.url().toString());
    env.put("ES_ALIAS", es.alias());
    env.put("PORT", String.valueOf(port));
    ApiProcess api = new ApiProcess(pb.start(), "http://127.0.0.1:" + port);
    // a benchmark stopped with Ctrl-C would otherwise leave the API running
    Runtime.getRuntime().addShutdownHook(new Thread(api.process::destroy, "bench-api-stop"));
    try {
      api.awaitReady();
    } catch (IOException | InterruptedException | RuntimeException e) {
      api.close();
      throw e;
    }
    return api;
  }

  private void awaitReady() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest health = HttpRequest.newBuilder(URI.create(url + "/health")).timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + READY_WITHIN.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the API exited with " + process.exitValue()
            + "; see search-api/target/bench-api.log");
      }
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the API was not ready within " + READY_WITHIN.toSeconds()
        + " s; see search-api/target/bench-api.log");
  }

  String url() {
    return url;
  }

  /** How it was started, for the benchmark's header. */
  static String command() {
    return LAUNCHER + " (SEARCH_API_CLASSPATH=…, " + Main.class.getName() + ")";
  }

  /** CPU time the API's process has used so far (all its threads), in milliseconds. */
  long cpuMillis() {
    return process.toHandle().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
  }

  /**
   * CPU time the API's JIT compiler threads have used so far, in milliseconds, read from {@code /proc} (Linux); -1
   * where that cannot be read.
   */
  long jitCpuMillis() {
    Path tasks = Path.of("/proc", String.valueOf(process.pid()), "task");
    long ticks = 0;
    try (var threads = java.nio.file.Files.list(tasks)) {
      for (Path task : (Iterable<Path>) threads::iterator) {
        String stat;
        try {
          stat = java.nio.file.Files.readString(task.resolve("stat"));
        } catch (IOException gone) {
          continue; // the thread ended meanwhile
        }
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return ticks * 10; // USER_HZ is 100 on Linux
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}

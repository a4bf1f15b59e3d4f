package dev.newssearch.indexer.index;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the seeds folder and runs an incremental reindex once it has been quiet for the debounce
 * time (an editor's save is several events). Runs on one named thread; {@link #close()} stops it.
 */
public final class SeedWatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SeedWatcher.class);

  private final IndexService service;
  private final Path seeds;
  private final Duration debounce;
  private final Consumer<IndexRun> onRun;
  private final Consumer<Exception> onError;
  private final WatchService watcher;
  private final Thread thread;

  public SeedWatcher(IndexService service, Path seeds, Duration debounce, Consumer<IndexRun> onRun,
      Consumer<Exception> onError) throws IOException {
    this.service = service;
    this.seeds = seeds;
    this.debounce = debounce;
    this.onRun = onRun;
    this.onError = onError;
    this.watcher = seeds.getFileSystem().newWatchService();
    seeds.register(watcher, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
    this.thread = new Thread(this::loop, "seeds-watch");
  }

  /** Applies what changed since the last run (once, now), then watches. */
  public SeedWatcher start() {
    thread.start();
    return this;
  }

  private void loop() {
    apply();
    try {
      while (!Thread.currentThread().isInterrupted()) {
        WatchKey key = watcher.take();
        boolean relevant = drain(key);
        // debounce: keep collecting until the folder has been quiet for the whole interval
        WatchKey more;
        while ((more = watcher.poll(debounce.toMillis(), TimeUnit.MILLISECONDS)) != null) {
          relevant |= drain(more);
        }
        if (relevant) {
          apply();
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      log.debug("stopped watching {}", seeds);
    }
  }

  private boolean drain(WatchKey key) {
    boolean relevant = false;
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == OVERFLOW) {
        relevant = true;
      } else if (event.context() instanceof Path p && SeedFile.isSeedName(p.getFileName().toString())) {
        log.debug("{} {}", event.kind().name(), p);
        relevant = true;
      }
    }
    key.reset();
    return relevant;
  }

  private void apply() {
    try {
      IndexRun run = service.incremental(seeds);
      onRun.accept(run);
    } catch (IOException | RuntimeException e) {
      // the watch goes on: the next change (or a restart) retries, the manifest knows what is missing
      log.error("reindex of {} failed: {}", seeds, e.toString());
      onError.accept(e);
    }
  }

  @Override
  public void close() throws IOException {
    thread.interrupt();
    watcher.close();
    try {
      thread.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Blocks until the watch thread ends (Ctrl-C ends the JVM). */
  public void join() throws InterruptedException {
    thread.join();
  }
}

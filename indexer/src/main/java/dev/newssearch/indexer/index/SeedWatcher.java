package dev.newssearch.indexer.index;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the seeds folder and runs an incremental reindex once it has been quiet for the debounce
 * time (an editor's save is several events). Runs on one named thread; {@link #close()} stops it.
 *
 * <p>It never goes quiet for good:
 * <ul>
 *   <li>an apply that fails (Elasticsearch away, writes refused) is retried with exponential backoff
 *       (up to {@link #MAX_BACKOFF}) until the change is in, without waiting for another change;
 *   <li>a folder replaced under the same path (mv, mkdir, copy) is noticed by its file key (inode)
 *       and watched anew, then rescanned;
 *   <li>an event overflow (too many changes at once) is logged and answered with a rescan;
 *   <li>every {@code reconcileEvery} the folder is compared with the index's manifest anyway, so a
 *       missed event cannot leave the index stale.
 * </ul>
 */
public final class SeedWatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SeedWatcher.class);
  static final Duration DEFAULT_RECONCILE = Duration.ofMinutes(5);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  private static final long TICK_MS = 500;

  private final IndexService service;
  private final Path seeds;
  private final Duration debounce;
  private final Duration reconcileEvery;
  private final Duration firstBackoff;
  private final Consumer<IndexRun> onRun;
  private final Consumer<Exception> onError;
  private final WatchService watcher;
  private final Thread thread;
  private WatchKey key;
  private Object folderKey;

  public SeedWatcher(IndexService service, Path seeds, Duration debounce, Consumer<IndexRun> onRun,
      Consumer<Exception> onError) throws IOException {
    this(service, seeds, debounce, DEFAULT_RECONCILE, Duration.ofSeconds(1), onRun, onError);
  }

  /**
   * @param reconcileEvery how often the folder is compared with the manifest without any event
   * @param firstBackoff   the wait before the first retry of a failed apply; doubles each time
   */
  public SeedWatcher(IndexService service, Path seeds, Duration debounce, Duration reconcileEvery,
      Duration firstBackoff, Consumer<IndexRun> onRun, Consumer<Exception> onError) throws IOException {
    this.service = service;
    this.seeds = seeds;
    this.debounce = debounce;
    this.reconcileEvery = reconcileEvery;
    this.firstBackoff = firstBackoff;
    this.onRun = onRun;
    this.onError = onError;
    this.watcher = seeds.getFileSystem().newWatchService();
    register();
    this.thread = new Thread(this::loop, "seeds-watch");
  }

  /** Applies what changed since the last run (once, now), then watches. */
  public SeedWatcher start() {
    thread.start();
    return this;
  }

  private void loop() {
    boolean pending = true;
    long nextAttempt = 0;
    Duration backoff = firstBackoff;
    long nextReconcile = System.nanoTime() + reconcileEvery.toNanos();
    try {
      while (!Thread.currentThread().isInterrupted()) {
        long now = System.nanoTime();
        if (pending && now - nextAttempt >= 0) {
          if (apply()) {
            pending = false;
            backoff = firstBackoff;
          } else {
            log.info("retrying {} in {} s", seeds, backoff.toSeconds());
            nextAttempt = now + backoff.toNanos();
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
          }
        }
        if (now - nextReconcile >= 0) {
          log.debug("periodic comparison of {} with the index manifest", seeds);
          pending = true;
          nextReconcile = now + reconcileEvery.toNanos();
        }
        if (replaced()) {
          pending = true;
          nextAttempt = System.nanoTime();
        }
        WatchKey k = watcher.poll(TICK_MS, TimeUnit.MILLISECONDS);
        if (k == null) {
          continue;
        }
        boolean relevant = drain(k);
        // debounce: keep collecting until the folder has been quiet for the whole interval
        WatchKey more;
        while ((more = watcher.poll(debounce.toMillis(), TimeUnit.MILLISECONDS)) != null) {
          relevant |= drain(more);
        }
        if (relevant) {
          pending = true;
          nextAttempt = System.nanoTime();
          backoff = firstBackoff;
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      log.debug("stopped watching {}", seeds);
    }
  }

  /** Whether the folder at {@code seeds} is no longer the one watched (moved away, deleted, replaced). */
  private boolean replaced() {
    Object now;
    try {
      now = Files.readAttributes(seeds, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    } catch (IOException e) {
      now = null;
    }
    if (now != null && Objects.equals(now, folderKey) && key != null && key.isValid()) {
      return false;
    }
    if (now == null) {
      if (folderKey != null) {
        log.warn("{} is gone; waiting for it to come back", seeds);
        folderKey = null;
      }
      return false;
    }
    try {
      register();
      log.warn("{} was replaced; watching the new folder and rescanning it", seeds);
      return true;
    } catch (IOException e) {
      log.warn("cannot watch {} yet: {}", seeds, e.toString());
      return false;
    }
  }

  private void register() throws IOException {
    if (key != null) {
      key.cancel();
    }
    folderKey = Files.readAttributes(seeds, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    key = seeds.register(watcher, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
  }

  private boolean drain(WatchKey k) {
    boolean relevant = false;
    for (WatchEvent<?> event : k.pollEvents()) {
      if (event.kind() == OVERFLOW) {
        log.warn("too many changes in {} at once (event overflow): rescanning the whole folder", seeds);
        relevant = true;
      } else if (event.context() instanceof Path p && SeedFile.isSeedName(p.getFileName().toString())) {
        log.debug("{} {}", event.kind().name(), p);
        relevant = true;
      }
    }
    k.reset();
    return relevant && k == key;
  }

  /** One incremental run; true when everything it sent is in (skipped files are reported, not retried). */
  private boolean apply() {
    try {
      IndexRun run = service.incremental(seeds);
      onRun.accept(run);
      return run.written();
    } catch (IOException | RuntimeException e) {
      log.error("reindex of {} failed: {}", seeds, e.toString());
      onError.accept(e);
      return false;
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

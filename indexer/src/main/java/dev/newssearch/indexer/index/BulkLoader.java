package dev.newssearch.indexer.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk writes, reconciled: every operation sent ends as either acknowledged or an {@link ItemFailure}
 * naming its seed file and paragraph id.
 *
 * <p>Our own loop instead of the client's {@code BulkIngester}, whose internal locks deadlock when the
 * node dies mid-load (the flush waits for a request slot that the failed request never gives back).
 * Here the producer puts operations into a bounded queue, {@code concurrency} named sender threads
 * take batches from it and send them with the blocking client, and every wait has a deadline: when no
 * bulk request has succeeded for {@code stallTimeout} while work is pending, {@link #index}, {@link
 * #delete} and {@link #finish} throw {@link EsUnreachableException} instead of waiting on.
 *
 * <p>Per-item 429 (write queue full) and 503 (shard not available yet) are retried with exponential
 * backoff up to {@code maxRetries}; a request that never got an answer (connection refused, timeout) is
 * retried until the stall deadline; every other per-item error is final.
 */
final class BulkLoader implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BulkLoader.class);
  private static final AtomicInteger LOADERS = new AtomicInteger();
  private static final long MAX_BACKOFF_MS = 5_000;
  /** How long a sender waits for more operations before it sends a partial batch. */
  private static final long LINGER_MS = 50;
  private static final String BULK_TIMEOUT = "20s";

  /** One operation with where it came from and how often it was tried. */
  record Op(String id, String file, BulkOperation operation, int attempt) {
    Op retry() {
      return new Op(id, file, operation, attempt + 1);
    }

    boolean isDelete() {
      return operation.isDelete();
    }
  }

  private final ElasticsearchClient client;
  private final int batchSize;
  private final int maxRetries;
  private final Duration initialBackoff;
  private final Duration stallTimeout;
  private final BlockingQueue<Op> queue;
  private final DelayQueue<Later> later = new DelayQueue<>();
  private final List<Thread> senders = new ArrayList<>();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong indexed = new AtomicLong();
  private final AtomicLong deleted = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong outstanding = new AtomicLong();
  private final ConcurrentLinkedQueue<ItemFailure> failures = new ConcurrentLinkedQueue<>();
  private final LongConsumer onAcknowledged;
  private volatile long lastProgressNanos = System.nanoTime();
  private volatile String lastError = "none";
  private volatile long lastFailureNanos = lastProgressNanos - 1;
  private volatile boolean closed;
  private final AtomicInteger unanswered = new AtomicInteger();

  BulkLoader(ElasticsearchClient client, int batchSize, int concurrency, int maxRetries, Duration initialBackoff,
      Duration stallTimeout, LongConsumer onAcknowledged) {
    if (batchSize < 1 || concurrency < 1) {
      throw new IllegalArgumentException("batch size and concurrency must be at least 1");
    }
    this.client = client;
    this.batchSize = batchSize;
    this.maxRetries = maxRetries;
    this.initialBackoff = initialBackoff;
    this.stallTimeout = stallTimeout;
    this.onAcknowledged = onAcknowledged;
    // two batches per sender buffered: enough to keep them busy, small enough for a 256 MB heap
    this.queue = new ArrayBlockingQueue<>(batchSize * concurrency * 2);
    int n = LOADERS.incrementAndGet();
    for (int i = 0; i < concurrency; i++) {
      Thread t = new Thread(this::sendLoop, "bulk-" + n + "-sender-" + i);
      t.setDaemon(true);
      senders.add(t);
      t.start();
    }
  }

  void index(String index, String id, String file, Object document) throws EsUnreachableException {
    submit(new Op(id, file, BulkOperation.of(b -> b.index(i -> i.index(index).id(id).document(document))), 0));
  }

  void delete(String index, String id, String file) throws EsUnreachableException {
    submit(new Op(id, file, BulkOperation.of(b -> b.delete(d -> d.index(index).id(id))), 0));
  }

  private void submit(Op op) throws EsUnreachableException {
    sent.incrementAndGet();
    if (outstanding.getAndIncrement() == 0) {
      // idle until now (e.g. a long file in the pipeline): the stall clock starts with this work
      lastProgressNanos = System.nanoTime();
    }
    // checked on every operation, not only when the queue is full: while the node is gone the senders
    // keep draining the queue into requests that fail, so the queue alone would never push back
    checkProgress();
    try {
      while (!queue.offer(op, 200, TimeUnit.MILLISECONDS)) {
        checkProgress();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while queueing bulk writes", e);
    }
  }

  /** Waits until every operation has its final outcome, or throws when Elasticsearch stopped answering. */
  Writes finish() throws EsUnreachableException {
    try {
      while (outstanding.get() > 0) {
        checkProgress();
        Thread.sleep(20);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for bulk writes", e);
    }
    return outcome();
  }

  Writes outcome() {
    return new Writes(sent.get(), indexed.get(), deleted.get(), failed.get(), retries.get(), List.copyOf(failures));
  }

  private void checkProgress() throws EsUnreachableException {
    long quiet = System.nanoTime() - lastProgressNanos;
    // a request still in flight (a slow but living node) is not a stall: only failures are
    if (outstanding.get() > 0 && quiet > stallTimeout.toNanos() && lastFailureNanos - lastProgressNanos > 0) {
      throw new EsUnreachableException(String.format(
          "no bulk request succeeded for %d s while %d operations were pending (last error: %s)",
          TimeUnit.NANOSECONDS.toSeconds(quiet), outstanding.get(), lastError));
    }
  }

  @Override
  public void close() {
    closed = true;
    senders.forEach(Thread::interrupt);
    for (Thread t : senders) {
      try {
        t.join(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void sendLoop() {
    List<Op> batch = new ArrayList<>(batchSize);
    while (!closed) {
      try {
        for (Later l; batch.size() < batchSize && (l = later.poll()) != null; ) {
          batch.add(l.op);
        }
        if (batch.isEmpty()) {
          Op first = queue.poll(LINGER_MS, TimeUnit.MILLISECONDS);
          if (first == null) {
            continue;
          }
          batch.add(first);
        }
        queue.drainTo(batch, batchSize - batch.size());
        if (batch.size() < batchSize) {
          // a partial batch waits a moment for the producer, so a slow pipeline still gets full requests
          Op more = queue.poll(LINGER_MS, TimeUnit.MILLISECONDS);
          if (more != null) {
            batch.add(more);
            queue.drainTo(batch, batchSize - batch.size());
          }
        }
        send(batch);
        batch = new ArrayList<>(batchSize);
      } catch (InterruptedException e) {
        if (closed) {
          return;
        }
      } catch (RuntimeException e) {
        // never lose a batch to an unexpected error: each of its operations gets an outcome
        log.error("bulk sender failed", e);
        for (Op op : batch) {
          fail(op, 0, e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
        }
        batch = new ArrayList<>(batchSize);
      }
    }
  }

  private void send(List<Op> batch) {
    BulkResponse response;
    try {
      List<BulkOperation> ops = new ArrayList<>(batch.size());
      batch.forEach(o -> ops.add(o.operation()));
      // the node answers within this with per-item 503s rather than holding the request past the
      // client's socket timeout while a lost node's shards are promoted elsewhere
      response = client.bulk(b -> b.operations(ops).timeout(t -> t.time(BULK_TIMEOUT)));
    } catch (ElasticsearchException e) {
      // the server said no to the whole request: final unless it is overloaded
      int status = e.status();
      String type = e.error() == null ? "elasticsearch_exception" : e.error().type();
      lastError = status + " " + type;
      lastFailureNanos = System.nanoTime();
      log.warn("bulk request of {} operations refused: {} {}", batch.size(), status, e.getMessage());
      for (Op op : batch) {
        if ((status == 429 || status == 503) && op.attempt() < maxRetries) {
          retryLater(op, type);
        } else {
          fail(op, status, type, e.getMessage());
        }
      }
      return;
    } catch (IOException e) {
      // it never got there: retried until the stall deadline says Elasticsearch is gone
      lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
      lastFailureNanos = System.nanoTime();
      int n = unanswered.incrementAndGet();
      if (n == 1) {
        log.warn("bulk request of {} operations got no answer: {}; retrying with backoff", batch.size(), lastError);
      } else {
        log.debug("bulk request of {} operations got no answer ({} in a row): {}", batch.size(), n, lastError);
      }
      batch.forEach(op -> retryLater(op, lastError));
      // the queue still holds fresh operations: without a pause this sender would fail them one request
      // after another against a node that is gone, as fast as the connection is refused
      try {
        Thread.sleep(Math.min(initialBackoff.toMillis() << Math.min(n, 10), MAX_BACKOFF_MS));
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
      return;
    }
    if (unanswered.getAndSet(0) > 0) {
      log.info("Elasticsearch answers bulk requests again");
    }
    lastProgressNanos = System.nanoTime();
    List<BulkResponseItem> items = response.items();
    for (int i = 0; i < batch.size(); i++) {
      Op op = batch.get(i);
      BulkResponseItem item = i < items.size() ? items.get(i) : null;
      switch (decide(op, item, maxRetries)) {
        case ACKNOWLEDGED -> succeed(op);
        case RETRY -> retryLater(op, item.status() + " " + item.error().type());
        case FAILED -> {
          if (item == null) {
            fail(op, 0, "missing_item", "the bulk response had no item for this operation");
          } else {
            fail(op, item.status(), item.error().type(), item.error().reason());
          }
        }
      }
    }
  }

  private void retryLater(Op op, String why) {
    long delayMs = Math.min(initialBackoff.toMillis() << Math.min(op.attempt(), 10), MAX_BACKOFF_MS);
    retries.incrementAndGet();
    log.debug("retrying {} #{} in {} ms after {}", op.file(), op.id(), delayMs, why);
    later.add(new Later(op.retry(), System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMs)));
  }

  private void fail(Op op, int status, String type, String reason) {
    ItemFailure failure = new ItemFailure(op.file(), op.id(), status, type, reason);
    failures.add(failure);
    failed.incrementAndGet();
    outstanding.decrementAndGet();
    log.warn("not indexed: {}", failure);
  }

  private void succeed(Op op) {
    (op.isDelete() ? deleted : indexed).incrementAndGet();
    outstanding.decrementAndGet();
    onAcknowledged.accept(1);
  }

  enum Decision { ACKNOWLEDGED, RETRY, FAILED }

  /**
   * What one item of a bulk response means: 429 (write queue full) and 503 (shard unavailable, e.g.
   * while a replica is promoted) are retried until the attempts run out; a delete of a missing document
   * reached its goal; every other error is final.
   */
  static Decision decide(Op op, BulkResponseItem item, int maxRetries) {
    if (item == null) {
      return Decision.FAILED;
    }
    if (item.error() == null || (op.isDelete() && item.status() == 404)) {
      return Decision.ACKNOWLEDGED;
    }
    if ((item.status() == 429 || item.status() == 503) && op.attempt() < maxRetries) {
      return Decision.RETRY;
    }
    return Decision.FAILED;
  }

  /** An operation waiting for its retry time. */
  private record Later(Op op, long dueNanos) implements Delayed {
    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed o) {
      return Long.compare(dueNanos, ((Later) o).dueNanos);
    }
  }
}

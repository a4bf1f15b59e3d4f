package dev.newssearch.indexer.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.transport.TransportException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk writes through the client's {@link BulkIngester}, reconciled: every operation sent ends as
 * either acknowledged or a {@link ItemFailure} naming its seed file and paragraph id.
 *
 * <p>Per-item 429 (the node's write queue is full) and whole-request transport failures are retried
 * with exponential backoff up to {@code maxRetries}; every other per-item error (mapping, blocks,
 * 4xx) is final. One loader is used for one run and then closed.
 */
final class BulkLoader implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BulkLoader.class);
  private static final AtomicInteger SCHEDULERS = new AtomicInteger();

  /** What travels with each operation through the ingester. */
  record Op(String id, String file, BulkOperation operation, int attempt) {
    Op retry() {
      return new Op(id, file, operation, attempt + 1);
    }

    boolean isDelete() {
      return operation.isDelete();
    }
  }

  /** The reconciliation: {@code sent == indexed + deleted + failed}. */
  public record Outcome(long sent, long indexed, long deleted, long failed, long retries, List<ItemFailure> failures) {
    public boolean balanced() {
      return sent == indexed + deleted + failed;
    }
  }

  private final BulkIngester<Op> ingester;
  private final ScheduledExecutorService retryScheduler;
  private final int maxRetries;
  private final Duration initialBackoff;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong indexed = new AtomicLong();
  private final AtomicLong deleted = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong outstanding = new AtomicLong();
  private final ConcurrentLinkedQueue<ItemFailure> failures = new ConcurrentLinkedQueue<>();
  private final LongConsumer onAcknowledged;

  BulkLoader(ElasticsearchClient client, int batchSize, int concurrency, int maxRetries, Duration initialBackoff,
      LongConsumer onAcknowledged) {
    if (batchSize < 1 || concurrency < 1) {
      throw new IllegalArgumentException("batch size and concurrency must be at least 1");
    }
    this.maxRetries = maxRetries;
    this.initialBackoff = initialBackoff;
    this.onAcknowledged = onAcknowledged;
    int n = SCHEDULERS.incrementAndGet();
    this.retryScheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "bulk-retry-" + n);
      t.setDaemon(true);
      return t;
    });
    this.ingester = BulkIngester.of(b -> b
        .client(client)
        .maxOperations(batchSize)
        .maxSize(8L * 1024 * 1024)
        .maxConcurrentRequests(concurrency)
        .flushInterval(1, TimeUnit.SECONDS, retryScheduler)
        .listener(new Listener()));
  }

  void index(String index, String id, String file, Object document) {
    BulkOperation op = BulkOperation.of(b -> b.index(i -> i.index(index).id(id).document(document)));
    submit(new Op(id, file, op, 0));
  }

  void delete(String index, String id, String file) {
    BulkOperation op = BulkOperation.of(b -> b.delete(d -> d.index(index).id(id)));
    submit(new Op(id, file, op, 0));
  }

  private void submit(Op op) {
    sent.incrementAndGet();
    outstanding.incrementAndGet();
    ingester.add(op.operation(), op);
  }

  /** Sends everything buffered and waits until every operation has its final outcome. */
  Outcome finish() {
    try {
      while (outstanding.get() > 0) {
        ingester.flush();
        Thread.sleep(20);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for bulk writes", e);
    }
    return outcome();
  }

  Outcome outcome() {
    return new Outcome(sent.get(), indexed.get(), deleted.get(), failed.get(), retries.get(), List.copyOf(failures));
  }

  @Override
  public void close() {
    ingester.close();
    retryScheduler.shutdownNow();
  }

  private void retryLater(Op op, String why) {
    long delayMs = initialBackoff.toMillis() << Math.min(op.attempt(), 10);
    retries.incrementAndGet();
    log.debug("retrying {} #{} in {} ms after {}", op.file(), op.id(), delayMs, why);
    retryScheduler.schedule(() -> ingester.add(op.operation(), op.retry()), delayMs, TimeUnit.MILLISECONDS);
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
   * What one item of a bulk response means: 429 (write queue full) is retried until the attempts
   * run out; a delete of a missing document reached its goal; every other error is final.
   */
  static Decision decide(Op op, BulkResponseItem item, int maxRetries) {
    if (item == null) {
      return Decision.FAILED;
    }
    if (item.error() == null || (op.isDelete() && item.status() == 404)) {
      return Decision.ACKNOWLEDGED;
    }
    if (item.status() == 429 && op.attempt() < maxRetries) {
      return Decision.RETRY;
    }
    return Decision.FAILED;
  }

  private final class Listener implements BulkListener<Op> {
    @Override
    public void beforeBulk(long executionId, BulkRequest request, List<Op> contexts) {}

    @Override
    public void afterBulk(long executionId, BulkRequest request, List<Op> contexts, BulkResponse response) {
      List<BulkResponseItem> items = response.items();
      for (int i = 0; i < contexts.size(); i++) {
        Op op = contexts.get(i);
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

    @Override
    public void afterBulk(long executionId, BulkRequest request, List<Op> contexts, Throwable failure) {
      // The whole request failed. The server said no (ElasticsearchException): final unless 429.
      // It never got there (TransportException / IOException): retry with backoff.
      boolean retryable;
      int status;
      String type;
      if (failure instanceof ElasticsearchException ee) {
        status = ee.status();
        type = ee.error() == null ? "elasticsearch_exception" : ee.error().type();
        retryable = status == 429;
      } else if (failure instanceof TransportException te) {
        status = te.statusCode();
        type = "transport_exception";
        retryable = true;
      } else {
        status = 0;
        type = failure.getClass().getSimpleName();
        retryable = failure instanceof IOException;
      }
      log.warn("bulk request {} of {} operations failed: {} {}", executionId, contexts.size(), type,
          failure.getMessage());
      List<Op> giveUp = new ArrayList<>();
      for (Op op : contexts) {
        if (retryable && op.attempt() < maxRetries) {
          retryLater(op, type);
        } else {
          giveUp.add(op);
        }
      }
      for (Op op : giveUp) {
        fail(op, status, type, String.valueOf(failure.getMessage()));
      }
    }
  }
}

package dev.newssearch.api.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Who may send a query to Elasticsearch right now. Three limits, all checked before the query is
 * built, none of them waits (a full limit answers 429 with {@code Retry-After} at once, so a busy
 * server never piles up threads):
 *
 * <ul>
 *   <li>{@code total}: requests in flight to Elasticsearch from the whole service;
 *   <li>{@code perClient}: in flight from one client address, so one client cannot take them all;
 *   <li>{@code heavy}: in flight of the expensive kind ({@link QueryCost#heavy()}), across all clients.
 *       Elasticsearch has one search thread per core and runs a query to its end; a few long
 *       character-phrase queries in parallel occupy every thread and everyone else queues behind
 *       them. Keeping them to one lane leaves the other threads to normal traffic.
 * </ul>
 */
public final class Admission {
  /** What a client should wait before retrying: queries here take well under a second. */
  static final int RETRY_AFTER_SECONDS = 1;

  /**
   * The limits.
   *
   * @param total     requests in flight to Elasticsearch, all clients
   * @param perClient requests in flight from one client address
   * @param heavy     expensive queries in flight, all clients
   */
  public record Limits(int total, int perClient, int heavy) {
    public Limits {
      if (total < 1 || perClient < 1 || heavy < 1) {
        throw new IllegalArgumentException("MAX_CONCURRENT, CLIENT_CONCURRENCY and HEAVY_CONCURRENCY must be at least 1");
      }
    }

    /** Defaults for a small server beside a small cluster. */
    public static Limits defaults() {
      return new Limits(32, 8, 1);
    }
  }

  private final Limits limits;
  private final Semaphore total;
  private final Semaphore heavy;
  private final ConcurrentHashMap<String, Integer> perClient = new ConcurrentHashMap<>();

  public Admission(Limits limits) {
    this.limits = limits;
    this.total = new Semaphore(limits.total());
    this.heavy = new Semaphore(limits.heavy());
  }

  /** A granted place; closing it (once) gives the place back. */
  public interface Slot extends AutoCloseable {
    @Override
    void close();
  }

  /** A place for one request from {@code client}, or a 429 naming the limit that is full. */
  public Slot admit(String client, boolean expensive) {
    if (!enterClient(client)) {
      throw ApiException.tooManyRequests("at most " + limits.perClient()
          + " requests from one client run at once; retry after " + RETRY_AFTER_SECONDS + " s", RETRY_AFTER_SECONDS);
    }
    if (!total.tryAcquire()) {
      leaveClient(client);
      throw ApiException.tooManyRequests("the service is at its limit of " + limits.total()
          + " requests at once; retry after " + RETRY_AFTER_SECONDS + " s", RETRY_AFTER_SECONDS);
    }
    if (expensive && !heavy.tryAcquire()) {
      total.release();
      leaveClient(client);
      throw ApiException.tooManyRequests("at most " + limits.heavy() + " expensive queries (long words or phrases, "
          + "many clauses) run at once; retry after " + RETRY_AFTER_SECONDS + " s or shorten the query",
          RETRY_AFTER_SECONDS);
    }
    AtomicBoolean open = new AtomicBoolean(true);
    return () -> {
      if (open.compareAndSet(true, false)) {
        if (expensive) {
          heavy.release();
        }
        total.release();
        leaveClient(client);
      }
    };
  }

  /** Requests in flight to Elasticsearch now (a gauge in {@code /metrics}). */
  public int inFlight() {
    return limits.total() - total.availablePermits();
  }

  /** Expensive queries in flight now (a gauge in {@code /metrics}). */
  public int heavyInFlight() {
    return limits.heavy() - heavy.availablePermits();
  }

  /** Clients with a request in flight now (entries go away when their last request ends). */
  public int clientsInFlight() {
    return perClient.size();
  }

  private boolean enterClient(String client) {
    boolean[] granted = {false};
    perClient.compute(client, (k, n) -> {
      int current = n == null ? 0 : n;
      if (current >= limits.perClient()) {
        return n;
      }
      granted[0] = true;
      return current + 1;
    });
    return granted[0];
  }

  private void leaveClient(String client) {
    perClient.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
  }
}

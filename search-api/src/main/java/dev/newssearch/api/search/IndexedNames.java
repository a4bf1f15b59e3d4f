package dev.newssearch.api.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregationSource;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeBucket;
import dev.newssearch.api.query.WordSplitter;
import dev.newssearch.core.schema.DictionaryNames;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The names the indexer learned, read back from the index (every value of the {@link
 * DictionaryNames#FIELDS}, a composite aggregation page by page) and added to the API's IK dictionary,
 * so that a query is cut the way the node cut the paragraphs: 钟南山院士 is 钟南山 / 院士, not 钟 / 南山 /
 * 院士. Read when the app starts and every few minutes after, since a build may add names at any time;
 * IK only ever adds words, and so does this.
 */
public final class IndexedNames implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(IndexedNames.class);
  private static final int PAGE = 5000;

  private final ElasticsearchClient es;
  private final String alias;
  private final WordSplitter splitter;
  private final Set<String> known = new HashSet<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "indexed-names");
    t.setDaemon(true);
    return t;
  });
  private volatile boolean failing;

  public IndexedNames(ElasticsearchClient es, String alias, WordSplitter splitter) {
    this.es = es;
    this.alias = alias;
    this.splitter = splitter;
  }

  /** Reads the names now, then every {@code periodSeconds}. */
  public IndexedNames start(long periodSeconds) {
    timer.scheduleWithFixedDelay(this::refreshQuietly, 0, periodSeconds, TimeUnit.SECONDS);
    return this;
  }

  /** Adds the names not added yet; returns how many were new. */
  public synchronized int refresh() throws IOException {
    Set<String> fresh = new HashSet<>();
    for (String field : DictionaryNames.FIELDS) {
      Map<String, FieldValue> after = null;
      while (true) {
        final Map<String, FieldValue> from = after;
        CompositeAggregate page = es.search(s -> s.index(alias).size(0)
            .aggregations("names", a -> a.composite(c -> {
              c.size(PAGE).sources(List.of(Map.of("name",
                  CompositeAggregationSource.of(src -> src.terms(t -> t.field(field))))));
              if (from != null) {
                c.after(from);
              }
              return c;
            })), Void.class).aggregations().get("names").composite();
        for (CompositeBucket b : page.buckets().array()) {
          String word = DictionaryNames.word(b.key().get("name").stringValue());
          if (word != null && !known.contains(word)) {
            fresh.add(word);
          }
        }
        if (page.buckets().array().size() < PAGE || page.afterKey() == null || page.afterKey().isEmpty()) {
          break;
        }
        after = page.afterKey();
      }
    }
    if (!fresh.isEmpty()) {
      splitter.addWords(fresh);
      known.addAll(fresh);
      log.info("{} names learned from {} added to the query dictionary ({} in all)", fresh.size(), alias, known.size());
    }
    return fresh.size();
  }

  private void refreshQuietly() {
    try {
      refresh();
      failing = false;
    } catch (IOException | RuntimeException e) {
      if (!failing) { // once per outage: the next read retries anyway
        log.info("cannot read the learned names from {} yet ({}); queries are cut with IK's own words until then",
            alias, e.getMessage());
      }
      failing = true;
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}

package dev.newssearch.indexer.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.indices.CreateIndexRequest;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import co.elastic.clients.elasticsearch.indices.get_alias.IndexAliases;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newssearch.core.schema.Fields;
import dev.newssearch.core.schema.IndexSchema;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The index-level requests of the indexer: versioned indices behind one alias, settings, {@code _meta}. */
final class IndexAdmin {
  private static final Logger log = LoggerFactory.getLogger(IndexAdmin.class);
  private static final DateTimeFormatter VERSION =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

  private final ElasticsearchClient client;
  private final IndexSchema schema;

  IndexAdmin(ElasticsearchClient client, IndexSchema schema) {
    this.client = client;
    this.schema = schema;
  }

  /** {@code <alias>-v<utc timestamp>}: names sort in creation order. */
  static String versionedName(String alias, Instant now) {
    return alias + "-v" + VERSION.format(now);
  }

  static boolean isVersionOf(String alias, String index) {
    return Pattern.matches(Pattern.quote(alias) + "-v\\d{8}-\\d{6}-\\d{3}", index);
  }

  /** The physical index the alias points to, empty when the alias does not exist yet. */
  Optional<String> aliasTarget(String alias) throws IOException {
    if (client.indices().exists(e -> e.index(alias)).value()
        && !client.indices().existsAlias(e -> e.name(alias)).value()) {
      throw new IllegalStateException("'" + alias + "' is a concrete index, not an alias: delete or rename it"
          + " (or choose another ES_ALIAS / --alias) so the indexer can manage versioned indices behind it");
    }
    if (!client.indices().existsAlias(e -> e.name(alias)).value()) {
      return Optional.empty();
    }
    Map<String, IndexAliases> result = client.indices().getAlias(g -> g.name(alias)).result();
    if (result.size() > 1) {
      throw new IllegalStateException("alias '" + alias + "' points to " + result.keySet()
          + "; it must point to exactly one index");
    }
    return result.keySet().stream().findFirst();
  }

  /** Versioned indices of this alias, oldest first. */
  List<String> versions(String alias) throws IOException {
    var names = new TreeSet<String>();
    client.indices().get(g -> g.index(alias + "-v*").ignoreUnavailable(true).allowNoIndices(true))
        .result().keySet().stream().filter(n -> isVersionOf(alias, n)).forEach(names::add);
    return new ArrayList<>(names);
  }

  /**
   * Creates a new versioned index from the schema, set up for a bulk load (refresh off). Never reuses a
   * name. Replicas are allocated from the start when asked for, so a node lost mid-load loses no
   * acknowledged write (the replica is promoted).
   */
  String createForBulkLoad(String alias, Map<String, Object> meta, int replicas) throws IOException {
    Instant now = Instant.now();
    String name = versionedName(alias, now);
    while (exists(name)) {
      now = now.plusMillis(1);
      name = versionedName(alias, now);
    }
    final String index = name;
    var settings = Map.<String, Object>of("refresh_interval", "-1", "number_of_replicas", replicas);
    try {
      client.indices().create(CreateIndexRequest.of(b -> b.index(index)
          .withJson(schema.createIndexReader(settings, meta))));
    } catch (ElasticsearchException e) {
      // The name was free a moment ago and is ours alone (a timestamp): with several nodes in ES_URL the
      // client retries a timed-out create on the next node, and the first attempt may have succeeded.
      if (!"resource_already_exists_exception".equals(e.error().type())) throw e;
      log.info("{} exists already: an earlier attempt of this create went through", index);
    }
    log.info("created {} (refresh off, {} replicas) for a bulk load", index, replicas);
    return index;
  }

  /**
   * Every document of {@code index} (id and source), page by page through a point in time, so memory
   * holds one page whatever the index size. (The node has no reindex module to do this server-side.)
   */
  void forEachDocument(String index, DocumentVisitor visitor) throws IOException {
    walk(index, null, true, visitor);
  }

  /**
   * The documents matching {@code query} (all when null), with their source or only their ids, read
   * through a point in time and {@code search_after} on {@code _shard_doc}: no size limit, one page in
   * memory.
   */
  private void walk(String index, Query query, boolean source, DocumentVisitor visitor) throws IOException {
    String pit = client.openPointInTime(p -> p.index(index).keepAlive(t -> t.time("5m"))).id();
    try {
      List<FieldValue> after = null;
      while (true) {
        final List<FieldValue> searchAfter = after;
        SearchResponse<ObjectNode> page = client.search(s -> {
          s.pit(p -> p.id(pit).keepAlive(t -> t.time("5m")))
              .size(1000)
              .trackTotalHits(t -> t.enabled(false))
              .sort(o -> o.field(f -> f.field("_shard_doc").order(SortOrder.Asc)));
          if (query != null) {
            s.query(query);
          }
          if (!source) {
            s.source(src -> src.fetch(false));
          }
          if (searchAfter != null) {
            s.searchAfter(searchAfter);
          }
          return s;
        }, ObjectNode.class);
        List<Hit<ObjectNode>> hits = page.hits().hits();
        if (hits.isEmpty()) {
          return;
        }
        for (Hit<ObjectNode> h : hits) {
          visitor.visit(h.id(), h.source());
        }
        after = hits.get(hits.size() - 1).sort();
      }
    } finally {
      client.closePointInTime(c -> c.id(pit));
    }
  }

  /**
   * The words that {@code index}'s {@code text} analyzer does not keep whole: no token spans exactly
   * the word. Asked with {@code _analyze}, a thousand words a request (one text, a line each), so the
   * answer reflects the dictionary the node analyses with right now.
   */
  Set<String> wordsSplitBy(String index, Collection<String> words) throws IOException {
    Set<String> split = new TreeSet<>();
    List<String> all = new ArrayList<>(words);
    for (int from = 0; from < all.size(); from += ANALYZED_WORDS) {
      List<String> batch = all.subList(from, Math.min(all.size(), from + ANALYZED_WORDS));
      String text = String.join("\n", batch);
      Set<Long> whole = new HashSet<>();
      for (AnalyzeToken t : client.indices().analyze(a -> a.index(index).field(Fields.TEXT).text(text)).tokens()) {
        whole.add(t.startOffset() << 32 | t.endOffset());
      }
      int at = 0;
      for (String word : batch) {
        if (!whole.contains((long) at << 32 | (at + word.length()))) {
          split.add(word);
        }
        at += word.length() + 1;
      }
    }
    return split;
  }

  /** Below the node's {@code index.analyze.max_token_count} (10,000) with a few tokens per word. */
  private static final int ANALYZED_WORDS = 1000;

  /**
   * Closes and opens the index, so that every node holding one of its shards builds its analyzers
   * again and IK reads the dictionaries written since (it only ever adds words), then waits for its
   * primaries.
   */
  void reopen(String index) throws IOException {
    client.indices().close(c -> c.index(index));
    // waits for the primaries (replicas catch up on their own), without a cluster privilege for health
    client.indices().open(o -> o.index(index).waitForActiveShards(w -> w.count(1)).timeout(t -> t.time("60s")));
  }

  @FunctionalInterface
  interface DocumentVisitor {
    void visit(String id, ObjectNode source) throws IOException;
  }

  /** Puts back the live settings after a bulk load and makes everything searchable. */
  void finishBulkLoad(String index, int replicas) throws IOException {
    client.indices().putSettings(p -> p.index(index).settings(s -> s
        .refreshInterval(t -> t.time(schema.refreshInterval()))
        .numberOfReplicas(String.valueOf(replicas))));
    refresh(index);
  }

  void refresh(String index) throws IOException {
    client.indices().refresh(r -> r.index(index));
  }

  long count(String index) throws IOException {
    return client.count(c -> c.index(index)).count();
  }

  /** Points the alias at {@code index} in one atomic {@code _aliases} request (remove + add). */
  void swapAlias(String alias, String index) throws IOException {
    Optional<String> old = aliasTarget(alias);
    client.indices().updateAliases(u -> {
      old.ifPresent(o -> u.actions(a -> a.remove(r -> r.index(o).alias(alias))));
      return u.actions(a -> a.add(ad -> ad.index(index).alias(alias)));
    });
    log.info("alias {} now points to {} (was {})", alias, index, old.orElse("nothing"));
  }

  /**
   * Keeps the alias target and the {@code keep} newest older completed versions for rollback; deletes
   * the rest, including abandoned builds (no manifest in {@code _meta}) older or newer than the target.
   */
  List<String> prune(String alias, int keep) throws IOException {
    Optional<String> target = aliasTarget(alias);
    if (target.isEmpty()) {
      return List.of();
    }
    List<String> versions = versions(alias);
    List<String> older = new ArrayList<>();
    List<String> delete = new ArrayList<>();
    for (String v : versions) {
      if (v.equals(target.get())) {
        continue;
      }
      // only a build that completed (its manifest was written) is worth a rollback
      if (v.compareTo(target.get()) < 0 && meta(v).containsKey(IndexSchema.META_FILES)) {
        older.add(v);
      } else {
        delete.add(v);
      }
    }
    for (int i = 0; i < older.size() - keep; i++) {
      delete.add(older.get(i));
    }
    for (String d : delete) {
      delete(d);
    }
    return delete;
  }

  boolean exists(String index) throws IOException {
    return client.indices().exists(e -> e.index(index)).value();
  }

  void delete(String index) throws IOException {
    client.indices().delete(d -> d.index(index).ignoreUnavailable(true));
    log.info("deleted index {}", index);
  }

  Map<String, JsonData> meta(String index) throws IOException {
    var mapping = client.indices().getMapping(m -> m.index(index)).result().get(index);
    if (mapping == null || mapping.mappings().meta() == null) {
      return Map.of();
    }
    return mapping.mappings().meta();
  }

  /** Replaces the index's {@code _meta} (the schema's declared keys are always kept). */
  void putMeta(String index, Map<String, Object> meta) throws IOException {
    Map<String, JsonData> all = new LinkedHashMap<>();
    schema.declaredMeta().fields().forEachRemaining(e -> all.put(e.getKey(), JsonData.of(e.getValue())));
    meta.forEach((k, v) -> all.put(k, JsonData.of(v)));
    client.indices().putMapping(p -> p.index(index).meta(all));
  }

  /** Ids of the documents of one seed file, read with a point in time and search_after (no size limit). */
  Set<String> idsOfFile(String index, String file) throws IOException {
    Set<String> ids = new HashSet<>();
    walk(index, Query.of(q -> q.term(t -> t.field(Fields.FILE).value(file))), false, (id, source) -> ids.add(id));
    return ids;
  }
}

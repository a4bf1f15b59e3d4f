package dev.newssearch.indexer.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonData;
import dev.newssearch.core.es.EsClients;
import dev.newssearch.core.es.EsConfig;
import dev.newssearch.core.schema.IndexSchema;
import dev.newssearch.core.schema.ParagraphDoc;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the alias {@code EsConfig.alias()} answering while the seeds change underneath.
 *
 * <ul>
 *   <li>{@link #rebuild(Path)}: a new versioned index, bulk-loaded with refresh off, verified against
 *       the pipeline's count, then swapped in with one atomic {@code _aliases} request; older versions
 *       beyond {@code keep} are deleted. A failed build deletes its half-built index; the alias stays.
 *   <li>{@link #incremental(Path)}: compares each seed's sha256 with the manifest in the live index's
 *       {@code _meta.files}; re-processes added and changed files, deletes the paragraphs of removed
 *       files and the stale ones of changed files. A different schema or dictionary fingerprint in
 *       {@code _meta} means the index was analysed otherwise, so it rebuilds instead.
 * </ul>
 *
 * <p>Not safe for two writers on the same alias at once (e.g. {@code watch} plus {@code index}).
 */
public final class IndexService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(IndexService.class);

  private final EsConfig config;
  private final IndexOptions options;
  private final ParagraphSource source;
  private final Function<List<ParagraphDoc>, Collection<String>> dictionaryWords;
  private final IndexSchema schema;
  private final ElasticsearchClient client;
  private final IndexAdmin admin;
  private final Dictionaries dictionaries;
  private volatile ProgressListener progress = ProgressListener.NONE;

  /**
   * @param dictionaryWords the learned names to write into the nodes' dictionary before a full
   *                        build, from all the build's paragraphs
   */
  public IndexService(EsConfig config, IndexOptions options, ParagraphSource source,
      Function<List<ParagraphDoc>, Collection<String>> dictionaryWords, IndexSchema schema) {
    this.config = config;
    this.options = options;
    this.source = source;
    this.dictionaryWords = dictionaryWords;
    this.schema = schema;
    this.client = EsClients.client(config);
    this.admin = new IndexAdmin(client, schema);
    this.dictionaries = new Dictionaries(options.dictDirs());
  }

  /** Learned names = every person, place and organisation the paragraphs mention. */
  public static Collection<String> entityNames(List<ParagraphDoc> docs) {
    Set<String> words = new TreeSet<>();
    for (ParagraphDoc d : docs) {
      words.addAll(d.persons());
      words.addAll(d.places());
      words.addAll(d.organizations());
    }
    return words;
  }

  public IndexService progress(ProgressListener listener) {
    this.progress = listener == null ? ProgressListener.NONE : listener;
    return this;
  }

  public EsConfig config() {
    return config;
  }

  public IndexSchema schema() {
    return schema;
  }

  /** Builds a new index for the whole seeds folder and swaps the alias to it. */
  public IndexRun rebuild(Path seeds) throws IOException {
    return rebuild(seeds, "full rebuild requested");
  }

  /** Applies what changed in the seeds folder; rebuilds when there is no index or it is outdated. */
  public IndexRun incremental(Path seeds) throws IOException {
    Instant start = Instant.now();
    String alias = config.alias();
    Optional<String> target = admin.aliasTarget(alias);
    if (target.isEmpty()) {
      return rebuild(seeds, "alias " + alias + " does not exist yet");
    }
    String index = target.get();
    Map<String, JsonData> meta = admin.meta(index);
    Optional<String> outdated = outdated(meta);
    if (outdated.isPresent()) {
      return rebuild(seeds, outdated.get());
    }
    Map<String, SeedFile> seedFiles = SeedFile.scan(seeds);
    Map<String, FileEntry> manifest = FileEntry.read(meta);
    SeedDiff diff = SeedDiff.of(hashes(manifest), seedFiles);
    long expected = manifest.values().stream().mapToLong(FileEntry::paragraphs).sum();
    if (diff.inSync()) {
      long count = admin.count(index);
      log.info("{} -> {} is in sync with {} ({} files)", alias, index, seeds, seedFiles.size());
      return new IndexRun(IndexRun.Mode.UP_TO_DATE, diff.toString(), alias, index, index, seedFiles.size(), 0, 0,
          List.of(), 0, 0, 0, 0, 0, 0, 0, 0, List.of(), count, expected, List.of(),
          Duration.between(start, Instant.now()), Duration.ZERO);
    }
    log.info("{} -> {}: {}", alias, index, diff);

    List<String> toProcess = new ArrayList<>(diff.added());
    toProcess.addAll(diff.changed());
    Processed processed = process(seedFiles, toProcess);

    Map<String, FileEntry> next = new TreeMap<>(manifest);
    BulkLoader.Outcome outcome;
    try (BulkLoader loader = loader()) {
      progress.phase("bulk", processed.docCount() + 1);
      for (String name : toProcess) {
        List<ParagraphDoc> docs = processed.docs().getOrDefault(name, List.of());
        Set<String> before = diff.changed().contains(name) ? admin.idsOfFile(index, name) : Set.of();
        Set<String> now = new HashSet<>();
        for (ParagraphDoc doc : docs) {
          now.add(doc.id());
          loader.index(index, doc.id(), name, DocumentJson.of(doc));
        }
        for (String stale : before) {
          if (!now.contains(stale)) {
            loader.delete(index, stale, name);
          }
        }
        next.put(name, new FileEntry(seedFiles.get(name).sha256(), now.size()));
      }
      for (String name : diff.removed()) {
        for (String id : admin.idsOfFile(index, name)) {
          loader.delete(index, id, name);
        }
        next.remove(name);
      }
      outcome = loader.finish();
    }
    admin.refresh(index);
    // a file with an unacknowledged write keeps its old manifest entry, so the next run retries it
    for (ItemFailure f : outcome.failures()) {
      if (manifest.containsKey(f.file())) {
        next.put(f.file(), manifest.get(f.file()));
      } else {
        next.remove(f.file());
      }
    }
    long expectedAfter = next.values().stream().mapToLong(FileEntry::paragraphs).sum();
    long count = admin.count(index);
    progress.step(1);
    progress.done();
    Duration took = Duration.between(start, Instant.now());
    IndexRun run = new IndexRun(IndexRun.Mode.INCREMENTAL, diff.toString(), alias, index, index, seedFiles.size(),
        toProcess.size(), diff.removed().size(), processed.skipped(), processed.articles(), processed.docCount(),
        processed.persons(), processed.chars(), outcome.sent(), outcome.indexed(), outcome.deleted(), outcome.failed(),
        outcome.failures(), count, expectedAfter, List.of(), took, processed.took());
    admin.putMeta(index, meta(meta, next, run));
    log.info("{}", run.summary());
    return run;
  }

  /** Paragraph dates per year and per file in the index the alias points to; empty without an index. */
  public Optional<DateSpread> dateSpread() throws IOException {
    Optional<String> target = admin.aliasTarget(config.alias());
    return target.isEmpty() ? Optional.empty() : Optional.of(DateSpread.query(client, target.get(), 10_000));
  }

  /** Where the alias points, and whether the seeds folder matches the index. */
  public IndexStatus status(Path seeds) throws IOException {
    String alias = config.alias();
    Optional<String> target = admin.aliasTarget(alias);
    List<String> versions = admin.versions(alias);
    if (target.isEmpty()) {
      return new IndexStatus(alias, null, 0, versions, null, null, "alias does not exist: run `index`", Map.of());
    }
    String index = target.get();
    Map<String, JsonData> meta = admin.meta(index);
    Map<String, FileEntry> manifest = FileEntry.read(meta);
    SeedDiff diff = SeedDiff.of(hashes(manifest), SeedFile.scan(seeds));
    String sync = outdated(meta).map(r -> "rebuild needed: " + r)
        .orElse(diff.inSync() ? "in sync" : "out of sync: " + diff);
    Map<String, Object> lastRun = meta.containsKey(IndexSchema.META_LAST_RUN)
        ? meta.get(IndexSchema.META_LAST_RUN).to(Map.class) : Map.of();
    return new IndexStatus(alias, index, admin.count(index), versions,
        meta.containsKey(IndexSchema.META_BUILT_AT) ? meta.get(IndexSchema.META_BUILT_AT).to(String.class) : null,
        diff, sync, lastRun);
  }

  private Optional<String> outdated(Map<String, JsonData> meta) throws IOException {
    String indexedSchema = string(meta, IndexSchema.META_SCHEMA_FINGERPRINT);
    if (!schema.fingerprint().equals(indexedSchema)) {
      return Optional.of("schema changed (" + indexedSchema + " -> " + schema.fingerprint() + ")");
    }
    String indexedDict = string(meta, IndexSchema.META_DICTIONARY_FINGERPRINT);
    String dict = dictionaries.fingerprint();
    if (!Dictionaries.NONE.equals(dict) && !dict.equals(indexedDict)) {
      return Optional.of("dictionaries changed (" + indexedDict + " -> " + dict + ")");
    }
    return Optional.empty();
  }

  private IndexRun rebuild(Path seeds, String reason) throws IOException {
    Instant start = Instant.now();
    String alias = config.alias();
    log.info("full build of {} from {}: {}", alias, seeds, reason);
    Map<String, SeedFile> seedFiles = SeedFile.scan(seeds);
    Processed processed = source.relatesFiles()
        ? processFolder(seeds, seedFiles)
        : process(seedFiles, new ArrayList<>(seedFiles.keySet()));

    if (!dictionaries.dirs().isEmpty()) {
      dictionaries.writeLearnedNames(dictionaryWords.apply(processed.all()));
    }
    Optional<String> previous = admin.aliasTarget(alias);
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put(IndexSchema.META_SCHEMA_FINGERPRINT, schema.fingerprint());
    meta.put(IndexSchema.META_DICTIONARY_FINGERPRINT, dictionaries.fingerprint());
    meta.put(IndexSchema.META_BUILT_AT, start.toString());
    String index = admin.createForBulkLoad(alias, meta);

    boolean live = false;
    try {
      Map<String, FileEntry> files = new TreeMap<>();
      Set<String> ids = new HashSet<>();
      BulkLoader.Outcome outcome;
      try (BulkLoader loader = loader()) {
        progress.phase("bulk", processed.docCount() + 1);
        for (var e : seedFiles.entrySet()) {
          List<ParagraphDoc> docs = processed.docs().getOrDefault(e.getKey(), List.of());
          Set<String> fileIds = new HashSet<>();
          for (ParagraphDoc doc : docs) {
            if (ids.add(doc.id())) {
              fileIds.add(doc.id());
              loader.index(index, doc.id(), e.getKey(), DocumentJson.of(doc));
            } else {
              log.warn("duplicate paragraph id {} in {}: indexed once", doc.id(), e.getKey());
            }
          }
          files.put(e.getKey(), new FileEntry(e.getValue().sha256(), fileIds.size()));
        }
        outcome = loader.finish();
      }
      admin.finishBulkLoad(index, options.replicas());
      long count = admin.count(index);
      progress.step(1);
      progress.done();
      Duration took = Duration.between(start, Instant.now());
      boolean good = outcome.failed() == 0 && count == ids.size();
      IndexRun run = new IndexRun(good ? IndexRun.Mode.FULL : IndexRun.Mode.FAILED, reason, alias, index,
          previous.orElse(null), seedFiles.size(), seedFiles.size(), 0, processed.skipped(), processed.articles(),
          processed.docCount(), processed.persons(), processed.chars(), outcome.sent(), outcome.indexed(),
          outcome.deleted(), outcome.failed(), outcome.failures(), count, ids.size(), List.of(), took,
          processed.took());
      if (!good) {
        log.error("build of {} failed, alias {} stays on {}: {}", index, alias, previous.orElse("nothing"),
            run.summary());
        return run;
      }
      admin.putMeta(index, meta(meta.entrySet().stream().collect(
          LinkedHashMap::new, (m, x) -> m.put(x.getKey(), JsonData.of(x.getValue())), Map::putAll), files, run));
      admin.swapAlias(alias, index);
      live = true;
      List<String> pruned = admin.prune(alias, options.keep());
      run = new IndexRun(run.mode(), run.reason(), alias, index, run.previousIndex(), run.files(), run.processed(),
          run.removed(), run.skipped(), run.articles(), run.paragraphs(), run.persons(), run.chars(), run.sent(),
          run.indexed(), run.deleted(), run.failed(), run.failures(), run.indexCount(), run.expectedCount(), pruned,
          Duration.between(start, Instant.now()), run.pipelineTook());
      log.info("{}", run.summary());
      return run;
    } finally {
      if (!live) {
        try {
          admin.delete(index);
        } catch (IOException | RuntimeException e) {
          log.warn("could not delete the abandoned index {} (the next build prunes it): {}", index, e.getMessage());
        }
      }
    }
  }

  private BulkLoader loader() {
    return new BulkLoader(client, options.batchSize(), options.concurrency(), options.maxRetries(),
        options.initialBackoff(), n -> progress.step(n));
  }

  /** Runs the pipeline over the named files; a file it cannot read is counted as skipped, with why. */
  private Processed process(Map<String, SeedFile> seedFiles, List<String> names) {
    Instant start = Instant.now();
    progress.phase("pipeline", names.size());
    Map<String, List<ParagraphDoc>> docs = new TreeMap<>();
    List<String> skipped = new ArrayList<>();
    for (String name : names) {
      SeedFile file = seedFiles.get(name);
      try {
        List<ParagraphDoc> fileDocs = source.paragraphs(file.path());
        for (ParagraphDoc d : fileDocs) {
          if (!name.equals(d.file())) {
            throw new IllegalStateException("pipeline returned a paragraph of " + d.file() + " for " + name);
          }
        }
        docs.put(name, fileDocs);
      } catch (IOException | RuntimeException e) {
        log.warn("skipped {}: {}", name, e.toString());
        skipped.add(name + ": " + e.getMessage());
      }
      progress.step(1);
    }
    return Processed.of(docs, skipped, start);
  }

  /** A full build through the source's whole-folder path (cross-file duplicate groups). */
  private Processed processFolder(Path seeds, Map<String, SeedFile> seedFiles) {
    Instant start = Instant.now();
    progress.phase("pipeline", 1);
    List<Path> paths = seedFiles.values().stream().map(SeedFile::path).toList();
    Map<String, ParagraphSource.FileDocs> results = source.wholeFolder(seeds, paths);
    Map<String, List<ParagraphDoc>> docs = new TreeMap<>();
    List<String> skipped = new ArrayList<>();
    for (String name : seedFiles.keySet()) {
      ParagraphSource.FileDocs r = results.get(name);
      if (r == null) {
        skipped.add(name + ": the pipeline did not process it");
      } else if (r.error() != null) {
        skipped.add(name + ": " + r.error());
      } else {
        docs.put(name, r.docs());
      }
    }
    skipped.forEach(s -> log.warn("skipped {}", s));
    progress.step(1);
    return Processed.of(docs, skipped, start);
  }

  private Map<String, Object> meta(Map<String, JsonData> base, Map<String, FileEntry> files, IndexRun run) {
    Map<String, Object> meta = new LinkedHashMap<>();
    base.forEach((k, v) -> meta.put(k, v.to(Object.class)));
    Map<String, Object> fileMap = new TreeMap<>();
    files.forEach((k, v) -> fileMap.put(k, Map.of("sha256", v.sha256(), "paragraphs", v.paragraphs())));
    meta.put(IndexSchema.META_FILES, fileMap);
    Map<String, Object> last = new LinkedHashMap<>();
    last.put("at", Instant.now().toString());
    last.put("mode", run.mode().name());
    last.put("reason", run.reason());
    last.put("files", run.files());
    last.put("processed", run.processed());
    last.put("removed", run.removed());
    last.put("paragraphs", run.paragraphs());
    last.put("indexed", run.indexed());
    last.put("deleted", run.deleted());
    last.put("failed", run.failed());
    last.put("took_ms", run.took().toMillis());
    meta.put(IndexSchema.META_LAST_RUN, last);
    return meta;
  }

  private static Map<String, String> hashes(Map<String, FileEntry> manifest) {
    Map<String, String> h = new TreeMap<>();
    manifest.forEach((k, v) -> h.put(k, v.sha256()));
    return h;
  }

  private static String string(Map<String, JsonData> meta, String key) {
    JsonData v = meta.get(key);
    return v == null ? null : v.to(String.class);
  }

  @Override
  public void close() throws IOException {
    client._transport().close();
  }

  /** One manifest entry in {@code _meta.files}. */
  record FileEntry(String sha256, long paragraphs) {
    @SuppressWarnings("unchecked")
    static Map<String, FileEntry> read(Map<String, JsonData> meta) {
      Map<String, FileEntry> entries = new TreeMap<>();
      JsonData files = meta.get(IndexSchema.META_FILES);
      if (files == null) {
        return entries;
      }
      Map<String, Object> raw = files.to(Map.class);
      raw.forEach((name, value) -> {
        Map<String, Object> v = (Map<String, Object>) value;
        entries.put(name, new FileEntry(String.valueOf(v.get("sha256")), ((Number) v.get("paragraphs")).longValue()));
      });
      return entries;
    }
  }

  /** The pipeline's output for a set of files. */
  record Processed(Map<String, List<ParagraphDoc>> docs, List<String> skipped, long docCount, long articles,
      long persons, long chars, Duration took) {
    static Processed of(Map<String, List<ParagraphDoc>> docs, List<String> skipped, Instant start) {
      Set<String> articles = new HashSet<>();
      Set<String> persons = new HashSet<>();
      long count = 0;
      long chars = 0;
      for (List<ParagraphDoc> list : docs.values()) {
        for (ParagraphDoc d : list) {
          count++;
          articles.add(d.articleId());
          persons.addAll(d.persons());
          chars += d.text() == null ? 0 : d.text().length();
        }
      }
      return new Processed(docs, skipped, count, articles.size(), persons.size(), chars,
          Duration.between(start, Instant.now()));
    }

    List<ParagraphDoc> all() {
      return docs.values().stream().flatMap(List::stream).toList();
    }
  }
}

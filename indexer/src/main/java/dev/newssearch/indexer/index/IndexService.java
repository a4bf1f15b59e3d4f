package dev.newssearch.indexer.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonData;
import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import dev.newssearch.core.es.EsClients;
import dev.newssearch.core.es.EsConfig;
import dev.newssearch.core.schema.Fields;
import dev.newssearch.core.schema.IndexSchema;
import dev.newssearch.core.schema.ParagraphDoc;
import dev.newssearch.indexer.pipeline.NearDuplicates;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final EsConfig config;
  private final IndexOptions options;
  private final ParagraphSource source;
  private final Function<List<ParagraphDoc>, Collection<String>> dictionaryWords;
  private final IndexSchema schema;
  private final ElasticsearchClient client;
  private final IndexAdmin admin;
  private final Dictionaries dictionaries;
  private volatile ProgressListener progress = ProgressListener.NONE;
  private ExecutorService workers;

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
    SeedFile.Scan scan = SeedFile.scan(seeds, options.files());
    Map<String, FileEntry> manifest = FileEntry.read(meta);
    SeedDiff diff = SeedDiff.of(hashes(manifest), scan.files());
    IndexRun.Target where = new IndexRun.Target(alias, index, index);
    if (diff.inSync()) {
      long count = admin.count(index);
      long expected = manifest.values().stream().mapToLong(FileEntry::paragraphs).sum();
      List<String> skipped = new ArrayList<>(scan.skippedLines());
      manifest.forEach((name, e) -> {
        if (e.skipped() != null) {
          skipped.add(name + ": " + e.skipped());
        }
      });
      log.info("{} -> {} is in sync with {} ({} files, {} skipped)", alias, index, seeds, scan.files().size(),
          skipped.size());
      return new IndexRun(IndexRun.Mode.UP_TO_DATE, diff.toString(), where,
          new IndexRun.Inputs(scan.files().size(), 0, 0, skipped), IndexRun.Content.NONE, Writes.NONE, count,
          expected, List.of(), Duration.between(start, Instant.now()), Duration.ZERO);
    }
    log.info("{} -> {}: {}", alias, index, diff);

    List<String> toProcess = new ArrayList<>(diff.added());
    toProcess.addAll(diff.changed());
    Collections.sort(toProcess);
    Set<String> changed = new HashSet<>(diff.changed());
    Map<String, FileEntry> next = new TreeMap<>(manifest);
    Streamed streamed;
    Writes writes;
    try (BulkLoader loader = loader()) {
      streamed = stream(scan, toProcess, name -> {
        Set<String> before = changed.contains(name) ? admin.idsOfFile(index, name) : Set.of();
        Set<String> now = new HashSet<>();
        return new FilePass() {
          @Override
          public void accept(List<ParagraphDoc> docs) throws IOException {
            for (ParagraphDoc doc : docs) {
              if (now.add(doc.id())) {
                loader.index(index, doc.id(), name, DocumentJson.of(doc));
              }
            }
          }

          @Override
          public long finish() throws IOException {
            for (String stale : before) {
              if (!now.contains(stale)) {
                loader.delete(index, stale, name);
              }
            }
            return now.size();
          }

          @Override
          public void withdraw() throws IOException {
            Set<String> all = new HashSet<>(before);
            all.addAll(now);
            loader.finish(); // its writes first: a delete must not overtake the index request it undoes
            for (String id : all) {
              loader.delete(index, id, name);
            }
          }
        };
      });
      for (String name : diff.removed()) {
        for (String id : admin.idsOfFile(index, name)) {
          loader.delete(index, id, name);
        }
        next.remove(name);
      }
      writes = loader.finish();
    }
    next.putAll(streamed.entries());
    admin.refresh(index);
    // a file with an unacknowledged write keeps its old manifest entry, so the next run retries it
    for (ItemFailure f : writes.failures()) {
      if (manifest.containsKey(f.file())) {
        next.put(f.file(), manifest.get(f.file()));
      } else {
        next.remove(f.file());
      }
    }
    long expectedAfter = next.values().stream().mapToLong(FileEntry::paragraphs).sum();
    long count = admin.count(index);
    progress.done();
    Duration took = Duration.between(start, Instant.now());
    IndexRun run = new IndexRun(IndexRun.Mode.INCREMENTAL, diff.toString(), where,
        new IndexRun.Inputs(scan.files().size(), toProcess.size(), diff.removed().size(), streamed.skipped()),
        streamed.content(), writes, count, expectedAfter, List.of(), took, streamed.cpu());
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
      return new IndexStatus(alias, null, 0, versions, null, null, "alias does not exist: run `index`",
          List.of(), Map.of());
    }
    String index = target.get();
    Map<String, JsonData> meta = admin.meta(index);
    Map<String, FileEntry> manifest = FileEntry.read(meta);
    SeedFile.Scan scan = SeedFile.scan(seeds, options.files());
    SeedDiff diff = SeedDiff.of(hashes(manifest), scan.files());
    List<String> skipped = new ArrayList<>(scan.skippedLines());
    manifest.forEach((name, e) -> {
      if (e.skipped() != null && scan.files().containsKey(name)) {
        skipped.add(name + ": " + e.skipped());
      }
    });
    Collections.sort(skipped);
    String sync = outdated(meta).map(r -> "rebuild needed: " + r)
        .orElse(diff.inSync() ? "in sync" : "out of sync: " + diff);
    Map<String, Object> lastRun = meta.containsKey(IndexSchema.META_LAST_RUN)
        ? meta.get(IndexSchema.META_LAST_RUN).to(Map.class) : Map.of();
    return new IndexStatus(alias, index, admin.count(index), versions,
        meta.containsKey(IndexSchema.META_BUILT_AT) ? meta.get(IndexSchema.META_BUILT_AT).to(String.class) : null,
        diff, sync, skipped, lastRun);
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
    SeedFile.Scan scan = SeedFile.scan(seeds, options.files());
    Optional<String> previous = admin.aliasTarget(alias);
    String dictionaryAtCreation = dictionaries.fingerprint();
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put(IndexSchema.META_SCHEMA_FINGERPRINT, schema.fingerprint());
    meta.put(IndexSchema.META_DICTIONARY_FINGERPRINT, dictionaryAtCreation);
    meta.put(IndexSchema.META_BUILT_AT, start.toString());
    String index = admin.createForBulkLoad(alias, meta, options.replicas());
    List<String> abandoned = new ArrayList<>(List.of(index));

    try {
      Streamed streamed;
      Writes writes;
      try (BulkLoader loader = loader()) {
        final String target = index;
        streamed = stream(scan, new ArrayList<>(scan.files().keySet()), name -> new FilePass() {
          final Set<String> fileIds = new HashSet<>();

          @Override
          public void accept(List<ParagraphDoc> docs) throws IOException {
            for (ParagraphDoc doc : docs) {
              // ids carry the file name, so a repeated id can only come from within the file
              if (fileIds.add(doc.id())) {
                loader.index(target, doc.id(), name, DocumentJson.of(doc));
              } else {
                log.warn("duplicate paragraph id {} in {}: indexed once", doc.id(), name);
              }
            }
          }

          @Override
          public long finish() {
            return fileIds.size();
          }

          @Override
          public void withdraw() throws IOException {
            loader.finish(); // its writes first: a delete must not overtake the index request it undoes
            for (String id : fileIds) {
              loader.delete(target, id, name);
            }
          }
        });
        writes = loader.finish();
      }
      admin.finishBulkLoad(index, options.replicas());
      if (!dictionaries.dirs().isEmpty()) {
        writes = learnNames(index, streamed.words(), writes, meta);
      }
      long expected = streamed.entries().values().stream().mapToLong(FileEntry::paragraphs).sum();
      long count = admin.count(index);
      progress.done();
      Duration took = Duration.between(start, Instant.now());
      boolean good = writes.failed() == 0 && count == expected;
      IndexRun run = new IndexRun(good ? IndexRun.Mode.FULL : IndexRun.Mode.FAILED, reason,
          new IndexRun.Target(alias, index, previous.orElse(null)),
          new IndexRun.Inputs(scan.files().size(), scan.files().size(), 0, streamed.skipped()), streamed.content(),
          writes, count, expected, List.of(), took, streamed.cpu());
      if (!good) {
        log.error("build of {} failed, alias {} stays on {}: {}", index, alias, previous.orElse("nothing"),
            run.summary());
        return run;
      }
      admin.putMeta(index, meta(meta.entrySet().stream().collect(
          LinkedHashMap::new, (m, x) -> m.put(x.getKey(), JsonData.of(x.getValue())), Map::putAll),
          streamed.entries(), run));
      admin.swapAlias(alias, index);
      abandoned.clear();
      run = run.withPruned(admin.prune(alias, options.keep()), Duration.between(start, Instant.now()));
      log.info("{}", run.summary());
      return run;
    } finally {
      for (String half : abandoned) {
        try {
          admin.delete(half);
        } catch (IOException | RuntimeException e) {
          log.warn("could not delete the abandoned index {} (the next build prunes it): {}", half, e.getMessage());
        }
      }
    }
  }

  /**
   * Writes the run's names into the nodes' dictionary once every file went through the pipeline, and
   * analyses again, in place, the paragraphs that hold a name the index's analyzer split when they were
   * loaded. IK keeps one dictionary per node and only ever adds words, so a paragraph without such a name
   * is analysed the same either way: an archive whose names the node already knows costs nothing more,
   * a new archive only its paragraphs that mention a newly learned name (not a second load of everything).
   */
  private Writes learnNames(String index, Collection<String> names, Writes writes, Map<String, Object> meta)
      throws IOException {
    Set<String> split = admin.wordsSplitBy(index, names);
    // a name the dictionary already held when the index was made, and still split, is one IK cannot keep whole
    // (伊姆兰·汗: it breaks at the ·); learning it again would analyse its paragraphs again for nothing
    split.removeAll(dictionaries.learnedNames());
    dictionaries.writeLearnedNames(names);
    meta.put(IndexSchema.META_DICTIONARY_FINGERPRINT, dictionaries.fingerprint());
    if (split.isEmpty()) {
      return writes;
    }
    admin.reopen(index);
    split.removeAll(admin.wordsSplitBy(index, split)); // the same, for names new to this run
    if (split.isEmpty()) {
      log.info("{} names learned; the analyzer still splits the ones new to it, so no paragraph is analysed again",
          names.size());
      return writes;
    }
    TreeMap<String, String> byName = new TreeMap<>();
    split.forEach(n -> byName.put(n, n));
    var mentions = new AhoCorasickDoubleArrayTrie<String>(byName);
    List<String> analysed = schema.dictionaryFields();
    Writes again;
    try (BulkLoader loader = loader()) {
      admin.forEachDocument(index, (id, doc) -> {
        for (String field : analysed) {
          if (doc.hasNonNull(field) && !mentions.parseText(doc.get(field).asText()).isEmpty()) {
            loader.index(index, id, doc.path(Fields.FILE).asText(), doc);
            return;
          }
        }
      });
      again = loader.finish();
    }
    admin.refresh(index);
    log.info("{} names learned, {} of them new to the analyzer: {} paragraphs analysed again", names.size(),
        split.size(), again.sent());
    return new Writes(writes.sent() + again.sent(), writes.indexed() + again.indexed(), writes.deleted(),
        writes.failed() + again.failed(), writes.retries() + again.retries(), concat(writes.failures(), again.failures()));
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private BulkLoader loader() {
    return new BulkLoader(client, options.batchSize(), options.concurrency(), options.maxRetries(),
        options.initialBackoff(), options.stallTimeout(), n -> { });
  }

  /** Where the files' documents go: one pass per file, opened when its first documents are ready. */
  @FunctionalInterface
  private interface FileSink {
    FilePass open(String name) throws IOException;
  }

  /** One file's documents on their way to the index, in parts (a big file comes in windows). */
  private interface FilePass {
    void accept(List<ParagraphDoc> docs) throws IOException;

    /** The file is complete: returns how many distinct paragraphs it sent, for the manifest. */
    long finish() throws IOException;

    /** The file failed after some of its parts were sent: takes back what the index has of it. */
    void withdraw() throws IOException;
  }

  /** One part of a file from a worker; the last one says whether the file failed, and its CPU time. */
  private record Part(List<ParagraphDoc> docs, boolean last, String error, long cpuNanos) {}

  /** A file on the worker pool: its parts wait in a queue of two, so a big file is never held whole. */
  private record Work(SeedFile file, BlockingQueue<Part> parts, Future<?> task) {}

  /**
   * Runs the pipeline over the named files on the worker pool and hands each file's documents to the
   * sink in name order (stable duplicate groups) while the next files are being processed: at most
   * two files per worker are in flight, each with at most two parts waiting, so memory does not grow with
   * the corpus nor with a file's size (a big file comes in windows). A file the pipeline cannot read or
   * decode is skipped with its reason and recorded in the manifest with its hash, so it is not retried
   * until it changes; one that fails after some of its parts were sent has them withdrawn first.
   */
  private Streamed stream(SeedFile.Scan scan, List<String> names, FileSink sink) throws IOException {
    progress.phase("files", names.size());
    NearDuplicates groups = source.relatesFiles() ? new NearDuplicates() : null;
    Streamed.Builder out = new Streamed.Builder(!dictionaries.dirs().isEmpty());
    scan.skipped().forEach((name, why) -> {
      log.warn("skipped {}: {}", name, why);
      out.skipped.add(name + ": " + why);
    });
    ExecutorService pool = workers();
    Deque<Work> window = new ArrayDeque<>();
    Iterator<String> todo = names.iterator();
    int inFlight = 2 * options.workers();
    try {
      while (todo.hasNext() || !window.isEmpty()) {
        while (todo.hasNext() && window.size() < inFlight) {
          SeedFile file = scan.files().get(todo.next());
          BlockingQueue<Part> parts = new ArrayBlockingQueue<>(2);
          window.add(new Work(file, parts, pool.submit(() -> work(file, parts))));
        }
        Work w = window.poll();
        String name = w.file().name();
        FilePass pass = null;
        for (Part p = next(w); ; p = next(w)) {
          if (p.last()) {
            out.cpuNanos += p.cpuNanos();
            if (p.error() != null) {
              if (pass != null) {
                pass.withdraw();
              }
              log.warn("skipped {}: {}", name, p.error());
              out.skipped.add(name + ": " + p.error());
              out.entries.put(name, new FileEntry(w.file().sha256(), 0, p.error()));
            } else {
              long sent = (pass == null ? sink.open(name) : pass).finish();
              out.entries.put(name, new FileEntry(w.file().sha256(), sent, null));
            }
            break;
          }
          if (pass == null) {
            pass = sink.open(name);
          }
          List<ParagraphDoc> docs = groups == null ? p.docs() : groups.group(p.docs());
          out.add(docs, dictionaryWords);
          pass.accept(docs);
        }
        progress.step(1);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while processing seed files", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the pipeline failed: " + e.getCause(), e.getCause());
    } finally {
      window.forEach(w -> w.task().cancel(true));
    }
    return out.build();
  }

  /** The next part of a file; a worker that died without its last part (an Error) fails the run. */
  private static Part next(Work w) throws InterruptedException, ExecutionException {
    while (true) {
      Part p = w.parts().poll(1, TimeUnit.SECONDS);
      if (p != null) {
        return p;
      }
      if (w.task().isDone() && w.parts().isEmpty()) {
        w.task().get();
        throw new IllegalStateException("the pipeline stopped on " + w.file().name() + " without a result");
      }
    }
  }

  /** On a worker thread: one file through the source, part by part, then its last part. */
  private void work(SeedFile file, BlockingQueue<Part> parts) {
    long cpu = cpuNanos();
    String why = null;
    try {
      source.paragraphs(file.path(), file.sha256(), docs -> {
        for (ParagraphDoc d : docs) {
          if (!file.name().equals(d.file())) {
            throw new IllegalStateException("pipeline returned a paragraph of " + d.file() + " for " + file.name());
          }
        }
        put(parts, new Part(docs, false, null, 0));
      });
    } catch (CancellationException e) {
      return;
    } catch (IOException | RuntimeException e) {
      why = String.valueOf(e.getMessage());
      // the pipeline's reasons often start with the file name, which the skip line already shows
      why = why.startsWith(file.name() + ": ") ? why.substring(file.name().length() + 2) : why;
    }
    try {
      put(parts, new Part(List.of(), true, why, cpuNanos() - cpu));
    } catch (CancellationException e) {
      // the run is over
    }
  }

  /** Waits for room in the file's queue; an interrupt means the run was cancelled. */
  private static void put(BlockingQueue<Part> parts, Part part) {
    try {
      parts.put(part);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("run cancelled");
    }
  }

  private static long cpuNanos() {
    return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
  }

  private synchronized ExecutorService workers() {
    if (workers == null) {
      AtomicInteger n = new AtomicInteger();
      workers = Executors.newFixedThreadPool(options.workers(), r -> {
        Thread t = new Thread(r, "pipeline-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
    }
    return workers;
  }

  /** What the pipeline made of a run's files: manifest entries, skipped files, counts, learned names. */
  private record Streamed(Map<String, FileEntry> entries, List<String> skipped, IndexRun.Content content,
      Set<String> words, Duration cpu) {

    private static final class Builder {
      final Map<String, FileEntry> entries = new TreeMap<>();
      final List<String> skipped = new ArrayList<>();
      final Set<String> persons = new HashSet<>();
      final Set<String> words = new TreeSet<>();
      final boolean collectWords;
      long articles;
      long paragraphs;
      long chars;
      long cpuNanos;

      Builder(boolean collectWords) {
        this.collectWords = collectWords;
      }

      void add(List<ParagraphDoc> docs, Function<List<ParagraphDoc>, Collection<String>> dictionaryWords) {
        Set<String> fileArticles = new HashSet<>();
        for (ParagraphDoc d : docs) {
          paragraphs++;
          fileArticles.add(d.articleId());
          persons.addAll(d.persons());
          chars += d.text() == null ? 0 : d.text().length();
        }
        // article ids include the file name: counting per file needs no corpus-wide set
        articles += fileArticles.size();
        if (collectWords) {
          words.addAll(dictionaryWords.apply(docs));
        }
      }

      Streamed build() {
        return new Streamed(entries, skipped, new IndexRun.Content(articles, paragraphs, persons.size(), chars),
            words, Duration.ofNanos(cpuNanos));
      }
    }
  }

  private Map<String, Object> meta(Map<String, JsonData> base, Map<String, FileEntry> files, IndexRun run) {
    Map<String, Object> meta = new LinkedHashMap<>();
    base.forEach((k, v) -> meta.put(k, v.to(Object.class)));
    Map<String, Object> fileMap = new TreeMap<>();
    files.forEach((k, v) -> fileMap.put(k, v.json()));
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
    last.put("skipped", run.skipped());
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
    synchronized (this) {
      if (workers != null) {
        workers.shutdownNow();
      }
    }
    client._transport().close();
  }

  /**
   * One manifest entry in {@code _meta.files}; {@code skipped} says why a file that is there has no
   * paragraphs (it is retried once its bytes change).
   */
  record FileEntry(String sha256, long paragraphs, String skipped) {
    Map<String, Object> json() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("sha256", sha256);
      m.put("paragraphs", paragraphs);
      if (skipped != null) {
        m.put("skipped", skipped);
      }
      return m;
    }

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
        Object skipped = v.get("skipped");
        entries.put(name, new FileEntry(String.valueOf(v.get("sha256")), ((Number) v.get("paragraphs")).longValue(),
            skipped == null ? null : String.valueOf(skipped)));
      });
      return entries;
    }
  }
}

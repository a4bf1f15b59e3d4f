package dev.newssearch.indexer.pipeline;

import dev.newssearch.indexer.dates.DateEvidence;
import dev.newssearch.indexer.dates.PageDating;
import dev.newssearch.indexer.dates.PageHeader;
import dev.newssearch.indexer.dates.StoryDates;
import dev.newssearch.core.schema.ParagraphDoc;
import dev.newssearch.indexer.chunk.Chunker;
import dev.newssearch.indexer.chunk.Fingerprint;
import dev.newssearch.indexer.enrich.Enricher;
import dev.newssearch.indexer.enrich.EntityRecognizer;
import dev.newssearch.indexer.normalize.Drop;
import dev.newssearch.indexer.normalize.Reflow;
import dev.newssearch.indexer.segment.Article;
import dev.newssearch.indexer.segment.Segmenter;
import dev.newssearch.indexer.source.DecodedFile;
import dev.newssearch.indexer.source.RawFile;
import dev.newssearch.indexer.source.TextDecoder;
import dev.newssearch.indexer.source.UndecodableFileException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The text pipeline without Elasticsearch: {@code source → normalize → segment → chunk → enrich}; this class
 * only wires the stages, each of which imports only earlier ones.
 *
 * <pre>{@code
 * Pipeline p = Pipeline.create(PipelineOptions.DEFAULTS);
 * List<FileResult> results = p.processFolder(Path.of("seeds"));
 * }</pre>
 *
 * Thread-safe for sequential use only (one pipeline per thread).
 */
public final class Pipeline {
  private static final Logger log = LoggerFactory.getLogger(Pipeline.class);
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final PipelineOptions options;
  private final Reflow reflow;
  private final PageDating dating;
  private final Segmenter segmenter;
  private final Chunker chunker;
  private final Enricher enricher;

  private Pipeline(PipelineOptions options, EntityRecognizer recognizer) {
    this.options = options;
    this.reflow = Reflow.create();
    this.dating = PageDating.create(PageHeader.loadDefault(), options.defaultYear(), options.datePattern());
    this.segmenter = Segmenter.create();
    this.chunker = new Chunker(options.maxParagraphChars());
    this.enricher = new Enricher(recognizer);
    // HanLP loads its dictionaries on first use; pay that once here rather than inside the first file's CPU time
    reflow.reflow("习近平主席在峰会上发表重要讲\n\n话，秉持人类命运共同体理念。");
    Fingerprint.normalise("發展");
  }

  public static Pipeline create(PipelineOptions options) {
    return new Pipeline(options, EntityRecognizer.loadDefault());
  }

  /** For tests and callers that bring their own recogniser. */
  public static Pipeline create(PipelineOptions options, EntityRecognizer recognizer) {
    return new Pipeline(options, recognizer);
  }

  public PipelineOptions options() {
    return options;
  }

  /** Runs one file. Never throws for a bad file: the result carries the reason. */
  public FileResult process(Path file) {
    long start = cpu();
    String name = file.getFileName().toString();
    RawFile raw;
    try {
      raw = TextDecoder.read(file);
    } catch (IOException e) {
      log.warn("cannot read {}: {}", file, e.toString());
      return new FileResult(name, null, null, List.of(), List.of(), List.of(), Conservation.NONE, Optional.of("cannot read: " + e.getMessage()), cpu() - start);
    }
    DecodedFile decoded;
    try {
      decoded = TextDecoder.decode(raw);
    } catch (UndecodableFileException e) {
      log.warn("skipping {}", e.getMessage());
      return new FileResult(name, raw.sha256(), null, List.of(), List.of(), List.of(), Conservation.NONE, Optional.of(e.getMessage()), cpu() - start);
    }
    PageDating.Dated dated;
    try {
      dated = dating.date(file, decoded.text());
    } catch (IllegalArgumentException e) {
      log.warn("skipping {}: {}", file, e.getMessage());
      return new FileResult(name, raw.sha256(), decoded.charset(), List.of(), List.of(), List.of(), Conservation.NONE,
          Optional.of(e.getMessage()), cpu() - start);
    }
    Reflow.Page page = reflow.reflow(decoded.text());
    Segmenter.Segmentation segmentation = segmenter.segment(page, dated);
    List<Article> articles = segmentation.articles();
    Integer pageYear = StoryDates.pageYear(dated.page(), articles.stream()
        .filter(a -> DateEvidence.PUBLICATION_LINE.value().equals(a.dateEvidence())).map(Article::date).toList());
    List<ParagraphDoc> docs = new ArrayList<>();
    docs.addAll(enricher.enrichAll(chunker.chunks(name, articles), name, raw.sha256(), pageYear));
    List<Drop> drops = new ArrayList<>(page.drops());
    drops.addAll(segmentation.drops());
    log.debug("{}: {} articles, {} paragraphs, {} drops ({})", name, articles.size(), docs.size(), drops.size(),
        decoded.charset());
    Conservation conservation = Conservation.of(decoded.text(), articles, drops);
    if (conservation.unaccounted() > 0) {
      log.warn("{}: {} Han characters unaccounted for ({} missing, {} extra)", name, conservation.unaccounted(),
          conservation.missing(), conservation.extra());
    }
    return new FileResult(name, raw.sha256(), decoded.charset(), articles, docs, drops, conservation,
        Optional.empty(), cpu() - start);
  }

  /**
   * Runs every regular file of a folder (not recursive, sorted by name so results and duplicate groups are
   * stable), then gives near-duplicate paragraphs across files one duplicate group.
   */
  public List<FileResult> processFolder(Path folder) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(folder)) {
      files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    }
    List<FileResult> results = new ArrayList<>();
    for (Path f : files) results.add(process(f));
    return NearDuplicates.merge(results);
  }

  private static long cpu() {
    return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
  }

}

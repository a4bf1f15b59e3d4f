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
import dev.newssearch.indexer.source.TextWindows;
import dev.newssearch.indexer.source.UndecodableFileException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
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
  private final PageHeader headers;
  private final Windowing windowing;
  private final WindowCuts cuts;

  /**
   * When a file is cut into windows: above {@code wholeBytes} bytes, into windows of about
   * {@code windowChars} characters. A file goes through the stages at about ten times its size in heap, so
   * files up to 4 MB go whole (two workers, two files each, stay well inside the indexer's 256 MB beside
   * HanLP's 80) and bigger ones in windows of a million characters (about 3 MB of Chinese in UTF-8), which
   * hold many pages: a window cut falls at a page break, a page header or a paragraph end ({@link WindowCuts}).
   */
  public record Windowing(long wholeBytes, int windowChars) {
    public static final Windowing DEFAULTS = new Windowing(4L << 20, 1 << 20);

    public Windowing {
      if (wholeBytes < 0 || windowChars < 1) {
        throw new IllegalArgumentException("windowing needs wholeBytes >= 0 and windowChars >= 1");
      }
    }
  }

  private Pipeline(PipelineOptions options, EntityRecognizer recognizer, Windowing windowing) {
    this.options = options;
    this.windowing = windowing;
    this.headers = PageHeader.loadDefault();
    this.cuts = new WindowCuts(headers);
    this.reflow = Reflow.create();
    this.dating = PageDating.create(headers, options.defaultYear(), options.datePattern());
    this.segmenter = Segmenter.create();
    this.chunker = new Chunker(options.maxParagraphChars());
    this.enricher = new Enricher(recognizer);
    // HanLP loads its dictionaries on first use; pay that once here rather than inside the first file's CPU time
    reflow.reflow("习近平主席在峰会上发表重要讲\n\n话，秉持人类命运共同体理念。");
    Fingerprint.normalise("發展");
  }

  public static Pipeline create(PipelineOptions options) {
    return new Pipeline(options, EntityRecognizer.loadDefault(), Windowing.DEFAULTS);
  }

  /** For tests and callers that bring their own recogniser. */
  public static Pipeline create(PipelineOptions options, EntityRecognizer recognizer) {
    return new Pipeline(options, recognizer, Windowing.DEFAULTS);
  }

  /** For tests and benchmarks that cut files into windows of another size. */
  public static Pipeline create(PipelineOptions options, EntityRecognizer recognizer, Windowing windowing) {
    return new Pipeline(options, recognizer, windowing);
  }

  public PipelineOptions options() {
    return options;
  }

  /**
   * Runs one file. Never throws for a bad file: the result carries the reason. A file above
   * {@link Windowing#wholeBytes} goes through the stages in windows ({@link #process(Path, Consumer)}),
   * gathered here into one result.
   */
  public FileResult process(Path file) {
    List<FileResult> parts = new ArrayList<>();
    FileResult total = process(file, parts::add);
    if (parts.size() == 1 && total.ok()) {
      return parts.get(0);
    }
    List<Article> articles = new ArrayList<>();
    List<ParagraphDoc> docs = new ArrayList<>();
    List<Drop> drops = new ArrayList<>();
    for (FileResult part : parts) {
      articles.addAll(part.articles());
      docs.addAll(part.docs());
      drops.addAll(part.drops());
    }
    return new FileResult(total.file(), total.fileHash(), total.charset(), total.ok() ? articles : List.of(),
        total.ok() ? docs : List.of(), total.ok() ? drops : List.of(), total.conservation(), total.error(),
        total.cpuNanos());
  }

  /**
   * Runs one file and hands its results to {@code parts} as they are made: the whole file as one part, or,
   * above {@link Windowing#wholeBytes}, one part per window, so a big file is never held whole (nor its
   * documents). Returns the file's total: no articles, documents or drops (they went to {@code parts}), the
   * conservation of the whole file, and the error when the file could not be read; a file refused by its
   * bytes (unreadable, binary, a wrong dates file) fails before any part is handed out.
   *
   * <p>What stays whole-file in windows: article ids (an article's occurrence is counted over the file),
   * the page's date evidence (its header lines are gathered before the first window), line numbers and
   * article positions (offset by the windows before), and conservation (summed). What each window learns
   * for itself, as a separate page would: the layout, headline assignment, an undated story's
   * {@code file_context} date, and the page year from publication lines when the page gives none.
   */
  public FileResult process(Path file, Consumer<FileResult> parts) {
    return process(file, null, parts);
  }

  /**
   * As {@link #process(Path, Consumer)} for a file whose sha256 the caller has already read (the index stage's
   * scan hashes every file to compare it with the index): the file is not hashed a second time. Null: hashed here.
   */
  public FileResult process(Path file, String sha256, Consumer<FileResult> parts) {
    long start = cpu();
    String name = file.getFileName().toString();
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      return failed(name, null, null, "cannot read: " + e.getMessage(), e, start);
    }
    if (size > windowing.wholeBytes()) {
      return processWindows(file, sha256, parts, start);
    }
    RawFile raw;
    try {
      raw = TextDecoder.read(file, sha256);
    } catch (IOException e) {
      return failed(name, null, null, "cannot read: " + e.getMessage(), e, start);
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
    FileResult one = window(name, raw.sha256(), decoded.charset(), decoded.text(), dated, new FileState(), start);
    parts.accept(one);
    return new FileResult(name, one.fileHash(), one.charset(), List.of(), List.of(), List.of(), one.conservation(),
        Optional.empty(), one.cpuNanos());
  }

  /** What windows of one file share: how many articles and lines came before, article occurrences. */
  private static final class FileState {
    final Map<String, Integer> occurrences = new HashMap<>();
    int articles;
    int lines;
  }

  private FileResult processWindows(Path file, String sha256, Consumer<FileResult> parts, long start) {
    String name = file.getFileName().toString();
    List<String> headerLines = new ArrayList<>();
    boolean[] dateSeen = {false};
    TextWindows windows;
    try {
      // the page's date is read from its header lines wherever they stand in the file, as for a whole file:
      // PageDating reads nothing else of the text, and nothing after the first header with a full date
      windows = TextWindows.open(file, sha256, line -> {
        if (dateSeen[0] || headerLines.size() >= MAX_HEADER_LINES) return;
        headers.parse(line).ifPresent(h -> {
          headerLines.add(line);
          dateSeen[0] = h.date() != null;
        });
      });
    } catch (IOException e) {
      return failed(name, null, null, "cannot read: " + e.getMessage(), e, start);
    } catch (UndecodableFileException e) {
      log.warn("skipping {}", e.getMessage());
      return failed(name, null, null, e.getMessage(), null, start);
    }
    PageDating.Dated dated;
    try {
      dated = dating.date(file, String.join("\n", headerLines));
    } catch (IllegalArgumentException e) {
      log.warn("skipping {}: {}", file, e.getMessage());
      return failed(name, windows.sha256(), windows.charset(), e.getMessage(), null, start);
    }
    FileState state = new FileState();
    Conservation[] sum = {Conservation.NONE};
    long[] cpu = {0};
    int[] count = {0};
    try {
      windows.forEach(windowing.windowChars(), cuts, w -> {
        state.lines = w.firstLine();
        FileResult part = window(name, windows.sha256(), windows.charset(), w.text(), dated, state, cpu());
        sum[0] = sum[0].plus(part.conservation());
        cpu[0] += part.cpuNanos();
        count[0]++;
        parts.accept(part);
      });
    } catch (IOException e) {
      return failed(name, windows.sha256(), windows.charset(), "cannot read: " + e.getMessage(), e, start);
    }
    log.info("{}: {} windows of about {} characters ({})", name, count[0], windowing.windowChars(), windows.charset());
    if (sum[0].unaccounted() > 0) {
      log.warn("{}: {} Han characters unaccounted for in all ({} missing, {} extra)", name, sum[0].unaccounted(),
          sum[0].missing(), sum[0].extra());
    }
    return new FileResult(name, windows.sha256(), windows.charset(), List.of(), List.of(), List.of(), sum[0],
        Optional.empty(), cpu() - start);
  }

  /** A header line per page of a file is plenty; a file of nothing but header lines must not fill the heap. */
  private static final int MAX_HEADER_LINES = 10_000;

  private static FileResult failed(String name, String hash, String charset, String why, Exception e, long start) {
    if (e != null) log.warn("cannot read {}: {}", name, e.toString());
    return new FileResult(name, hash, charset, List.of(), List.of(), List.of(), Conservation.NONE, Optional.of(why),
        cpu() - start);
  }

  /** One text (a whole file, or a window of one) through normalize, segment, chunk and enrich. */
  private FileResult window(String name, String fileHash, String charset, String text, PageDating.Dated dated,
      FileState state, long start) {
    Reflow.Page page = reflow.reflow(text);
    Segmenter.Segmentation segmentation = segmenter.segment(page, dated);
    List<Article> articles = new ArrayList<>();
    for (Article a : segmentation.articles()) articles.add(shifted(a, state.articles, state.lines));
    Integer pageYear = StoryDates.pageYear(dated.page(), articles.stream()
        .filter(a -> DateEvidence.PUBLICATION_LINE.value().equals(a.dateEvidence())).map(Article::date).toList());
    List<ParagraphDoc> docs = new ArrayList<>();
    docs.addAll(enricher.enrichAll(chunker.chunks(name, articles, state.occurrences), name, fileHash, pageYear));
    List<Drop> drops = new ArrayList<>();
    for (Drop d : page.drops()) drops.add(shifted(d, state.lines));
    for (Drop d : segmentation.drops()) drops.add(shifted(d, state.lines));
    log.debug("{}: {} articles, {} paragraphs, {} drops ({})", name, articles.size(), docs.size(), drops.size(),
        charset);
    Conservation conservation = Conservation.of(text, articles, drops);
    if (conservation.unaccounted() > 0) {
      log.warn("{}{}: {} Han characters unaccounted for ({} missing, {} extra)", name,
          state.lines == 0 ? "" : " from line " + (state.lines + 1), conservation.unaccounted(),
          conservation.missing(), conservation.extra());
    }
    state.articles += articles.size();
    return new FileResult(name, fileHash, charset, articles, docs, drops, conservation, Optional.empty(), cpu() - start);
  }

  /** An article of a window, placed in its file: its position among the file's articles and its line. */
  private static Article shifted(Article a, int articlesBefore, int linesBefore) {
    if (articlesBefore == 0 && linesBefore == 0) return a;
    return new Article(a.index() + articlesBefore, a.title(), a.kicker(), a.subtitle(), a.subheads(), a.source(),
        a.reporters(), a.contributors(), a.datelinePlace(), a.edition(), a.date(), a.dateEvidence(), a.paragraphs(),
        a.firstLine() + linesBefore, a.credits());
  }

  private static Drop shifted(Drop d, int linesBefore) {
    return linesBefore == 0 ? d : new Drop(d.line() + linesBefore, d.reason(), d.text());
  }

  /**
   * Runs every regular file of a folder (not recursive, sorted by name so results and duplicate groups are
   * stable), then gives near-duplicate paragraphs across files one duplicate group.
   */
  public List<FileResult> processFolder(Path folder) throws IOException {
    List<FileResult> results = new ArrayList<>();
    for (Path f : pageFiles(folder)) results.add(process(f));
    return NearDuplicates.merge(results);
  }

  /** The files {@link #processFolder} runs, in its order: regular, not hidden, sorted by name. */
  public static List<Path> pageFiles(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    }
  }

  private static long cpu() {
    return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
  }

}

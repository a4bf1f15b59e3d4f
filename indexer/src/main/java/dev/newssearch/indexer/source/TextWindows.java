package dev.newssearch.indexer.source;

import dev.newssearch.core.hash.Sha256;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * A file too big to hold as one text, read as consecutive windows of whole cleaned lines. The charset is
 * chosen and the file checked (empty, binary) by the same rules as {@link TextDecoder#decode} before the
 * first window is handed out, so a bad file fails before any of its documents exist; then the windows,
 * joined by a line feed, are exactly the text {@code decode} would give. Memory: one window and a read
 * buffer, whatever the file's size.
 *
 * <pre>{@code
 * TextWindows w = TextWindows.open(path, line -> {});              // reads the file: hash, charset, checks
 * w.forEach(1 << 20, (lines, breaks) -> lines.size(), window -> …);   // window.text(), window.firstLine()
 * }</pre>
 */
public final class TextWindows {
  /**
   * @param text      whole cleaned lines joined by a line feed
   * @param firstLine how many lines of the file come before it (add it to a window's 1-based line numbers)
   */
  public record Window(String text, int firstLine) {}

  /** Where to end a window that is full. */
  @FunctionalInterface
  public interface Cut {
    /**
     * @param lines  the cleaned lines read so far, more than one window's worth
     * @param from   the first line at which a cut leaves the window at least three quarters full
     * @param breaks the lines printed after a page break (a form feed, which cleaning removes)
     * @return the line to start the next window at, in {@code (from, lines.size()]}
     */
    int at(List<String> lines, int from, BitSet breaks);
  }

  private final Path path;
  private final String name;
  private final String sha256;
  private final TextDecoder.Choice choice;

  private TextWindows(Path path, String sha256, TextDecoder.Choice choice) {
    this.path = path;
    this.name = path.getFileName().toString();
    this.sha256 = sha256;
    this.choice = choice;
  }

  /**
   * Hashes the file, chooses its charset, checks it, and shows each cleaned line to {@code eachLine} (the
   * pipeline gathers the page's header lines from them before the first window is cut).
   *
   * @throws UndecodableFileException when {@link TextDecoder#decode} would refuse the file, with the same reason
   */
  public static TextWindows open(Path path, Consumer<String> eachLine) throws IOException, UndecodableFileException {
    return open(path, null, eachLine);
  }

  /** As {@link #open(Path, Consumer)}, with the file's sha256 when the caller hashed it already (null: hashed here). */
  public static TextWindows open(Path path, String sha256, Consumer<String> eachLine)
      throws IOException, UndecodableFileException {
    String name = path.getFileName().toString();
    String sha = sha256 != null ? sha256 : Sha256.hex(path);
    TextDecoder.Choice choice = TextDecoder.choose(name, TextDecoder.Bytes.of(path));
    TextWindows w = new TextWindows(path, sha, choice);
    TextDecoder.Counter counter = new TextDecoder.Counter();
    w.lines(counter, (line, pageBreak) -> eachLine.accept(line));
    TextDecoder.check(name, choice.label(), counter.stats());
    return w;
  }

  public String sha256() {
    return sha256;
  }

  public String charset() {
    return choice.label();
  }

  /**
   * Hands out the file's text in windows of about {@code windowChars} (a line counts its characters and its
   * line feed), each ended where {@code cut} says once it is full; the last window holds the rest.
   */
  public void forEach(int windowChars, Cut cut, Consumer<Window> out) throws IOException {
    List<String> lines = new ArrayList<>();
    BitSet breaks = new BitSet();
    long[] size = {0};
    int[] before = {0};
    lines(null, (line, pageBreak) -> {
      if (pageBreak) breaks.set(lines.size());
      lines.add(line);
      size[0] += line.length() + 1;
      if (size[0] > windowChars) {
        int from = 0;
        for (long sum = 0; from < lines.size() && sum < windowChars * 3L / 4; from++) {
          sum += lines.get(from).length() + 1;
        }
        int at = Math.max(1, Math.min(lines.size(), cut.at(lines, Math.max(1, from), breaks)));
        out.accept(new Window(String.join("\n", lines.subList(0, at)), before[0]));
        before[0] += at;
        List<String> rest = new ArrayList<>(lines.subList(at, lines.size()));
        BitSet restBreaks = breaks.get(at, Math.max(at, breaks.length()));
        lines.clear();
        lines.addAll(rest);
        breaks.clear();
        breaks.or(restBreaks);
        size[0] = rest.stream().mapToLong(l -> l.length() + 1).sum();
      }
    });
    out.accept(new Window(String.join("\n", lines), before[0]));
  }

  @FunctionalInterface
  private interface LineSink {
    void line(String cleaned, boolean pageBreak) throws IOException;
  }

  /**
   * The file's lines, cleaned as {@link TextCleaner#clean} cleans the whole text: CR LF, CR and LF all end
   * a line; the last line is given even when empty (a file ending in a line feed ends on an empty line).
   */
  private void lines(TextDecoder.Counter counter, LineSink sink) throws IOException {
    try (Reader r = TextDecoder.reader(TextDecoder.Bytes.of(path), choice.skip(), choice.charset())) {
      char[] buf = new char[1 << 16];
      StringBuilder line = new StringBuilder();
      boolean afterCr = false;
      boolean formFeed = false;
      for (int n; (n = r.read(buf)) >= 0; ) {
        if (counter != null) counter.add(java.nio.CharBuffer.wrap(buf, 0, n));
        for (int i = 0; i < n; i++) {
          char c = buf[i];
          if (afterCr && c == '\n') {
            afterCr = false;
            continue;
          }
          afterCr = c == '\r';
          if (c == '\n' || c == '\r') {
            sink.line(TextCleaner.cleanLine(line.toString()), formFeed);
            line.setLength(0);
            formFeed = false;
          } else {
            formFeed |= c == '\f';
            line.append(c);
          }
        }
      }
      sink.line(TextCleaner.cleanLine(line.toString()), formFeed);
    }
  }

  @Override
  public String toString() {
    return name + " (" + choice.label() + ")";
  }
}

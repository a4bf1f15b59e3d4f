package dev.newssearch.indexer.source;

import dev.newssearch.core.hash.Sha256;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * The source stage: bytes to clean text. Order of evidence: a BOM, then strict UTF-8 (it almost never
 * decodes non-UTF-8 Chinese by accident), then juniversalchardet's guess, then GB18030 (a superset of
 * GBK/GB2312, the usual encoding of mainland archives). Every decode is strict, so a wrong guess fails
 * instead of producing mojibake.
 */
public final class TextDecoder {
  private static final Charset GB18030 = Charset.forName("GB18030");

  private TextDecoder() {}

  public static RawFile read(Path path) throws IOException {
    return read(path, null);
  }

  /** As {@link #read(Path)}, with the file's sha256 when the caller hashed it already (null: hashed here). */
  public static RawFile read(Path path, String sha256) throws IOException {
    byte[] bytes = Files.readAllBytes(path);
    return new RawFile(path.getFileName().toString(), path, bytes, sha256 != null ? sha256 : Sha256.hex(bytes));
  }

  public static DecodedFile decode(RawFile raw) throws UndecodableFileException {
    byte[] b = raw.bytes();
    Choice choice;
    try {
      choice = choose(raw.name(), Bytes.of(b));
    } catch (IOException e) {
      throw new UncheckedIOException("reading bytes in memory", e);
    }
    String text;
    try {
      text = decodeStrict(b, choice.skip(), choice.charset());
    } catch (CharacterCodingException e) {
      throw new IllegalStateException(raw.name() + " decoded as " + choice.charset() + " once, then not", e);
    }
    check(raw.name(), choice.label(), Stats.of(text));
    return new DecodedFile(raw, choice.label(), TextCleaner.clean(text));
  }

  /**
   * The charset of a file and how many bytes of BOM to skip; {@code label} is the name reported in
   * {@code FileResult.charset}. Reads the bytes as often as the evidence needs, never holding more than a
   * buffer of them, so a file too big to hold is judged exactly as one in memory.
   */
  record Choice(Charset charset, int skip, String label) {}

  /** The text's figures the checks need: its length, control characters, whether any character is visible. */
  record Stats(long chars, long control, boolean blank) {
    static Stats of(CharSequence text) {
      Counter c = new Counter();
      c.add(text);
      return c.stats();
    }
  }

  /** {@link Stats} gathered as the text streams by. */
  static final class Counter {
    private long chars;
    private long control;
    private boolean blank = true;

    void add(CharSequence text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') control++;
        if (blank && !Character.isWhitespace(c)) blank = false;
      }
      chars += text.length();
    }

    Stats stats() {
      return new Stats(chars, control, blank);
    }
  }

  /** An empty or binary file is refused: the same rule for a file in memory and one read in windows. */
  static void check(String name, String charset, Stats stats) throws UndecodableFileException {
    if (stats.blank()) {
      throw new UndecodableFileException(name, "no text (empty file)");
    }
    if (stats.control() > Math.max(2, stats.chars() / 200)) {
      throw new UndecodableFileException(name, "binary content: " + stats.control() + " control characters in " + charset + " text");
    }
  }

  /**
   * Bytes that can be read again from the start: a file's bytes in memory, or a file on disk too big to
   * hold. In memory, the detector gets all the bytes in one call, as it always did.
   */
  interface Bytes {
    byte[] head(int n) throws IOException;

    InputStream open(int skip) throws IOException;

    void feed(UniversalDetector detector) throws IOException;

    static Bytes of(byte[] b) {
      return new Bytes() {
        public byte[] head(int n) {
          return Arrays.copyOf(b, Math.min(n, b.length));
        }

        public InputStream open(int skip) {
          return new ByteArrayInputStream(b, skip, b.length - skip);
        }

        public void feed(UniversalDetector detector) {
          detector.handleData(b, 0, b.length);
        }
      };
    }

    static Bytes of(Path file) {
      return new Bytes() {
        public byte[] head(int n) throws IOException {
          try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
          }
        }

        public InputStream open(int skip) throws IOException {
          InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
          in.skipNBytes(skip);
          return in;
        }

        public void feed(UniversalDetector detector) throws IOException {
          try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; !detector.isDone() && (n = in.read(buf)) > 0; ) {
              detector.handleData(buf, 0, n);
            }
          }
        }
      };
    }
  }

  static Choice choose(String name, Bytes bytes) throws UndecodableFileException, IOException {
    byte[] head = bytes.head(4096);
    if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
      return strict(name, bytes, 3, StandardCharsets.UTF_8);
    } else if (startsWith(head, 0xFF, 0xFE)) {
      return strict(name, bytes, 2, StandardCharsets.UTF_16LE);
    } else if (startsWith(head, 0xFE, 0xFF)) {
      return strict(name, bytes, 2, StandardCharsets.UTF_16BE);
    }
    return guess(name, head, bytes);
  }

  private static Choice guess(String name, byte[] head, Bytes bytes) throws UndecodableFileException, IOException {
    // UTF-16 without a BOM is valid UTF-8 byte by byte (zero bytes are NUL), so it is checked first
    if (looksUtf16(head)) {
      boolean le = head.length > 1 && head[1] == 0;
      Charset cs = le ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
      if (decodes(bytes, 0, cs)) {
        return new Choice(cs, 0, cs.name());
      }
    }
    if (decodes(bytes, 0, StandardCharsets.UTF_8)) {
      return new Choice(StandardCharsets.UTF_8, 0, "UTF-8");
    }
    UniversalDetector detector = new UniversalDetector(null);
    bytes.feed(detector);
    detector.dataEnd();
    String detected = detector.getDetectedCharset();
    if (detected != null && Charset.isSupported(detected)) {
      Charset cs = Charset.forName(detected);
      // GB2312/GBK guesses are widened: GB18030 decodes everything they do and the rarer characters too.
      if (detected.startsWith("GB") || detected.equalsIgnoreCase("HZ-GB-2312")) {
        cs = GB18030;
      }
      if (decodes(bytes, 0, cs)) {
        return new Choice(cs, 0, cs.name());
      }
    }
    if (decodes(bytes, 0, GB18030)) {
      return new Choice(GB18030, 0, "GB18030");
    }
    throw new UndecodableFileException(name,
        "not valid UTF-8, UTF-16 or GB18030" + (detected == null ? "" : " (detector guessed " + detected + ")"));
  }

  /** UTF-16 without BOM: many zero bytes all at even or all at odd offsets. */
  private static boolean looksUtf16(byte[] b) {
    int even = 0;
    int odd = 0;
    for (int i = 0; i < Math.min(b.length, 4096); i++) {
      if (b[i] == 0) {
        if (i % 2 == 0) even++; else odd++;
      }
    }
    int n = Math.min(b.length, 4096) / 2;
    return n > 0 && (even > n / 4) != (odd > n / 4);
  }

  private static Choice strict(String name, Bytes bytes, int skip, Charset cs) throws UndecodableFileException, IOException {
    if (!decodes(bytes, skip, cs)) {
      throw new UndecodableFileException(name, "has a " + cs.name() + " BOM but invalid " + cs.name() + " content");
    }
    return new Choice(cs, skip, cs.name());
  }

  /** Whether every byte after {@code skip} decodes strictly, read through a buffer. */
  private static boolean decodes(Bytes bytes, int skip, Charset cs) throws IOException {
    try (Reader r = reader(bytes, skip, cs)) {
      char[] buf = new char[1 << 14];
      while (r.read(buf) >= 0) {
        // only whether it decodes
      }
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** A strict reader: a byte sequence that is not text in {@code cs} throws, never becomes U+FFFD. */
  static Reader reader(Bytes bytes, int skip, Charset cs) throws IOException {
    return new InputStreamReader(bytes.open(skip), strictDecoder(cs));
  }

  private static CharsetDecoder strictDecoder(Charset cs) {
    return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  private static String decodeStrict(byte[] b, int offset, Charset cs) throws CharacterCodingException {
    return strictDecoder(cs).decode(ByteBuffer.wrap(b, offset, b.length - offset)).toString();
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) return false;
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) return false;
    }
    return true;
  }

}

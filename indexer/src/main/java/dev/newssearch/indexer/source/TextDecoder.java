package dev.newssearch.indexer.source;

import dev.newssearch.core.hash.Sha256;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
    byte[] bytes = Files.readAllBytes(path);
    return new RawFile(path.getFileName().toString(), path, bytes, Sha256.hex(bytes));
  }

  public static DecodedFile decode(RawFile raw) throws UndecodableFileException {
    byte[] b = raw.bytes();
    String charset;
    String text;
    if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
      charset = "UTF-8";
      text = strict(raw, b, 3, StandardCharsets.UTF_8);
    } else if (startsWith(b, 0xFF, 0xFE)) {
      charset = "UTF-16LE";
      text = strict(raw, b, 2, StandardCharsets.UTF_16LE);
    } else if (startsWith(b, 0xFE, 0xFF)) {
      charset = "UTF-16BE";
      text = strict(raw, b, 2, StandardCharsets.UTF_16BE);
    } else {
      Attempt a = guess(raw, b);
      charset = a.charset;
      text = a.text;
    }
    if (text.isBlank()) {
      throw new UndecodableFileException(raw.name(), "no text (empty file)");
    }
    long control = text.chars().filter(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f').count();
    if (control > Math.max(2, text.length() / 200)) {
      throw new UndecodableFileException(raw.name(), "binary content: " + control + " control characters in " + charset + " text");
    }
    return new DecodedFile(raw, charset, TextCleaner.clean(text));
  }

  private record Attempt(String charset, String text) {}

  private static Attempt guess(RawFile raw, byte[] b) throws UndecodableFileException {
    // UTF-16 without a BOM is valid UTF-8 byte by byte (zero bytes are NUL), so it is checked first
    if (looksUtf16(b)) {
      boolean le = b.length > 1 && b[1] == 0;
      Charset cs = le ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
      try {
        return new Attempt(cs.name(), decodeStrict(b, 0, cs));
      } catch (CharacterCodingException e) {
        // fall through
      }
    }
    try {
      return new Attempt("UTF-8", decodeStrict(b, 0, StandardCharsets.UTF_8));
    } catch (CharacterCodingException notUtf8) {
      // fall through to detection
    }
    UniversalDetector detector = new UniversalDetector(null);
    detector.handleData(b, 0, b.length);
    detector.dataEnd();
    String detected = detector.getDetectedCharset();
    if (detected != null && Charset.isSupported(detected)) {
      Charset cs = Charset.forName(detected);
      // GB2312/GBK guesses are widened: GB18030 decodes everything they do and the rarer characters too.
      if (detected.startsWith("GB") || detected.equalsIgnoreCase("HZ-GB-2312")) {
        cs = GB18030;
      }
      try {
        return new Attempt(cs.name(), decodeStrict(b, 0, cs));
      } catch (CharacterCodingException e) {
        // fall through
      }
    }
    try {
      return new Attempt("GB18030", decodeStrict(b, 0, GB18030));
    } catch (CharacterCodingException e) {
      throw new UndecodableFileException(raw.name(),
          "not valid UTF-8, UTF-16 or GB18030" + (detected == null ? "" : " (detector guessed " + detected + ")"));
    }
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

  private static String strict(RawFile raw, byte[] b, int offset, Charset cs) throws UndecodableFileException {
    try {
      return decodeStrict(b, offset, cs);
    } catch (CharacterCodingException e) {
      throw new UndecodableFileException(raw.name(), "has a " + cs.name() + " BOM but invalid " + cs.name() + " content");
    }
  }

  private static String decodeStrict(byte[] b, int offset, Charset cs) throws CharacterCodingException {
    return cs.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(b, offset, b.length - offset))
        .toString();
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) return false;
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) return false;
    }
    return true;
  }

}

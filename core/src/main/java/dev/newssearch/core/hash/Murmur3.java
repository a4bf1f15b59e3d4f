package dev.newssearch.core.hash;

import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * The keys of paragraphs: document and article ids, content hashes, duplicate groups. They name text, they
 * do not guard it, so a 128-bit MurmurHash3 (commons-codec) serves: accidental collisions are as unlikely
 * as with sha256 at the lengths kept (16 to 32 hex digits), and it costs a tenth of sha256 on the
 * indexer's C1-compiled code, which has no sha256 intrinsic (sha256 was 18 % of the pipeline's CPU).
 * Files keep {@link Sha256}: they are hashed as a stream, in blocks, whatever their size.
 */
public final class Murmur3 {
  private Murmur3() {}

  /** 32 lower-case hex digits of the x64 128-bit MurmurHash3 (seed 0) of the UTF-8 bytes of {@code text}. */
  public static String hex(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    long[] h = MurmurHash3.hash128x64(bytes, 0, bytes.length, 0);
    char[] out = new char[32];
    write(h[0], out, 0);
    write(h[1], out, 16);
    return new String(out);
  }

  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private static void write(long v, char[] out, int at) {
    for (int i = 15; i >= 0; i--) {
      out[at + i] = DIGITS[(int) (v & 0xF)];
      v >>>= 4;
    }
  }
}

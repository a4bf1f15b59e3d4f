package dev.newssearch.indexer.source;

/**
 * A file decoded to text. {@code text} has LF line ends, no BOM, no NBSP/tab-only lines, ASCII digits and
 * Latin letters instead of their full-width forms; Chinese punctuation and characters are kept as printed.
 */
public record DecodedFile(RawFile raw, String charset, String text) {
  public String name() {
    return raw.name();
  }

  public String sha256() {
    return raw.sha256();
  }
}

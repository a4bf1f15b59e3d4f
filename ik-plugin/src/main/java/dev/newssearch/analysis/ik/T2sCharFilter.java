package dev.newssearch.analysis.ik;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import org.apache.lucene.analysis.CharFilter;

/**
 * The {@code news_t2s} char filter: the text with each traditional character replaced by its
 * simplified pair from a {@link T2sMapping}.
 *
 * <p>Lucene's {@code MappingCharFilter} gave the same text, one character and one hash lookup per
 * {@code read()}, for each of the five analyzers that read a paragraph; this one reads the text
 * once and replaces characters from a table. Every pair is one character for one of the same UTF-16
 * length, so offsets need no correction.
 */
final class T2sCharFilter extends CharFilter {

  private final T2sMapping mapping;
  private char[] text;
  private int length;
  private int position;

  T2sCharFilter(T2sMapping mapping, Reader input) {
    super(input);
    this.mapping = mapping;
  }

  @Override
  protected int correct(int currentOff) {
    return currentOff;
  }

  @Override
  public int read(char[] buffer, int offset, int count) throws IOException {
    if (text == null) {
      load();
    }
    if (count == 0) {
      return 0;
    }
    if (position >= length) {
      return -1;
    }
    int n = Math.min(count, length - position);
    System.arraycopy(text, position, buffer, offset, n);
    position += n;
    return n;
  }

  @Override
  public int read() throws IOException {
    if (text == null) {
      load();
    }
    return position < length ? text[position++] : -1;
  }

  @Override
  public void reset() throws IOException {
    input.reset();
    text = null;
    length = 0;
    position = 0;
  }

  private void load() throws IOException {
    char[] read = new char[1024];
    int n = 0;
    for (int got = input.read(read, 0, read.length); got >= 0; got = input.read(read, n, read.length - n)) {
      n += got;
      if (n == read.length) {
        read = Arrays.copyOf(read, read.length * 2);
      }
    }
    mapping.apply(read, n);
    text = read;
    length = n;
  }
}

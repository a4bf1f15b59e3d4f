package dev.newssearch.analysis.ik;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * A custom analyzer of the index's schema run outside the node, from the component types the schema
 * names: the search API marks exact occurrences in a hit's text itself, with the very analysis the node
 * gave that text's {@code chars} field, instead of asking the node to analyse every hit again.
 *
 * <p>Only components whose output is fixed by this code and the files it ships are offered:
 * {@code news_t2s} with the plugin's own {@code t2s.txt}, the {@code standard} tokenizer and the
 * {@code lowercase} filter (both Lucene's own, as on the node). Any other type is refused when the
 * analyzer is built, so a schema whose analyzer changes cannot leave a stale copy running.
 */
public final class InProcessAnalyzer extends Analyzer {
  /** The pair file the plugin installs as {@code analysis-ik/t2s.txt}, on the classpath under the same name. */
  static final String T2S_RESOURCE = "analysis-ik/t2s.txt";

  private final T2sMapping t2s;
  private final List<String> charFilters;
  private final String tokenizer;
  private final List<String> filters;

  private InProcessAnalyzer(T2sMapping t2s, List<String> charFilters, String tokenizer, List<String> filters) {
    this.t2s = t2s;
    this.charFilters = List.copyOf(charFilters);
    this.tokenizer = tokenizer;
    this.filters = List.copyOf(filters);
  }

  /**
   * The analyzer made of these component types, in the schema's order.
   *
   * @throws IllegalArgumentException naming the first type that has no in-process form
   */
  public static InProcessAnalyzer of(List<String> charFilterTypes, String tokenizerType, List<String> filterTypes) {
    for (String type : charFilterTypes) {
      if (!type.equals("news_t2s")) {
        throw unsupported("char filter", type);
      }
    }
    if (!tokenizerType.equals("standard")) {
      throw unsupported("tokenizer", tokenizerType);
    }
    for (String type : filterTypes) {
      if (!type.equals("lowercase")) {
        throw unsupported("token filter", type);
      }
    }
    T2sMapping t2s = charFilterTypes.isEmpty() ? null : Shipped.T2S;
    return new InProcessAnalyzer(t2s, charFilterTypes, tokenizerType, filterTypes);
  }

  private static IllegalArgumentException unsupported(String kind, String type) {
    return new IllegalArgumentException("no in-process form of the " + kind + " [" + type
        + "]: only news_t2s, the standard tokenizer and lowercase have one; mark this field on the node instead");
  }

  /** The shipped pairs, read and tabled once however many analyzers use them (128 KB each). */
  private static final class Shipped {
    static final T2sMapping T2S = read();
  }

  private static T2sMapping read() {
    try (InputStream in = InProcessAnalyzer.class.getClassLoader().getResourceAsStream(T2S_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(T2S_RESOURCE + " is missing from the classpath (it ships in the analysis-ik jar)");
      }
      return T2sMapping.parse(in.readAllBytes(), T2S_RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + T2S_RESOURCE, e);
    }
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    Reader out = reader;
    for (int i = 0; i < charFilters.size(); i++) {
      out = new T2sCharFilter(t2s, out);
    }
    return out;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    TokenStream stream = source;
    for (int i = 0; i < filters.size(); i++) {
      stream = new LowerCaseFilter(stream);
    }
    return new TokenStreamComponents(source, stream);
  }

  @Override
  public String toString() {
    return "InProcessAnalyzer" + charFilters + "/" + tokenizer + "/" + filters;
  }
}

package dev.newssearch.api.search;

import dev.newssearch.analysis.ik.InProcessAnalyzer;
import dev.newssearch.core.schema.IndexSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The exact highlight of a hit, made in the API from the hit's text: what Elasticsearch's unified
 * highlighter returns for {@code match_phrase} queries (slop 0) on a field of one-token-per-character
 * analysis such as {@code text.chars}, with {@code number_of_fragments: 0}, {@code no_match_size} beyond
 * the text and the HTML encoder. Each place where a phrase's tokens stand in a row is marked from its first
 * token's start to its last token's end, the characters between included (so 疫情，防控 is one mark for
 * 疫情防控, as on the node).
 *
 * <p>The analysis is the field's own: the schema names its components and {@link InProcessAnalyzer} builds
 * the same ones (refusing any it cannot), so a hit is marked where the node found it. The node is spared
 * analysing every hit of every search a second time, the largest part of the search's cost beyond the plain
 * request's; {@code ExactMatchIT} compares these marks with the node's highlighter on the index's paragraphs.
 */
public final class ExactMarks {
  private static final String OPEN = "<em>";
  private static final String CLOSE = "</em>";

  private final Analyzer analyzer;

  private ExactMarks(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** The marks of a field of the schema, analysed as the node analyses it. */
  public static ExactMarks of(IndexSchema schema, String field) {
    IndexSchema.AnalyzerChain index = schema.analyzerOf(field, false);
    if (!index.equals(schema.analyzerOf(field, true))) {
      throw new IllegalArgumentException(field + " is searched with another analyzer than it is indexed with: mark it on the node instead");
    }
    if (!index.withSettings().isEmpty()) {
      throw new IllegalArgumentException(field + "'s analysis has components with settings of their own "
          + index.withSettings() + ": they have no in-process form; mark this field on the node instead");
    }
    return new ExactMarks(InProcessAnalyzer.of(index.charFilters(), index.tokenizer(), index.filters()));
  }

  /** The tokens of each phrase, as the node's {@code match_phrase} analyses it; phrases without tokens dropped. */
  public Phrases phrases(Collection<String> phrases) {
    CharArrayMap<Integer> ids = new CharArrayMap<>(16, false);
    List<int[]> out = new ArrayList<>();
    for (String p : phrases) {
      List<String> terms = new ArrayList<>();
      try (TokenStream ts = analyzer.tokenStream("", p)) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
          terms.add(term.toString());
        }
        ts.end();
      } catch (IOException e) {
        throw new UncheckedIOException("analysing a string cannot fail", e);
      }
      int[] seq = new int[terms.size()];
      for (int i = 0; i < seq.length; i++) {
        Integer id = ids.get(terms.get(i));
        if (id == null) {
          id = ids.size();
          ids.put(terms.get(i), id);
        }
        seq[i] = id;
      }
      if (seq.length > 0 && out.stream().noneMatch(known -> Arrays.equals(known, seq))) {
        out.add(seq);
      }
    }
    return new Phrases(ids, List.copyOf(out));
  }

  /** Phrases to mark, each a sequence of term ids, with the ids of their terms. */
  public record Phrases(CharArrayMap<Integer> ids, List<int[]> sequences) {
    public boolean isEmpty() {
      return sequences.isEmpty();
    }
  }

  /**
   * {@code text} HTML-encoded as the node's highlighter encodes it, each occurrence of a phrase marked; the
   * text without marks when none occurs. Null for a null text (the node returns no highlight of a missing field).
   */
  public String html(String text, Phrases phrases) {
    if (text == null) {
      return null;
    }
    boolean[] marked = new boolean[text.length()];
    boolean any = false;
    if (!phrases.isEmpty() && !text.isEmpty()) {
      Tokens t = tokens(text, phrases.ids());
      for (int[] phrase : phrases.sequences()) {
        for (int i = 0; i + phrase.length <= t.count; i++) {
          if (matchesAt(t, phrase, i)) {
            Arrays.fill(marked, t.start[i], t.end[i + phrase.length - 1], true);
            any = true;
          }
        }
      }
    }
    StringBuilder sb = new StringBuilder(text.length() + (any ? 32 : 16));
    boolean open = false;
    for (int i = 0; i < text.length(); i++) {
      if (marked[i] != open) {
        sb.append(marked[i] ? OPEN : CLOSE);
        open = marked[i];
      }
      encode(text.charAt(i), sb);
    }
    if (open) {
      sb.append(CLOSE);
    }
    return sb.toString();
  }

  private static boolean matchesAt(Tokens t, int[] phrase, int i) {
    for (int j = 0; j < phrase.length; j++) {
      if (t.id[i + j] != phrase[j] || t.position[i + j] != t.position[i] + j) {
        return false;
      }
    }
    return true;
  }

  /** Lucene's {@code SimpleHTMLEncoder}, which the node's {@code html} encoder is. */
  static void encode(char c, StringBuilder sb) {
    switch (c) {
      case '"' -> sb.append("&quot;");
      case '&' -> sb.append("&amp;");
      case '<' -> sb.append("&lt;");
      case '>' -> sb.append("&gt;");
      case '\'' -> sb.append("&#x27;");
      case '/' -> sb.append("&#x2F;");
      default -> sb.append(c);
    }
  }

  /** A text's tokens as the ids of the phrases' terms ({@code -1} for any other term), offsets and positions. */
  private static final class Tokens {
    int count;
    int[] id = new int[64];
    int[] start = new int[64];
    int[] end = new int[64];
    int[] position = new int[64];

    void add(int term, int from, int to, int pos) {
      if (count == id.length) {
        int n = count * 2;
        id = Arrays.copyOf(id, n);
        start = Arrays.copyOf(start, n);
        end = Arrays.copyOf(end, n);
        position = Arrays.copyOf(position, n);
      }
      id[count] = term;
      start[count] = from;
      end[count] = to;
      position[count] = pos;
      count++;
    }
  }

  private Tokens tokens(String text, CharArrayMap<Integer> ids) {
    Tokens out = new Tokens();
    try (TokenStream ts = analyzer.tokenStream("", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int pos = -1;
      while (ts.incrementToken()) {
        pos += increment.getPositionIncrement();
        Integer id = ids.get(term.buffer(), 0, term.length());
        out.add(id == null ? -1 : id, offset.startOffset(), offset.endOffset(), pos);
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing a string cannot fail", e);
    }
    return out;
  }
}

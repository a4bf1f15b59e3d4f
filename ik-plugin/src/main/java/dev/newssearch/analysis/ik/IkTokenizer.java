package dev.newssearch.analysis.ik;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Set;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.wltea.analyzer.core.IKSegmenter;
import org.wltea.analyzer.core.Lexeme;

/**
 * A Lucene tokenizer over IK's segmenter.
 *
 * <p>Differs from IK's own {@code IKTokenizer} in three ways that matter for highlighting and
 * phrase queries: the final offset is the number of characters read (IK reports the end of the last
 * word, so trailing punctuation was lost to highlighters), stop words leave a position gap, and a
 * word that would start before the previous one is dropped instead of breaking the index ("offsets
 * must not go backwards" is an indexing error in Lucene).
 *
 * <p>Every kept word gets position increment 1, as in the official plugin, so that an index built
 * with either plugin answers the same phrase queries.
 */
public final class IkTokenizer extends Tokenizer {

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute positionIncrement =
      addAttribute(PositionIncrementAttribute.class);
  private final TypeAttribute type = addAttribute(TypeAttribute.class);

  private final IkMode mode;
  private final Set<String> stopwords;
  private IKSegmenter segmenter;
  private CountingReader counting;
  private int lastStart;
  private int trailingGap;

  /**
   * @param stopwords lower-case words to drop, usually {@link IkDictionaries#stopwords()}
   */
  public IkTokenizer(IkMode mode, Set<String> stopwords) {
    this.mode = mode;
    this.stopwords = Set.copyOf(stopwords);
    // IK's segmenter would otherwise initialise the dictionary with its default configuration,
    // which includes the bundled stop words
    IkDictionaries.shared().ensureInitialised();
  }

  @Override
  public boolean incrementToken() throws IOException {
    clearAttributes();
    int gap = 0;
    for (Lexeme lexeme = segmenter.next(); lexeme != null; lexeme = segmenter.next()) {
      String text = lexeme.getLexemeText();
      int start = lexeme.getBeginPosition();
      if (stopwords.contains(text) || start < lastStart) {
        gap++;
        continue;
      }
      lastStart = start;
      term.append(text);
      offset.setOffset(correctOffset(start), correctOffset(lexeme.getEndPosition()));
      positionIncrement.setPositionIncrement(1 + gap);
      type.setType(lexeme.getLexemeTypeString());
      return true;
    }
    trailingGap = gap;
    return false;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    counting = new CountingReader(input);
    lastStart = 0;
    trailingGap = 0;
    if (segmenter == null) {
      segmenter = new IKSegmenter(counting, mode);
    } else {
      segmenter.reset(counting);
    }
  }

  @Override
  public void end() throws IOException {
    super.end();
    int finalOffset = correctOffset(counting == null ? 0 : counting.count);
    offset.setOffset(finalOffset, finalOffset);
    positionIncrement.setPositionIncrement(trailingGap);
  }

  /** Counts characters read, because IK does not say where the input ended. */
  private static final class CountingReader extends FilterReader {
    private int count;

    CountingReader(Reader in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (c >= 0) {
        count++;
      }
      return c;
    }

    @Override
    public int read(char[] buffer, int off, int len) throws IOException {
      int n = super.read(buffer, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}

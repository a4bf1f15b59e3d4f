package dev.newssearch.analysis.ik;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
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
  private final StringBuilder read = new StringBuilder();
  private final char[] chunk = new char[4096];
  private IKSegmenter segmenter;
  private IkReplay.Word[] words = new IkReplay.Word[0];
  private int next;
  private int trailingGap;
  private int length;

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
  public boolean incrementToken() {
    clearAttributes();
    if (next >= words.length) {
      return false;
    }
    IkReplay.Word word = words[next++];
    term.append(word.text());
    offset.setOffset(correctOffset(word.start()), correctOffset(word.end()));
    positionIncrement.setPositionIncrement(word.positionIncrement());
    type.setType(word.type());
    return true;
  }

  /**
   * Reads the whole text (a paragraph; IK itself reads in 4 KB blocks from the same reader) and
   * takes its words from this thread's {@link IkReplay} or from IK.
   */
  @Override
  public void reset() throws IOException {
    super.reset();
    read.setLength(0);
    for (int n = input.read(chunk); n >= 0; n = input.read(chunk)) {
      read.append(chunk, 0, n);
    }
    String text = read.toString();
    length = text.length();
    long generation = IkDictionaries.shared().generation();
    IkReplay replay = IkReplay.ofThisThread();
    IkReplay.Segmentation segmentation = replay.find(mode, stopwords, generation, text);
    if (segmentation == null) {
      segmentation = segment(text);
      replay.keep(mode, stopwords, generation, text, segmentation);
    }
    words = segmentation.words();
    trailingGap = segmentation.trailingGap();
    next = 0;
  }

  private IkReplay.Segmentation segment(String text) throws IOException {
    Reader reader = new StringReader(text);
    if (segmenter == null) {
      segmenter = new IKSegmenter(reader, mode);
    } else {
      segmenter.reset(reader);
    }
    List<IkReplay.Word> out = new ArrayList<>();
    int gap = 0;
    int lastStart = 0;
    for (Lexeme lexeme = segmenter.next(); lexeme != null; lexeme = segmenter.next()) {
      String word = lexeme.getLexemeText();
      int start = lexeme.getBeginPosition();
      if (stopwords.contains(word) || start < lastStart) {
        gap++;
        continue;
      }
      lastStart = start;
      out.add(new IkReplay.Word(word, start, lexeme.getEndPosition(), 1 + gap, lexeme.getLexemeTypeString()));
      gap = 0;
    }
    return new IkReplay.Segmentation(out.toArray(IkReplay.Word[]::new), gap);
  }

  @Override
  public void end() throws IOException {
    super.end();
    int finalOffset = correctOffset(length);
    offset.setOffset(finalOffset, finalOffset);
    positionIncrement.setPositionIncrement(trailingGap);
  }

  @Override
  public void close() throws IOException {
    super.close();
    words = new IkReplay.Word[0];
    length = 0;
    trailingGap = 0;
    if (read.capacity() > IkReplay.MAX_KEPT_CHARS) {
      // one huge text (an _analyze request) need not stay with the thread
      read.setLength(0);
      read.trimToSize();
      segmenter = null;
    }
  }
}

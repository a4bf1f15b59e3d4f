package dev.newssearch.analysis.ik;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * Adds pinyin forms of each token at its position (see {@link NewsPinyinFilterFactory}). The original
 * token comes first with its own attributes; the added ones copy its offsets, so a highlight of a
 * pinyin match marks the characters it came from.
 */
final class PinyinTokenFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
  private final boolean initials;
  private final boolean keyed;
  private final int minLength;
  private String[] pending = new String[0];
  private int next;
  private AttributeSource.State state;

  PinyinTokenFilter(TokenStream input, boolean initials, boolean keyed) {
    this(input, initials, keyed, 1);
  }

  PinyinTokenFilter(TokenStream input, boolean initials, boolean keyed, int minLength) {
    super(input);
    this.initials = initials;
    this.keyed = keyed;
    this.minLength = minLength;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (next < pending.length) {
      restoreState(state);
      term.setEmpty().append(pending[next++]);
      posInc.setPositionIncrement(0);
      return true;
    }
    int skipped = 0;
    while (true) {
      if (!input.incrementToken()) {
        return false;
      }
      if (Character.codePointCount(term, 0, term.length()) >= minLength) {
        break;
      }
      skipped += posInc.getPositionIncrement(); // a dropped token leaves its position, as StopFilter does
    }
    if (skipped > 0) {
      posInc.setPositionIncrement(posInc.getPositionIncrement() + skipped);
    }
    pending = Pinyin.forms(term.toString(), initials, keyed);
    next = 0;
    if (pending.length > 0) {
      state = captureState();
    }
    return true;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    pending = new String[0];
    next = 0;
    state = null;
  }
}

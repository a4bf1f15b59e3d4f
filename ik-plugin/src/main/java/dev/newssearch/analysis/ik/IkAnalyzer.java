package dev.newssearch.analysis.ik;

import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/** IK tokenizer alone, as the official plugin's {@code ik_max_word} / {@code ik_smart} analyzers. */
public final class IkAnalyzer extends Analyzer {

  private final IkMode mode;
  private final Set<String> stopwords;

  public IkAnalyzer(IkMode mode, Set<String> stopwords) {
    this.mode = mode;
    this.stopwords = Set.copyOf(stopwords);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    return new TokenStreamComponents(new IkTokenizer(mode, stopwords));
  }
}

package dev.newssearch.analysis.ik;

import java.util.Set;
import org.apache.lucene.analysis.Tokenizer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

/** Tokenizer {@code ik_max_word}. */
@NamedComponent("ik_max_word")
public final class IkMaxWordTokenizerFactory implements TokenizerFactory {

  private final Set<String> stopwords = IkFactories.refreshedStopwords();

  @Override
  public Tokenizer create() {
    return new IkTokenizer(IkMode.MAX_WORD, stopwords);
  }
}

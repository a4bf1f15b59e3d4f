package dev.newssearch.analysis.ik;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

/**
 * Tokenizer {@code news_keyword}: the whole value as one token (a person's or place's name, for
 * {@code news_pinyin}). Lucene's {@link KeywordTokenizer}; ours for the reason given at
 * {@link NewsBigramFilterFactory}.
 */
@NamedComponent("news_keyword")
public final class NewsKeywordTokenizerFactory implements TokenizerFactory {

  @Override
  public Tokenizer create() {
    return new KeywordTokenizer();
  }
}

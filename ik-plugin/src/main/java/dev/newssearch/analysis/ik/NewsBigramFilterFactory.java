package dev.newssearch.analysis.ik;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * Token filter {@code news_bigram}: Lucene's {@link CJKBigramFilter} after the {@code standard}
 * tokenizer, Han characters as overlapping pairs (a lone one stays a unigram; punctuation breaks
 * pairs). Ours because the minimal distribution the project runs has no analysis-common module
 * (whose {@code cjk_bigram} is the same filter); on a full distribution both work.
 */
@NamedComponent("news_bigram")
public final class NewsBigramFilterFactory implements TokenFilterFactory {

  @Override
  public TokenStream create(TokenStream input) {
    return new CJKBigramFilter(input);
  }
}

package dev.newssearch.analysis.ik;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * Token filter {@code news_pinyin}: keeps each token and adds, at the same position, its full pinyin
 * without tones ({@code 脱贫} → {@code tuopin}) and, when asked, its initials ({@code 习近平} →
 * {@code xjp}) and the keyed forms {@code pinyin|word}. Tokens without Han characters pass unchanged.
 *
 * <pre>
 * "filter": {"name_pinyin": {"type": "news_pinyin", "initials": true, "keyed": true, "min_length": 2}}
 * </pre>
 */
@NamedComponent("news_pinyin")
public final class NewsPinyinFilterFactory implements TokenFilterFactory {

  private final boolean initials;
  private final boolean keyed;
  private final int minLength;

  @Inject
  public NewsPinyinFilterFactory(NewsPinyinSettings settings) {
    this.initials = settings.initials();
    this.keyed = settings.keyed();
    this.minLength = settings.minLength();
  }

  @Override
  public TokenStream create(TokenStream input) {
    return new PinyinTokenFilter(input, initials, keyed, minLength);
  }
}

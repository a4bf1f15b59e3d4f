package dev.newssearch.analysis.ik;

import java.io.Reader;
import java.nio.file.Path;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.CharFilterFactory;

/**
 * Char filter {@code news_t2s}: traditional characters read as simplified ones, so a paragraph
 * printed as 脫貧攻堅 is indexed as 脱贫攻坚 and matches the simplified queries the search API sends.
 *
 * <pre>
 * "char_filter": {"news_t2s": {"type": "news_t2s"}}
 * </pre>
 *
 * <p>Pairs are one character for one ({@link T2sMapping} refuses others), so offsets stay those of the
 * text as printed and highlights mark it.
 */
@NamedComponent("news_t2s")
public final class NewsT2sCharFilterFactory implements CharFilterFactory {

  private final T2sMapping map;

  @Inject
  public NewsT2sCharFilterFactory(NewsT2sSettings settings) {
    this.map = T2sMapping.load(PluginPaths.pluginConfigDir().map(Path::getParent), settings.mappingPath());
  }

  @Override
  public Reader create(Reader reader) {
    return new T2sCharFilter(map, reader);
  }

  @Override
  public Reader normalize(Reader reader) {
    // keyword-style normalization (term, prefix, wildcard queries) must see the same characters
    return create(reader);
  }
}

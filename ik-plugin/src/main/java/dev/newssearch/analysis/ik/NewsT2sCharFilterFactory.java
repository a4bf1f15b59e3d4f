package dev.newssearch.analysis.ik;

import java.io.Reader;
import java.nio.file.Path;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
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
 * <p>Lucene's {@link MappingCharFilter} corrects offsets back to the original text, and the shipped
 * pairs are one character for one character anyway, so highlights mark the text as printed.
 */
@NamedComponent("news_t2s")
public final class NewsT2sCharFilterFactory implements CharFilterFactory {

  private final NormalizeCharMap map;

  @Inject
  public NewsT2sCharFilterFactory(NewsT2sSettings settings) {
    this.map = T2sMapping.load(PluginPaths.pluginConfigDir().map(Path::getParent), settings.mappingPath());
  }

  @Override
  public Reader create(Reader reader) {
    return new MappingCharFilter(map, reader);
  }

  @Override
  public Reader normalize(Reader reader) {
    // keyword-style normalization (term, prefix, wildcard queries) must see the same characters
    return create(reader);
  }
}

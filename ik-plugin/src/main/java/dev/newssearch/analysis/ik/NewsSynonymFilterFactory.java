package dev.newssearch.analysis.ik;

import java.nio.file.Path;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * Token filter {@code news_synonym}: Lucene's {@link SynonymGraphFilter} with Solr-format rules.
 *
 * <pre>
 * "filter": {"news_syn": {"type": "news_synonym", "synonyms_path": "analysis-ik/synonyms.txt"}}
 * </pre>
 *
 * <p>Meant for search analyzers: a graph filter at index time flattens multi-word synonyms.
 */
@NamedComponent("news_synonym")
public final class NewsSynonymFilterFactory implements TokenFilterFactory {

  private final SynonymMap synonyms;

  @Inject
  public NewsSynonymFilterFactory(NewsSynonymSettings settings) {
    IkFactories.refreshedStopwords();
    SynonymRules rules = SynonymRules.load(
        PluginPaths.pluginConfigDir().map(Path::getParent), settings.synonymsPath(), settings.synonyms());
    IkDictionaries.shared().addWords(rules.words());
    this.synonyms = rules.toMap(settings.expand());
  }

  @Override
  public TokenStream create(TokenStream input) {
    // an empty map would make SynonymGraphFilter throw; no rules simply means no change
    return synonyms.fst == null ? input : new SynonymGraphFilter(input, synonyms, true);
  }
}

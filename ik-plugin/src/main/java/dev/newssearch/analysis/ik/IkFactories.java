package dev.newssearch.analysis.ik;

import java.util.Set;

/** What every IK factory does when Elasticsearch creates it: pick up dictionary changes. */
final class IkFactories {

  private IkFactories() {}

  /**
   * Re-reads changed files under {@code $ES_PATH_CONF/analysis-ik/} and returns the stop words
   * to use. Called from factory constructors, which Elasticsearch runs once per index creation or
   * {@code _analyze} request, so new words reach the next new index without a restart.
   */
  static Set<String> refreshedStopwords() {
    IkDictionaries dictionaries = IkDictionaries.shared();
    dictionaries.refresh(PluginPaths.pluginConfigDir());
    return dictionaries.stopwords();
  }
}

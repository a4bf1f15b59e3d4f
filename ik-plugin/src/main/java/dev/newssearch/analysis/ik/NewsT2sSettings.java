package dev.newssearch.analysis.ik;

import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.StringSetting;

/** The settings of a {@code news_t2s} char filter in an index definition. */
@AnalysisSettings
public interface NewsT2sSettings {

  /** Pair file, relative to {@code $ES_PATH_CONF}; the plugin ships {@code analysis-ik/t2s.txt}. */
  @StringSetting(path = "mapping_path", defaultValue = "analysis-ik/t2s.txt")
  String mappingPath();
}

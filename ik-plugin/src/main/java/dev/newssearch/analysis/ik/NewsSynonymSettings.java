package dev.newssearch.analysis.ik;

import java.util.List;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.ListSetting;
import org.elasticsearch.plugin.settings.StringSetting;

/** The settings of a {@code news_synonym} filter in an index definition. */
@AnalysisSettings
public interface NewsSynonymSettings {

  /** Solr-format file, relative to {@code $ES_PATH_CONF}, e.g. {@code analysis-ik/synonyms.txt}. */
  @StringSetting(path = "synonyms_path", defaultValue = "")
  String synonymsPath();

  /** Inline rules in the same format, added to those of the file. */
  @ListSetting(path = "synonyms")
  List<String> synonyms();

  /** {@code a, b} means a⇔b when true, a⇒a and b⇒a when false (Solr's meaning). */
  @BooleanSetting(path = "expand", defaultValue = true)
  boolean expand();
}

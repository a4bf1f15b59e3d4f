package dev.newssearch.analysis.ik;

import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.IntSetting;

/** The settings of a {@code news_pinyin} token filter in an index definition. */
@AnalysisSettings
public interface NewsPinyinSettings {

  /** Also emit the initials ({@code xjp} for 习近平): for names, where people type them. */
  @BooleanSetting(path = "initials", defaultValue = false)
  boolean initials();

  /** Also emit {@code pinyin|word} ({@code xjp|习近平}), so a terms aggregation can map pinyin back to the word. */
  @BooleanSetting(path = "keyed", defaultValue = false)
  boolean keyed();

  /** Tokens shorter than this many characters are dropped (one-character words are not terms to suggest). */
  @IntSetting(path = "min_length", defaultValue = 1)
  int minLength();
}

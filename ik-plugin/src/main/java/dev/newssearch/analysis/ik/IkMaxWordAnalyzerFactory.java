package dev.newssearch.analysis.ik;

import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** Analyzer {@code ik_max_word}: the tokenizer of the same name, nothing else. */
@NamedComponent("ik_max_word")
public final class IkMaxWordAnalyzerFactory implements AnalyzerFactory {

  private final Set<String> stopwords = IkFactories.refreshedStopwords();

  @Override
  public Analyzer create() {
    return new IkAnalyzer(IkMode.MAX_WORD, stopwords);
  }
}

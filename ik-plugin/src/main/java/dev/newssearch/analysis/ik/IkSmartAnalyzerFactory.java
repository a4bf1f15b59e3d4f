package dev.newssearch.analysis.ik;

import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** Analyzer {@code ik_smart}: the tokenizer of the same name, nothing else. */
@NamedComponent("ik_smart")
public final class IkSmartAnalyzerFactory implements AnalyzerFactory {

  private final Set<String> stopwords = IkFactories.refreshedStopwords();

  @Override
  public Analyzer create() {
    return new IkAnalyzer(IkMode.SMART, stopwords);
  }
}

/**
 * IK Chinese analysis for Elasticsearch, on the stable plugin API.
 *
 * <p>Shape: {@code named_components.json} maps names to small factories ({@code ik_max_word} and
 * {@code ik_smart} as tokenizers and analyzers, {@code news_synonym} as token filter); each factory
 * builds an {@link dev.newssearch.analysis.ik.IkTokenizer} or a synonym filter.
 *
 * <p>The one piece of global state is IK's own: {@code org.wltea.analyzer.dic.Dictionary} is a
 * process-wide singleton that every {@code IKSegmenter} reads. {@link
 * dev.newssearch.analysis.ik.IkDictionaries} is the only class that touches it; it adds the words
 * of {@code $ES_PATH_CONF/analysis-ik/*.dic} whenever a factory is created (that is, when an index
 * is created or {@code _analyze} is called), so a dictionary written by the indexer is used by the
 * next index without a restart. There is no background thread and no remote dictionary polling.
 *
 * <p>Indexing cost: IK is most of this plugin's CPU (about 0.4 µs per character). The schema runs
 * {@code ik_max_word} over each paragraph twice ({@code text}, then {@code text.terms}); {@link
 * dev.newssearch.analysis.ik.IkReplay} gives the second run the first one's words from a per-thread
 * memory, so IK segments each paragraph once. {@code news_t2s} runs in five analyzers per paragraph,
 * so {@link dev.newssearch.analysis.ik.T2sCharFilter} replaces characters from a table, and {@code
 * news_pinyin} keeps each word's added tokens instead of building them per token.
 */
package dev.newssearch.analysis.ik;

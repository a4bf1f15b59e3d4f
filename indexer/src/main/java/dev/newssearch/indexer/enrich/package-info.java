/**
 * The enrich stage: persons, places and organisations mentioned in a paragraph, and the words the IK
 * analyzer must learn.
 *
 * <ul>
 *   <li>{@link dev.newssearch.indexer.enrich.EntityRecognizer} — {@code loadDefault()} once per run, then
 *       {@code recognize(paragraphText)} gives {@link dev.newssearch.indexer.enrich.Entities}.</li>
 *   <li>{@link dev.newssearch.indexer.enrich.DictionaryWords} — the sorted names of a run plus the domain
 *       terms, written as {@code learned_names.dic}.</li>
 *   <li>{@link dev.newssearch.indexer.enrich.Enricher} — turns a chunk and its article into the indexed document.</li>
 *   <li>The evaluation against the hand-written labels in {@code eval/labels} sits above the pipeline, in the
 *       {@code eval} package ({@code EvaluateEntities}, the {@code evaluate} command).</li>
 * </ul>
 *
 * <p>What the recogniser knows beyond HanLP is data, in {@code src/main/resources/enrich/}, one entry a line
 * ({@code #} starts a comment): {@code known_persons.tsv} (canonical name, aliases), {@code person_titles.txt},
 * {@code speech_verbs.txt}, {@code name_followers.txt}, {@code surnames.txt}, {@code rejected_persons.txt},
 * {@code name_stop_chars.txt}, {@code places.tsv}, {@code place_suffixes.txt}, {@code rejected_places.txt},
 * {@code organizations.tsv}, {@code organization_suffixes.txt}, {@code rejected_organizations.txt} and
 * {@code domain_terms.txt}. A wrong facet value is fixed by a line in one of these files, not by code.
 */
package dev.newssearch.indexer.enrich;

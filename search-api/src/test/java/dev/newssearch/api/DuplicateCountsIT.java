package dev.newssearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newssearch.api.query.QueryParser;
import dev.newssearch.api.query.Synonyms;
import dev.newssearch.api.search.Cursor;
import dev.newssearch.api.search.Filters;
import dev.newssearch.api.search.Interval;
import dev.newssearch.api.search.QueryBuilder;
import dev.newssearch.api.search.SearchRequest;
import dev.newssearch.api.search.SearchResult;
import dev.newssearch.api.search.SearchService;
import dev.newssearch.api.search.SortOrder;
import dev.newssearch.core.schema.Fields;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A collapsed hit's {@code duplicates} comes from one aggregation over the matches, which lists a bounded
 * number of groups; past that bound the page's other groups are counted in a second request. Both paths
 * must give the count of matching paragraphs in the hit's group, as Elasticsearch counts it.
 */
class DuplicateCountsIT {
  private final ApiFixture f = ApiFixture.get();
  private final QueryParser parser = new QueryParser(Synonyms.shipped());

  private SearchService service(int duplicateBuckets) {
    return new SearchService(f.client, ApiFixture.ALIAS, new QueryBuilder(parser.synonyms()), new SimpleMeterRegistry(),
        10_000, duplicateBuckets);
  }

  private Map<String, Long> duplicatesOnFirstPage(SearchService service, String query) throws IOException {
    SearchResult r = service.search(new SearchRequest(parser.parse(query), Filters.NONE, SortOrder.RELEVANCE,
        10, 1, (Cursor) null, 10, Interval.MONTH, true));
    Map<String, Long> byId = new LinkedHashMap<>();
    r.hits().forEach(h -> byId.put(h.id(), h.duplicates()));
    return byId;
  }

  @ParameterizedTest
  @ValueSource(strings = {"脱贫攻坚", "中美关系", "会议强调"})
  void a_list_too_short_for_every_group_gives_the_same_counts_as_a_long_one(String query) throws IOException {
    Map<String, Long> listed = duplicatesOnFirstPage(service(500), query);
    Map<String, Long> overflowing = duplicatesOnFirstPage(service(1), query);

    assertThat(listed.values()).as("the seeds print some of these paragraphs twice").anyMatch(n -> n > 1);
    assertThat(overflowing).isEqualTo(listed);
  }

  @Test
  void a_paragraph_printed_on_two_pages_counts_both_and_one_printed_once_counts_itself() throws IOException {
    Map<String, Long> counts = duplicatesOnFirstPage(service(500), "两国元首同意就共同关心的问题保持沟通");
    long bothPages = f.client.count(c -> c.index(ApiFixture.ALIAS).query(q -> q.matchPhrase(
        m -> m.field(Fields.TEXT_CHARS).query("两国元首同意就共同关心的问题保持沟通")))).count();

    assertThat(counts.values().iterator().next()).isEqualTo(bothPages).isEqualTo(2);
  }
}

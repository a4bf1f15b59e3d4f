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
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * A search's counts (total, facets, histogram, duplicates) are a size-0 request of their own, sent beside
 * the hits in the same round trip: Elasticsearch keeps its answer in the shard request cache, so paging
 * through a search or sorting it another way counts from memory, with the same figures.
 */
class SearchCountsIT {
  private final ApiFixture f = ApiFixture.get();
  private final QueryParser parser = new QueryParser(Synonyms.shipped());
  private final SearchService service = new SearchService(f.client, ApiFixture.ALIAS, new QueryBuilder(parser.synonyms()),
      new SimpleMeterRegistry(), 10_000);

  private SearchResult search(String query, SortOrder sort, int page) throws IOException {
    return service.search(new SearchRequest(parser.parse(query), Filters.NONE, sort, 5, page, (Cursor) null, 10,
        Interval.MONTH, true));
  }

  private long cacheHits() throws IOException {
    return f.client.indices().stats(s -> s.index(ApiFixture.ALIAS).metric("request_cache")).all().total()
        .requestCache().hitCount();
  }

  @Test
  void the_next_page_and_another_sort_of_a_search_count_from_the_request_cache() throws IOException {
    SearchResult first = search("疫情 防控", SortOrder.RELEVANCE, 1);
    long before = cacheHits();
    SearchResult second = search("疫情 防控", SortOrder.RELEVANCE, 2);
    SearchResult byDate = search("疫情 防控", SortOrder.DATE_DESC, 1);

    assertThat(cacheHits() - before).as("both later searches found their counts in the cache").isEqualTo(2);
    assertThat(first.total()).isGreaterThan(5);
    assertThat(second.hits()).isNotEmpty().doesNotContainAnyElementsOf(first.hits());
    for (SearchResult later : new SearchResult[] {second, byDate}) {
      assertThat(later.total()).isEqualTo(first.total());
      assertThat(later.totalGroups()).isEqualTo(first.totalGroups());
      assertThat(later.facets()).isEqualTo(first.facets());
      assertThat(later.dateHistogram()).isEqualTo(first.dateHistogram());
    }
  }
}

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
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Relevance pages show at most two paragraphs of an article before the other articles' results. A page is
 * cut from a window of results twice its length; when a few articles fill that window (a long speech whose
 * every paragraph holds the word), the best paragraphs of the other articles come in a second request.
 * Either way the first pages of a short length must be the head of the long list, whose window holds every
 * match of the seeds.
 */
class DiversityIT {
  private final ApiFixture f = ApiFixture.get();
  private final QueryParser parser = new QueryParser(Synonyms.shipped());
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private final SearchService service = new SearchService(f.client, ApiFixture.ALIAS, new QueryBuilder(parser.synonyms()),
      metrics, 10_000);

  private SearchResult page(String query, int size, int page) throws IOException {
    return service.search(new SearchRequest(parser.parse(query), Filters.NONE, SortOrder.RELEVANCE, size, page,
        (Cursor) null, 10, Interval.MONTH, true));
  }

  private static List<String> ids(SearchResult r) {
    return r.hits().stream().map(SearchResult.Hit::id).toList();
  }

  private double secondRequests() {
    var timer = metrics.find("es.requests").tag("op", "search_others").timer();
    return timer == null ? 0 : timer.count();
  }

  @ParameterizedTest
  @ValueSource(strings = {"抗击", "疫情", "防控", "习近平"})
  void short_pages_are_the_head_of_the_long_list(String word) throws IOException {
    SearchResult longList = page(word, 100, 1);
    assertThat(longList.totalGroups()).as("the long list's window (200) holds every match of the seeds")
        .isGreaterThan(10).isLessThan(200);
    List<String> all = ids(longList);
    double before = secondRequests();
    for (int size : new int[] {3, 5, 10}) {
      for (int p = 1; p <= 2; p++) {
        assertThat(ids(page(word, size, p))).as("%s, page %d of %d results", word, p, size).doesNotHaveDuplicates()
            .isEqualTo(all.subList(Math.min((p - 1) * size, all.size()), Math.min(p * size, all.size())));
      }
    }
    if (word.equals("抗击")) {
      assertThat(secondRequests() - before).as("a few articles fill the window of a short page of 抗击")
          .isGreaterThan(0);
    }
  }
}

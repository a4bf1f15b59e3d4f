package dev.newssearch.api.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.search.Hit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiversifyTest {
  /** Hit ids are "article/paragraph". */
  private static List<Hit<Void>> hits(String... ids) {
    List<Hit<Void>> out = new ArrayList<>();
    for (String id : ids) {
      out.add(Hit.of(h -> h.index("i").id(id)));
    }
    return out;
  }

  private static String article(Hit<Void> h) {
    return h.id().substring(0, h.id().indexOf('/'));
  }

  private static List<String> ids(SearchService.Diversified<Void> d) {
    return d.page().stream().map(Hit::id).toList();
  }

  @Test
  void one_speech_cannot_fill_the_first_page() {
    var window = hits("a/1", "a/2", "a/3", "a/4", "a/5", "b/1", "c/1", "a/6", "d/1", "d/2", "d/3");
    var first = SearchService.diversify(window, 0, 5, DiversifyTest::article);
    assertThat(ids(first)).containsExactly("a/1", "a/2", "b/1", "c/1", "d/1");
    assertThat(first.more()).containsEntry("a/2", 4).doesNotContainKey("a/1");
  }

  @Test
  void pages_of_a_window_hold_every_hit_once_in_diversified_order() {
    var window = hits("a/1", "a/2", "a/3", "a/4", "b/1", "c/1");
    var p1 = SearchService.diversify(window, 0, 3, DiversifyTest::article);
    var p2 = SearchService.diversify(window, 3, 3, DiversifyTest::article);
    assertThat(ids(p1)).containsExactly("a/1", "a/2", "b/1");
    assertThat(ids(p2)).containsExactly("c/1", "a/3", "a/4");
    assertThat(p1.more()).containsEntry("a/2", 2);
    assertThat(p2.more()).isEmpty();
  }
}

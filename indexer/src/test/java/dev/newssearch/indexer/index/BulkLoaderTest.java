package dev.newssearch.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import dev.newssearch.core.es.BlockingHttpClient;
import dev.newssearch.core.es.EsClients;
import dev.newssearch.indexer.index.BulkLoader.Decision;
import dev.newssearch.localnode.junit.DeliberateFailures;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BulkLoaderTest {
  private static final BulkOperation INDEX =
      BulkOperation.of(b -> b.index(i -> i.index("x").id("p1").document(Map.of("text", "正文"))));
  private static final BulkOperation DELETE = BulkOperation.of(b -> b.delete(d -> d.index("x").id("p1")));

  private static BulkResponseItem item(OperationType type, int status, String errorType) {
    return BulkResponseItem.of(b -> {
      b.operationType(type).index("x").id("p1").status(status);
      if (errorType != null) {
        b.error(e -> e.type(errorType).reason("because"));
      }
      return b;
    });
  }

  @Test
  void a_rejected_write_429_is_retried_until_the_attempts_run_out() {
    var item = item(OperationType.Index, 429, "es_rejected_execution_exception");
    assertThat(BulkLoader.decide(new BulkLoader.Op("p1", "a.txt", INDEX, 0), item, 3)).isEqualTo(Decision.RETRY);
    assertThat(BulkLoader.decide(new BulkLoader.Op("p1", "a.txt", INDEX, 2), item, 3)).isEqualTo(Decision.RETRY);
    assertThat(BulkLoader.decide(new BulkLoader.Op("p1", "a.txt", INDEX, 3), item, 3)).isEqualTo(Decision.FAILED);
  }

  @Test
  void a_mapping_error_is_final_and_never_retried() {
    var item = item(OperationType.Index, 400, "document_parsing_exception");
    assertThat(BulkLoader.decide(new BulkLoader.Op("p1", "a.txt", INDEX, 0), item, 3)).isEqualTo(Decision.FAILED);
  }

  @Test
  void deleting_a_document_that_is_already_gone_counts_as_done() {
    var item = item(OperationType.Delete, 404, null);
    assertThat(BulkLoader.decide(new BulkLoader.Op("p1", "a.txt", DELETE, 0), item, 3))
        .isEqualTo(Decision.ACKNOWLEDGED);
  }

  @Test
  void a_missing_item_is_a_failure_not_a_silent_drop() {
    assertThat(BulkLoader.decide(new BulkLoader.Op("p1", "a.txt", INDEX, 0), null, 3)).isEqualTo(Decision.FAILED);
  }

  @Test
  void the_reconciliation_adds_up_only_when_every_operation_has_an_outcome() {
    assertThat(new Writes(10, 7, 1, 2, 0, java.util.List.of()).balanced()).isTrue();
    assertThat(new Writes(10, 7, 1, 1, 0, java.util.List.of()).balanced()).isFalse();
  }

  @Test
  @DeliberateFailures(value = "bulk requests go to a port where no node listens",
      loggers = {BulkLoader.class, EsClients.class, BlockingHttpClient.class})
  void a_load_to_a_node_that_does_not_answer_ends_as_unreachable_instead_of_waiting_forever() throws Exception {
    // nothing listens there: every request is refused, as after a kill -9 of the node
    var config = dev.newssearch.core.es.EsConfig.fromEnv(Map.of()).withUrl(java.net.URI.create("http://127.0.0.1:18049"));
    try (var client = dev.newssearch.core.es.EsClients.client(config);
        BulkLoader loader = new BulkLoader(client, 10, 2, 6, java.time.Duration.ofMillis(50),
            java.time.Duration.ofSeconds(2), n -> { })) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
        for (int i = 0; i < 10_000; i++) {
          loader.index("x", "p" + i, "a.txt", Map.of("text", "正文"));
        }
        loader.finish();
      }).isInstanceOf(EsUnreachableException.class).hasMessageContaining("no bulk request succeeded");
    }
  }
}

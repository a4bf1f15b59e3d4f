package dev.newssearch.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.newssearch.core.es.EsClients;
import dev.newssearch.core.es.EsConfig;
import dev.newssearch.core.schema.Fields;
import dev.newssearch.core.schema.IndexSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedWatcherIT {
  @TempDir Path tmp;

  @Test
  void watch_picks_up_a_new_file_and_it_becomes_searchable_within_seconds() throws Exception {
    EsConfig config = TestEs.withFreshAlias("it-watch");
    Path seeds = Seeds.copyTo(tmp);
    List<IndexRun> runs = new CopyOnWriteArrayList<>();
    List<Exception> errors = new CopyOnWriteArrayList<>();
    try (ElasticsearchClient client = EsClients.client(config);
        IndexService service = new IndexService(config, IndexOptions.defaults(), new SplitParagraphSource(),
            IndexService::entityNames, IndexSchema.load());
        SeedWatcher watcher = new SeedWatcher(service, seeds, Duration.ofMillis(300), runs::add, errors::add)) {
      watcher.start();
      waitFor(() -> runs.size() >= 1, Duration.ofSeconds(60));
      assertThat(runs.get(0).mode()).isEqualTo(IndexRun.Mode.FULL);

      Instant saved = Instant.now();
      Files.writeString(seeds.resolve("006_new.txt"), "瞭望塔消息：新保存的文件很快就能搜到。\n", StandardCharsets.UTF_8);
      waitFor(() -> count(client, config.alias(), "新保存的文件") == 1, Duration.ofSeconds(30));
      Duration latency = Duration.between(saved, Instant.now());

      assertThat(latency).isLessThan(Duration.ofSeconds(10));
      waitFor(() -> runs.size() >= 2, Duration.ofSeconds(10)); // the run is reported after its refresh
      assertThat(runs.get(1).mode()).isEqualTo(IndexRun.Mode.INCREMENTAL);
      assertThat(errors).isEmpty();
    } finally {
      try (ElasticsearchClient client = EsClients.client(config)) {
        for (String index : client.indices().get(g -> g.index(config.alias() + "-v*")).result().keySet()) {
          client.indices().delete(d -> d.index(index));
        }
      }
    }
  }

  private static long count(ElasticsearchClient client, String alias, String phrase) {
    try {
      return client.count(c -> c.index(alias).query(q -> q.matchPhrase(m -> m.field(Fields.TEXT).query(phrase))))
          .count();
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static void waitFor(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
    Instant end = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("waited " + timeout).isBefore(end);
      Thread.sleep(100);
    }
  }
}

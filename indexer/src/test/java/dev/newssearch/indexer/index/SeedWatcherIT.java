package dev.newssearch.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.newssearch.core.es.BlockingHttpClient;
import dev.newssearch.core.es.EsClients;
import dev.newssearch.core.es.EsConfig;
import dev.newssearch.core.schema.Fields;
import dev.newssearch.core.schema.IndexSchema;
import dev.newssearch.localnode.junit.DeliberateFailures;
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
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SeedWatcherIT.class);
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

  @Test
  @DeliberateFailures(value = "Elasticsearch goes down while seeds are edited", loggers = {SeedWatcher.class,
      IndexService.class, BulkLoader.class, EsClients.class, BlockingHttpClient.class})
  void an_edit_made_while_elasticsearch_is_down_is_applied_when_it_comes_back_and_a_replaced_folder_is_still_watched()
      throws Exception {
    FaultKit.assumeOwnNodes();
    Path seeds = Seeds.copyTo(tmp);
    List<IndexRun> runs = new CopyOnWriteArrayList<>();
    List<Exception> errors = new CopyOnWriteArrayList<>();
    try (FaultKit.OwnNode node = new FaultKit.OwnNode(FaultKit.port(3), 1)) {
      EsConfig config = node.config("it-watch-faults");
      IndexOptions options = IndexOptions.defaults().withStallTimeout(Duration.ofSeconds(10));
      try (ElasticsearchClient client = EsClients.client(config);
          IndexService service = new IndexService(config, options, new SplitParagraphSource(),
              IndexService::entityNames, IndexSchema.load());
          SeedWatcher watcher = new SeedWatcher(service, seeds, Duration.ofMillis(300), Duration.ofMinutes(5),
              Duration.ofMillis(500), runs::add, errors::add)) {
        watcher.start();
        waitFor(() -> runs.size() >= 1, Duration.ofSeconds(120));

        node.kill9(0);
        Files.writeString(seeds.resolve("007_down.txt"), "瞭望塔消息：停机时保存的文件。\n", StandardCharsets.UTF_8);
        waitFor(() -> !errors.isEmpty(), Duration.ofSeconds(60));
        Instant back = Instant.now();
        node.restart();
        Instant up = Instant.now();
        // no other change: the watcher's retry alone brings the edit in
        waitFor(() -> count(client, config.alias(), "停机时保存的文件") == 1, Duration.ofSeconds(180));
        log.info("figure: edit made while Elasticsearch was down searchable {} s after the node was back "
            + "(restart took {} s), {} failed applies before", Duration.between(up, Instant.now()).toMillis() / 1000.0,
            Duration.between(back, up).toSeconds(), errors.size());

        // mv + mkdir + copy: the new folder is watched, and what it holds is applied
        Path old = seeds.resolveSibling("seeds.old");
        Files.move(seeds, old);
        Files.createDirectories(seeds);
        try (var files = Files.list(old)) {
          for (Path f : (Iterable<Path>) files::iterator) {
            Files.copy(f, seeds.resolve(f.getFileName()));
          }
        }
        Instant replaced = Instant.now();
        Files.writeString(seeds.resolve("008_after.txt"), "瞭望塔消息：换了文件夹之后保存的文件。\n", StandardCharsets.UTF_8);
        waitFor(() -> count(client, config.alias(), "换了文件夹之后保存的文件") == 1, Duration.ofSeconds(60));
        log.info("figure: a file saved into the replaced folder searchable after {} s",
            Duration.between(replaced, Instant.now()).toMillis() / 1000.0);
        Files.writeString(old.resolve("009_old.txt"), "瞭望塔消息：旧文件夹里的文件。\n", StandardCharsets.UTF_8);
        Thread.sleep(2_000);
        assertThat(count(client, config.alias(), "旧文件夹里的文件")).isZero();
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

package dev.newssearch.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.newssearch.core.es.EsClients;
import dev.newssearch.core.es.EsConfig;
import dev.newssearch.core.schema.Fields;
import dev.newssearch.indexer.pipeline.Pipeline;
import dev.newssearch.indexer.pipeline.PipelineOptions;
import dev.newssearch.localnode.junit.TestNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade other modules use, over the real text pipeline. */
class SeedIndexerIT {
  @TempDir Path tmp;

  @Test
  void the_seeds_are_indexed_with_the_real_pipeline_and_a_second_run_does_nothing() throws Exception {
    EsConfig config = TestEs.withFreshAlias("it-seeds");
    Path seeds = Seeds.copyTo(tmp);
    Set<String> ids = new HashSet<>();
    Pipeline.create(PipelineOptions.DEFAULTS).processFolder(seeds).forEach(r -> r.docs().forEach(d -> ids.add(d.id())));
    try (ElasticsearchClient client = EsClients.client(config)) {
      try {
        IndexRun full = SeedIndexer.rebuild(config, seeds, TestNode.configDirs());
        IndexRun again = SeedIndexer.incremental(config, seeds);

        assertThat(full.ok()).as(full.summary()).isTrue();
        assertThat(full.indexCount()).isEqualTo(ids.size());
        assertThat(again.mode()).isEqualTo(IndexRun.Mode.UP_TO_DATE);
        assertThat(client.count(c -> c.index(config.alias())
            .query(q -> q.term(t -> t.field(Fields.PERSONS).value("习近平")))).count()).isPositive();
        assertThat(client.count(c -> c.index(config.alias())
            .query(q -> q.matchPhrase(m -> m.field(Fields.TEXT).query("习近平")))).count()).isPositive();
        // the name was learned by this build, after its paragraphs were loaded: they were analysed again
        // with it, so the text holds it as one term (an unanalysed term query finds it) ...
        assertThat(client.count(c -> c.index(config.alias())
            .query(q -> q.term(t -> t.field(Fields.TEXT).value("习近平")))).count()).isPositive();
        // ... and only the paragraphs that mention a newly learned name were sent again, not all of them
        assertThat(full.writes().sent()).isLessThan(2 * full.indexCount());
        for (Path dir : TestNode.configDirs()) {
          assertThat(Files.readString(dir.resolve("analysis-ik").resolve(Dictionaries.LEARNED_NAMES))).contains("习近平");
        }
        // a second full build finds every name it can learn already known, and one IK cannot keep whole
        // (伊姆兰·汗, broken at the ·) is no reason to analyse its paragraphs again: each paragraph is sent once
        IndexRun second = SeedIndexer.rebuild(config, seeds, TestNode.configDirs());
        assertThat(second.ok()).as(second.summary()).isTrue();
        assertThat(second.writes().sent()).isEqualTo(second.indexCount());
      } finally {
        for (String index : client.indices().get(g -> g.index(config.alias() + "-v*")).result().keySet()) {
          client.indices().delete(d -> d.index(index));
        }
      }
    }
  }
}

package dev.newssearch.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import dev.newssearch.core.es.EsClients;
import dev.newssearch.core.es.EsConfig;
import dev.newssearch.core.schema.Fields;
import dev.newssearch.core.schema.IndexSchema;
import dev.newssearch.core.schema.ParagraphDoc;
import dev.newssearch.localnode.junit.DeliberateFailures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexServiceIT {
  @TempDir Path tmp;
  private EsConfig config;
  private ElasticsearchClient client;
  private Path seeds;
  private final ParagraphSource source = new SplitParagraphSource();
  private final List<IndexService> services = new ArrayList<>();

  @BeforeEach
  void setUp() throws IOException {
    config = TestEs.withFreshAlias("it-index");
    client = EsClients.client(config);
    seeds = Seeds.copyTo(tmp);
  }

  @AfterEach
  void tearDown() throws IOException {
    for (String index : client.indices().get(g -> g.index(config.alias() + "-v*")).result().keySet()) {
      client.indices().delete(d -> d.index(index));
    }
    for (IndexService s : services) {
      s.close();
    }
    client._transport().close();
  }

  private IndexService service(ParagraphSource src) {
    return service(src, IndexOptions.defaults(), IndexSchema.load());
  }

  private IndexService service(ParagraphSource src, IndexOptions options, IndexSchema schema) {
    IndexService s = new IndexService(config, options, src, IndexService::entityNames, schema);
    services.add(s);
    return s;
  }

  private long expectedParagraphs() throws IOException {
    Set<String> ids = new HashSet<>();
    for (SeedFile f : SeedFile.scan(seeds, IndexOptions.FileRules.DEFAULTS).files().values()) {
      source.paragraphs(f.path()).forEach(d -> ids.add(d.id()));
    }
    return ids.size();
  }

  private Map<String, String> idsToFile() throws IOException {
    Map<String, String> ids = new HashMap<>();
    var response = client.search(s -> s.index(config.alias()).size(10_000).source(src -> src.filter(f -> f.includes(Fields.FILE))),
        JsonNode.class);
    for (Hit<JsonNode> h : response.hits().hits()) {
      ids.put(h.id(), h.source().get(Fields.FILE).asText());
    }
    return ids;
  }

  private long aliasCount() throws IOException {
    return client.count(c -> c.index(config.alias())).count();
  }

  private String aliasTarget() throws IOException {
    return client.indices().getAlias(g -> g.name(config.alias())).result().keySet().iterator().next();
  }

  @Test
  void a_full_build_points_the_alias_at_a_new_index_holding_every_paragraph() throws IOException {
    IndexRun run = service(source).rebuild(seeds);

    assertThat(run.ok()).as(run.summary()).isTrue();
    assertThat(run.reconciled()).isTrue();
    assertThat(run.mode()).isEqualTo(IndexRun.Mode.FULL);
    assertThat(aliasTarget()).isEqualTo(run.index()).startsWith(config.alias() + "-v");
    assertThat(aliasCount()).isEqualTo(expectedParagraphs()).isEqualTo(run.indexCount());
    var settings = client.indices().getSettings(g -> g.index(run.index())).result().get(run.index()).settings().index();
    assertThat(settings.refreshInterval().time()).isEqualTo("1s");
    assertThat(settings.numberOfReplicas()).isEqualTo("0");
  }

  @Test
  void a_second_run_without_changes_indexes_nothing() throws IOException {
    IndexService service = service(source);
    service.incremental(seeds);

    IndexRun second = service.incremental(seeds);

    assertThat(second.mode()).isEqualTo(IndexRun.Mode.UP_TO_DATE);
    assertThat(second.sent()).isZero();
    assertThat(second.ok()).isTrue();
    assertThat(service.status(seeds).inSync()).isTrue();
  }

  @Test
  void editing_one_seed_changes_only_its_paragraphs() throws IOException {
    IndexService service = service(source);
    service.rebuild(seeds);
    Map<String, String> before = idsToFile();
    Path edited = seeds.resolve("002_e46b5dd20027eeff.txt");
    String text = Files.readString(edited, StandardCharsets.UTF_8);
    int cut = text.indexOf("\n\n", text.length() / 2);
    Files.writeString(edited, text.substring(0, cut) + "\n\n新加的一段：编辑后的段落出现在索引里。\n",
        StandardCharsets.UTF_8);

    IndexRun run = service.incremental(seeds);

    assertThat(run.ok()).as(run.summary()).isTrue();
    assertThat(run.mode()).isEqualTo(IndexRun.Mode.INCREMENTAL);
    assertThat(run.processed()).isEqualTo(1);
    assertThat(run.deleted()).isPositive();
    Map<String, String> after = idsToFile();
    assertThat(after.size()).isEqualTo(expectedParagraphs());
    before.forEach((id, file) -> {
      if (!file.equals(edited.getFileName().toString())) {
        assertThat(after).containsEntry(id, file);
      }
    });
    assertThat(client.count(c -> c.index(config.alias())
        .query(q -> q.matchPhrase(m -> m.field(Fields.TEXT).query("编辑后的段落")))).count()).isEqualTo(1);
    assertThat(service.status(seeds).inSync()).isTrue();
  }

  @Test
  void deleting_a_file_removes_its_paragraphs_and_adding_one_adds_them() throws IOException {
    IndexService service = service(source);
    service.rebuild(seeds);
    Path removed = seeds.resolve("001_dbc7e43415f1aa2b.txt");
    Path added = seeds.resolve("005_added.txt");
    Files.move(removed, added);

    IndexRun run = service.incremental(seeds);

    assertThat(run.ok()).as(run.summary()).isTrue();
    assertThat(run.removed()).isEqualTo(1);
    assertThat(run.processed()).isEqualTo(1);
    assertThat(new HashSet<>(idsToFile().values())).doesNotContain(removed.getFileName().toString())
        .contains(added.getFileName().toString());
    assertThat(aliasCount()).isEqualTo(expectedParagraphs());
  }

  @Test
  void document_ids_are_stable_across_full_rebuilds_and_the_previous_index_is_kept_for_rollback() throws IOException {
    IndexService service = service(source, IndexOptions.defaults().withKeep(1), IndexSchema.load());
    IndexRun first = service.rebuild(seeds);
    Set<String> ids = idsToFile().keySet();
    IndexRun second = service.rebuild(seeds);
    IndexRun third = service.rebuild(seeds);

    assertThat(idsToFile().keySet()).isEqualTo(ids);
    assertThat(third.previousIndex()).isEqualTo(second.index());
    assertThat(third.pruned()).containsExactly(first.index());
    assertThat(service.status(seeds).versions()).containsExactly(second.index(), third.index());
  }

  @Test
  void a_schema_change_triggers_a_rebuild() throws IOException {
    IndexRun first = service(source).rebuild(seeds);
    IndexSchema changed = IndexSchema.parse(IndexSchema.load().json()
        .replace("\"max_result_window\":10000", "\"max_result_window\":20000"));

    IndexRun run = service(source, IndexOptions.defaults(), changed).incremental(seeds);

    assertThat(run.mode()).isEqualTo(IndexRun.Mode.FULL);
    assertThat(run.reason()).startsWith("schema changed");
    assertThat(run.index()).isNotEqualTo(first.index());
    assertThat(aliasTarget()).isEqualTo(run.index());
  }

  @Test
  void a_dictionary_change_triggers_a_rebuild() throws IOException {
    Path dict = Files.createDirectories(tmp.resolve("analysis-ik"));
    IndexOptions options = IndexOptions.defaults().withDictDirs(List.of(dict));
    IndexService service = service(source, options, IndexSchema.load());
    service.rebuild(seeds);
    assertThat(dict.resolve(Dictionaries.LEARNED_NAMES)).content(StandardCharsets.UTF_8).contains("习近平");
    assertThat(service.incremental(seeds).mode()).isEqualTo(IndexRun.Mode.UP_TO_DATE);
    Files.writeString(dict.resolve("curated.dic"), "共克时艰\n", StandardCharsets.UTF_8);

    IndexRun run = service.incremental(seeds);

    assertThat(run.mode()).isEqualTo(IndexRun.Mode.FULL);
    assertThat(run.reason()).startsWith("dictionaries changed");
  }

  @Test
  @DeliberateFailures(value = "a file fails after its first window", loggers = {IndexService.class})
  void a_file_that_fails_after_its_first_window_was_sent_is_skipped_and_what_it_sent_is_withdrawn()
      throws IOException {
    // a big file comes in windows; the disk may go away between two of them
    ParagraphSource failsHalfWay = new ParagraphSource() {
      @Override
      public List<ParagraphDoc> paragraphs(Path file) throws IOException {
        return source.paragraphs(file);
      }

      @Override
      public void paragraphs(Path file, Consumer<List<ParagraphDoc>> parts) throws IOException {
        List<ParagraphDoc> docs = source.paragraphs(file);
        if (!file.getFileName().toString().startsWith("003")) {
          parts.accept(docs);
          return;
        }
        parts.accept(docs.subList(0, docs.size() / 2));
        throw new IOException("cannot read: the disk went away half way");
      }
    };

    IndexRun run = service(failsHalfWay).rebuild(seeds);

    assertThat(run.skipped()).singleElement().asString().startsWith("003").contains("the disk went away half way");
    assertThat(run.mode()).isEqualTo(IndexRun.Mode.FULL);
    assertThat(run.indexCount()).isEqualTo(run.expectedCount());
    assertThat(run.deleted()).isPositive();
    assertThat(idsToFile().values()).isNotEmpty().noneMatch(f -> f.startsWith("003"));
    Set<String> others = new HashSet<>();
    for (SeedFile f : SeedFile.scan(seeds, IndexOptions.FileRules.DEFAULTS).files().values()) {
      if (!f.name().startsWith("003")) {
        source.paragraphs(f.path()).forEach(d -> others.add(d.id()));
      }
    }
    assertThat(aliasCount()).isEqualTo(others.size());
  }

  @Test
  @DeliberateFailures(value = "a build fails half way", loggers = {IndexService.class, BulkLoader.class})
  void a_build_that_fails_half_way_leaves_searches_answering_from_the_old_index() throws IOException {
    IndexRun good = service(source).rebuild(seeds);
    ParagraphSource broken = file -> {
      List<ParagraphDoc> docs = new ArrayList<>(source.paragraphs(file));
      if (file.getFileName().toString().startsWith("003")) {
        ParagraphDoc d = docs.get(0);
        ParagraphDoc.ArticleMeta m = d.article();
        docs.set(0, new ParagraphDoc(d.id(), d.articleId(), d.paragraph(), d.text(),
            new ParagraphDoc.ArticleMeta(m.title(), m.kicker(), m.subtitle(), "2020-13-45", m.dateEvidence(),
                m.source(), m.reporters(), m.contributors(), m.datelinePlace(), m.edition()),
            d.datesMentioned(), d.entities(), d.file(), d.hashes()));
      }
      return docs;
    };

    IndexRun failed = service(broken).rebuild(seeds);

    assertThat(failed.ok()).isFalse();
    assertThat(failed.mode()).isEqualTo(IndexRun.Mode.FAILED);
    assertThat(failed.reconciled()).isTrue();
    assertThat(failed.failures()).hasSize(1);
    assertThat(failed.failures().get(0).file()).startsWith("003");
    assertThat(failed.failures().get(0).type()).isEqualTo("document_parsing_exception");
    assertThat(aliasTarget()).isEqualTo(good.index());
    assertThat(aliasCount()).isEqualTo(expectedParagraphs());
    assertThat(client.indices().exists(e -> e.index(failed.index())).value()).isFalse();
  }

  @Test
  @DeliberateFailures(value = "writes are blocked in the middle of a load", loggers = {IndexService.class, BulkLoader.class})
  void a_write_block_in_the_middle_of_a_load_is_reported_and_a_rerun_converges_without_duplicates()
      throws Exception {
    IndexService service = service(source, IndexOptions.defaults().withBatch(5, 1), IndexSchema.load());
    service.rebuild(seeds);
    String index = aliasTarget();
    // change every file so the incremental run re-sends everything, then block writes after the first bulk
    for (SeedFile f : SeedFile.scan(seeds, IndexOptions.FileRules.DEFAULTS).files().values()) {
      Files.writeString(f.path(), Files.readString(f.path(), StandardCharsets.UTF_8) + "\n\n追加的段落 " + f.name() + "\n",
          StandardCharsets.UTF_8);
    }
    AtomicBoolean blocked = new AtomicBoolean();
    Thread[] blocker = new Thread[1];
    service.progress(new ProgressListener() {
      @Override
      public void step(long n) {
        if (blocked.compareAndSet(false, true)) {
          // not on the client's I/O thread: a blocking call there would deadlock
          blocker[0] = new Thread(() -> {
            try {
              client.indices().putSettings(p -> p.index(index).settings(s -> s.blocks(b -> b.write(true))));
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          }, "it-write-blocker");
          blocker[0].start();
          try {
            blocker[0].join();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
    });

    IndexRun interrupted = service.incremental(seeds);

    assertThat(interrupted.failed()).isPositive();
    assertThat(interrupted.reconciled()).as(interrupted.summary()).isTrue();
    assertThat(interrupted.failures()).allSatisfy(f -> assertThat(f.status()).isEqualTo(403));
    assertThat(service.status(seeds).inSync()).isFalse();

    client.indices().putSettings(p -> p.index(index).settings(s -> s.blocks(b -> b.write(false))));
    service.progress(ProgressListener.NONE);
    IndexRun rerun = service.incremental(seeds);

    assertThat(rerun.ok()).as(rerun.summary()).isTrue();
    assertThat(aliasCount()).isEqualTo(expectedParagraphs()).isEqualTo(idsToFile().size());
    assertThat(service.status(seeds).inSync()).isTrue();
  }

  @Test
  @DeliberateFailures(value = "a build is interrupted", loggers = {IndexService.class, BulkLoader.class})
  void an_index_abandoned_by_an_interrupted_build_is_deleted_by_the_next_build() throws IOException {
    IndexService service = service(source);
    IndexRun first = service.rebuild(seeds);
    // what a build killed mid-load leaves behind: a newer version the alias never pointed to
    String abandoned = IndexAdmin.versionedName(config.alias(), java.time.Instant.now().plusSeconds(1));
    client.indices().create(c -> c.index(abandoned));
    assertThat(aliasTarget()).isEqualTo(first.index());

    IndexRun next = service.rebuild(seeds);

    assertThat(next.ok()).isTrue();
    assertThat(next.pruned()).contains(abandoned);
    assertThat(client.indices().exists(e -> e.index(abandoned)).value()).isFalse();
    assertThat(service.status(seeds).versions()).containsExactly(first.index(), next.index());
  }

  @Test
  void a_prefix_of_a_chinese_name_suggests_the_whole_name() throws IOException {
    service(source).rebuild(seeds);
    for (String prefix : List.of("习", "习近")) {
      var response = client.search(s -> s.index(config.alias()).suggest(sg -> sg.suggesters("p",
          fs -> fs.prefix(prefix).completion(c -> c.field(Fields.SUGGEST).skipDuplicates(true).size(5)))),
          Void.class);
      List<String> texts = response.suggest().get("p").get(0).completion().options().stream()
          .map(o -> o.text()).toList();
      assertThat(texts).as(prefix).contains("习近平");
    }
  }
}

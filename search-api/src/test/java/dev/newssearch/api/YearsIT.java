package dev.newssearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch._types.Refresh;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newssearch.core.es.EsClients;
import dev.newssearch.core.es.EsConfig;
import dev.newssearch.core.schema.ParagraphDoc;
import dev.newssearch.indexer.index.DateSpread;
import dev.newssearch.indexer.index.IndexOptions;
import dev.newssearch.indexer.index.IndexRun;
import dev.newssearch.indexer.index.IndexService;
import dev.newssearch.indexer.index.SeedIndexer;
import dev.newssearch.indexer.pipeline.FileResult;
import dev.newssearch.indexer.pipeline.Pipeline;
import dev.newssearch.indexer.pipeline.PipelineOptions;
import dev.newssearch.localnode.junit.TestNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two folders of pages from different years in one index: a 1997 folder whose pages print month and day only
 * and whose year is stated in its {@code .dates.properties}, and a 1998 folder whose page is dated by its file
 * name. The first folder is indexed by the index stage, the second's paragraphs come from the same pipeline
 * and are added to the same index. The API's yearly histogram shows both years, and date filters work
 * across them.
 */
class YearsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir static Path archive;
  private static Javalin app;
  private static EsConfig es;
  private static long paragraphs1997;
  private static long paragraphs1998;

  @BeforeAll
  static void indexTwoYears() throws IOException {
    Path y1997 = Files.createDirectories(archive.resolve("volume-a"));
    Files.copy(Path.of("../seeds/002_e46b5dd20027eeff.txt"), y1997.resolve("002_e46b5dd20027eeff.txt"));
    Files.writeString(y1997.resolve(".dates.properties"), "# this volume's pages are of 1997\nyear = 1997\n");
    Path y1998 = Files.createDirectories(archive.resolve("volume-b"));
    Files.copy(Path.of("../seeds/000_1132cb0b81b05dee.txt"), y1998.resolve("rmrb_19980328_02.txt"));

    es = TestNode.config().withAlias("it-years");
    IndexRun run = SeedIndexer.rebuild(es, y1997, TestNode.configDirs());
    assertThat(run.ok()).as(run.summary()).isTrue();
    paragraphs1997 = run.paragraphs();

    List<FileResult> second = Pipeline.create(PipelineOptions.DEFAULTS).processFolder(y1998);
    BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(Refresh.True);
    for (FileResult r : second) {
      for (ParagraphDoc d : r.docs()) {
        assertThat(d.date()).as(d.text()).startsWith("1998-");
        bulk.operations(o -> o.index(i -> i.index(run.index()).id(d.id()).document(d)));
        paragraphs1998++;
      }
    }
    ElasticsearchClient client = EsClients.client(es);
    assertThat(client.bulk(bulk.build()).errors()).isFalse();
    app = ApiApp.create(ApiConfig.local(es)).start(0);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.stop();
    }
  }

  @Test
  void the_yearly_histogram_shows_both_volumes() throws Exception {
    JsonNode r = get("size", "0", "collapse", "false", "interval", "year");
    Map<String, Long> years = new LinkedHashMap<>();
    for (JsonNode b : r.get("date_histogram")) years.put(b.get("date").asText(), b.get("count").asLong());
    assertThat(years).containsEntry("1997-01-01", paragraphs1997).containsEntry("1998-01-01", paragraphs1998);
    assertThat(r.get("undated").asLong()).isZero();
  }

  @Test
  void the_monthly_histogram_puts_each_volume_in_its_own_march() throws Exception {
    JsonNode h = get("size", "0", "collapse", "false", "interval", "month").get("date_histogram");
    assertThat(h.get(0).get("date").asText()).isEqualTo("1997-03-01");
    assertThat(h.get(h.size() - 1).get("date").asText()).isEqualTo("1998-03-01");
    assertThat(h.size()).isEqualTo(13);
  }

  @Test
  void date_filters_reach_across_decades_and_split_the_years() throws Exception {
    assertThat(get("size", "0", "collapse", "false", "date_from", "1949-10-01", "date_to", "2049-12-31")
        .get("total").asLong()).isEqualTo(paragraphs1997 + paragraphs1998);
    assertThat(get("size", "0", "collapse", "false", "date_from", "1998-01-01").get("total").asLong())
        .isEqualTo(paragraphs1998);
    assertThat(get("size", "0", "collapse", "false", "date_to", "1997-12-31").get("total").asLong())
        .isEqualTo(paragraphs1997);
  }

  @Test
  void the_status_spread_names_each_year_and_the_evidence_of_each_file() throws Exception {
    try (IndexService service = SeedIndexer.service(es, IndexOptions.defaults())) {
      DateSpread spread = service.dateSpread().orElseThrow();
      assertThat(spread.years()).containsEntry("1997", paragraphs1997).containsEntry("1998", paragraphs1998);
      DateSpread.FileDates b = spread.files().stream().filter(f -> f.file().equals("rmrb_19980328_02.txt")).findFirst().orElseThrow();
      assertThat(b.first()).startsWith("1998-03");
      assertThat(b.evidence()).containsKey("dateline");
    }
  }

  private static JsonNode get(String... params) throws IOException, InterruptedException {
    StringBuilder q = new StringBuilder();
    for (int i = 0; i < params.length; i += 2) {
      q.append(i == 0 ? "?" : "&").append(params[i]).append('=').append(params[i + 1]);
    }
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/search" + q))
        .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }
}

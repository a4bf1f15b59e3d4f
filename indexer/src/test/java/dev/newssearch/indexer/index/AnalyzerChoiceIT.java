package dev.newssearch.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.indices.CreateIndexRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newssearch.core.es.EsClients;
import dev.newssearch.core.schema.IndexSchema;
import dev.newssearch.core.schema.ParagraphDoc;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Measures which index/search analyzer pair loses matches, over the seeds: every title and a fixed
 * sample of 2–6 character spans of the paragraphs are run as queries against the paragraph they come
 * from; a query that does not find its own paragraph is a loss. Results are recorded in
 * {@code src/test/resources/index/analyzer-measurement.md}; the schema's pair must lose no more than
 * any other pair.
 */
class AnalyzerChoiceIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** field → {index analyzer, search analyzer}. */
  private static final Map<String, String[]> PAIRS = new LinkedHashMap<>();

  static {
    PAIRS.put("max_max", new String[] {"m_max", "m_max"});
    PAIRS.put("max_smart", new String[] {"m_max", "m_smart"});
    PAIRS.put("smart_smart", new String[] {"m_smart", "m_smart"});
    PAIRS.put("smart_max", new String[] {"m_smart", "m_max"});
    PAIRS.put("schema", new String[] {"text_index", "text_search"});
    PAIRS.put("chars", new String[] {"text_chars", "text_chars"});
  }

  @Test
  void index_max_word_and_search_max_word_loses_the_fewest_matches() throws IOException {
    var config = TestEs.withFreshAlias("it-analyzers");
    String index = config.alias() + "-measure";
    ElasticsearchClient client = EsClients.client(config);
    try {
      createMeasurementIndex(client, index);
      List<String[]> queries = loadAndSample(client, index);

      Map<String, int[]> losses = new LinkedHashMap<>();
      for (String field : PAIRS.keySet()) {
        int phraseLoss = 0;
        int andLoss = 0;
        for (String[] q : queries) {
          String id = q[0];
          String text = q[1];
          if (!finds(client, index, id, field, text, true)) {
            phraseLoss++;
          }
          if (!finds(client, index, id, field, text, false)) {
            andLoss++;
          }
        }
        losses.put(field, new int[] {phraseLoss, andLoss});
      }
      StringBuilder table = new StringBuilder("\nqueries: " + queries.size()
          + "\n| index / search | match_phrase misses | match (AND) misses |\n|---|---|---|\n");
      losses.forEach((f, l) -> table.append("| ").append(f).append(" | ").append(l[0]).append(" (")
          .append(String.format("%.1f%%", 100.0 * l[0] / queries.size())).append(") | ").append(l[1]).append(" (")
          .append(String.format("%.1f%%", 100.0 * l[1] / queries.size())).append(") |\n"));
      System.out.println(table);

      int[] schema = losses.get("schema");
      assertThat(losses.get("chars")[0]).as("text.chars phrase finds every exact span").isZero();
      for (var e : losses.entrySet()) {
        if (e.getKey().equals("chars")) {
          continue;
        }
        assertThat(schema[0] + schema[1]).as("schema vs " + e.getKey()).isLessThanOrEqualTo(e.getValue()[0] + e.getValue()[1]);
      }
    } finally {
      client.indices().delete(d -> d.index(index).ignoreUnavailable(true));
      client._transport().close();
    }
  }

  private static boolean finds(ElasticsearchClient client, String index, String id, String field, String text,
      boolean phrase) throws IOException {
    return client.count(c -> c.index(index).query(q -> q.bool(b -> b
        .filter(f -> f.ids(i -> i.values(id)))
        .must(m -> phrase
            ? m.matchPhrase(p -> p.field(field).query(text))
            : m.match(p -> p.field(field).query(text).operator(Operator.And)))))).count() == 1;
  }

  private static void createMeasurementIndex(ElasticsearchClient client, String index) throws IOException {
    ObjectNode schema = IndexSchema.load().tree();
    ObjectNode analysis = (ObjectNode) schema.path("settings").path("analysis");
    ObjectNode analyzers = (ObjectNode) analysis.get("analyzer");
    analyzers.putObject("m_max").put("type", "custom").put("tokenizer", "ik_max_word").putArray("filter").add("lowercase");
    analyzers.putObject("m_smart").put("type", "custom").put("tokenizer", "ik_smart").putArray("filter").add("lowercase");
    ObjectNode body = JSON.createObjectNode();
    body.putObject("settings").put("number_of_shards", 1).put("number_of_replicas", 0).set("analysis", analysis);
    ObjectNode props = body.putObject("mappings").putObject("properties");
    PAIRS.forEach((field, pair) -> props.putObject(field).put("type", "text").put("analyzer", pair[0])
        .put("search_analyzer", pair[1]));
    client.indices().create(CreateIndexRequest.of(b -> b.index(index).withJson(new StringReader(body.toString()))));
  }

  /** Indexes the seed paragraphs into every field; returns (paragraph id, query) pairs. */
  private static List<String[]> loadAndSample(ElasticsearchClient client, String index) throws IOException {
    var source = new SplitParagraphSource();
    List<BulkOperation> ops = new ArrayList<>();
    List<String[]> queries = new ArrayList<>();
    Random random = new Random(42);
    Set<String> titles = new LinkedHashSet<>();
    for (SeedFile f : SeedFile.scan(Seeds.original(), IndexOptions.FileRules.DEFAULTS).files().values()) {
      for (ParagraphDoc d : source.paragraphs(f.path())) {
        Map<String, String> doc = new LinkedHashMap<>();
        PAIRS.keySet().forEach(field -> doc.put(field, d.text()));
        ops.add(BulkOperation.of(b -> b.index(i -> i.index(index).id(d.id()).document(doc))));
        String han = d.text();
        // short headline-like paragraphs are the "titles" of the split source: whole-text queries
        if (han.length() <= 30 && titles.add(han)) {
          queries.add(new String[] {d.id(), han});
        }
        for (int k = 0; k < 2 && han.length() > 8; k++) {
          int len = 2 + random.nextInt(5);
          int start = random.nextInt(han.length() - len);
          String span = han.substring(start, start + len);
          if (span.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            queries.add(new String[] {d.id(), span});
          }
        }
      }
    }
    for (int i = 0; i < ops.size(); i += 200) {
      List<BulkOperation> batch = ops.subList(i, Math.min(ops.size(), i + 200));
      var response = client.bulk(b -> b.operations(batch));
      assertThat(response.errors()).isFalse();
    }
    client.indices().refresh(r -> r.index(index));
    return queries;
  }
}

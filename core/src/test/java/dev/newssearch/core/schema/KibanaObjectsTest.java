package dev.newssearch.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The Kibana saved objects in docker/kibana are written by hand; this keeps them on the one schema:
 * every field a data view, visualization or saved search names must be a field of the mapping.
 */
class KibanaObjectsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path NDJSON = Path.of("..", "docker", "kibana", "news-paragraphs.ndjson");

  @Test
  void every_field_the_kibana_objects_name_is_a_field_of_the_index_schema() throws IOException {
    Set<String> mapped = new TreeSet<>();
    IndexSchema.load().tree().path("mappings").path("properties").fieldNames().forEachRemaining(mapped::add);

    List<String> named = new ArrayList<>();
    for (String line : Files.readAllLines(NDJSON)) {
      if (line.isBlank()) continue;
      JsonNode object = JSON.readTree(line);
      JsonNode attributes = object.path("attributes");
      if (attributes.has("timeFieldName")) named.add(attributes.get("timeFieldName").asText());
      attributes.path("columns").forEach(c -> named.add(c.asText()));
      attributes.path("sort").forEach(s -> named.add(s.get(0).asText()));
      if (attributes.has("visState")) {
        JSON.readTree(attributes.get("visState").asText())
            .path("aggs")
            .forEach(agg -> {
              if (agg.path("params").has("field")) named.add(agg.path("params").get("field").asText());
            });
      }
    }

    assertThat(named).as("fields named by the Kibana objects").isNotEmpty().contains("date", "persons");
    assertThat(mapped).containsAll(named);
  }

  @Test
  void the_data_view_points_at_the_default_alias() throws IOException {
    JsonNode dataView = JSON.readTree(Files.readAllLines(NDJSON).get(0));
    assertThat(dataView.path("type").asText()).isEqualTo("index-pattern");
    assertThat(dataView.path("attributes").path("title").asText())
        .isEqualTo(dev.newssearch.core.es.EsConfig.DEFAULT_ALIAS);
  }
}

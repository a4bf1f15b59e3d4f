package dev.newssearch.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class IndexSchemaTest {
  private final IndexSchema schema = IndexSchema.load();

  @Test
  void every_field_constant_is_mapped_and_every_mapped_field_has_a_constant() {
    Set<String> constants = Arrays.stream(Fields.class.getDeclaredFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
        .map(f -> {
          try {
            return (String) f.get(null);
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        })
        .collect(Collectors.toSet());
    Set<String> mapped = new HashSet<>();
    var props = schema.tree().path("mappings").path("properties");
    props.fieldNames().forEachRemaining(name -> {
      mapped.add(name);
      props.path(name).path("fields").fieldNames().forEachRemaining(sub -> mapped.add(name + "." + sub));
    });
    assertThat(constants).isSubsetOf(mapped);
    assertThat(mapped.stream().filter(n -> !n.contains("."))).allMatch(constants::contains);
  }

  @Test
  void every_record_component_is_a_mapped_field() {
    var mapper = new ObjectMapper();
    JsonNode json = mapper.valueToTree(SAMPLE);
    Set<String> mapped = new HashSet<>();
    schema.tree().path("mappings").path("properties").fieldNames().forEachRemaining(mapped::add);
    json.fieldNames().forEachRemaining(name -> assertThat(mapped).contains(name));
  }

  private static final ParagraphDoc SAMPLE = new ParagraphDoc("p1", "a1", 1, "正文",
      new ParagraphDoc.ArticleMeta("标题", "引题", "副题", "2020-03-27", "dateline", "新华社", List.of("柳丝"),
          List.of("摄影:张三"), "北京", "01版"),
      List.of("2020-03-26"), new ParagraphDoc.Entities(List.of("习近平"), List.of("北京"), List.of("新华社")),
      "000.txt", new ParagraphDoc.Hashes("fh", "ch", "dg"));

  @Test
  void the_document_is_flat_json_and_reads_back_as_the_same_record() throws Exception {
    var mapper = new ObjectMapper();
    JsonNode json = mapper.valueToTree(SAMPLE);
    assertThat(json.path("title").asText()).isEqualTo("标题");
    assertThat(json.path("persons").get(0).asText()).isEqualTo("习近平");
    assertThat(json.path("dup_group").asText()).isEqualTo("dg");
    assertThat(json.has("article") || json.has("entities") || json.has("hashes")).isFalse();
    assertThat(json.size()).isEqualTo(22);
    assertThat(mapper.treeToValue(json, ParagraphDoc.class)).isEqualTo(SAMPLE);
  }

  @Test
  void the_texts_ik_segments_are_the_ones_a_new_dictionary_word_can_change() {
    assertThat(schema.dictionaryFields()).containsExactlyInAnyOrder(
        Fields.TEXT, Fields.TITLE, Fields.KICKER, Fields.SUBTITLE);
  }

  @Test
  void mapping_is_strict_so_a_wrong_field_is_an_error() {
    assertThat(schema.tree().path("mappings").path("dynamic").asText()).isEqualTo("strict");
  }

  @Test
  void facet_fields_are_keywords_with_eager_global_ordinals() {
    JsonNode props = schema.tree().path("mappings").path("properties");
    for (String facet : new String[] {Fields.PERSONS, Fields.REPORTERS, Fields.CONTRIBUTORS, Fields.PLACES,
        Fields.ORGANIZATIONS, Fields.SOURCE, Fields.FILE, Fields.EDITION, Fields.DATE_EVIDENCE}) {
      assertThat(props.path(facet).path("type").asText()).as(facet).isEqualTo("keyword");
      assertThat(props.path(facet).path("eager_global_ordinals").asBoolean()).as(facet).isTrue();
    }
  }

  @Test
  void body_text_stores_offsets_for_the_unified_highlighter() {
    assertThat(schema.tree().path("mappings").path("properties").path(Fields.TEXT).path("index_options").asText())
        .isEqualTo("offsets");
  }

  @Test
  void every_analyzed_text_field_and_chars_subfield_reads_traditional_characters_as_simplified() {
    JsonNode analysis = schema.tree().path("settings").path("analysis");
    assertThat(analysis.path("char_filter").path("news_t2s").path("type").asText()).isEqualTo("news_t2s");
    JsonNode props = schema.tree().path("mappings").path("properties");
    Set<String> analyzers = new HashSet<>();
    props.fields().forEachRemaining(field -> {
      if (field.getValue().path("type").asText().equals("text")) {
        analyzers.add(field.getValue().path("analyzer").asText());
        if (field.getValue().has("search_analyzer")) {
          analyzers.add(field.getValue().path("search_analyzer").asText());
        }
        field.getValue().path("fields").fields().forEachRemaining(sub -> {
          if (sub.getValue().path("type").asText().equals("text")) {
            analyzers.add(sub.getValue().path("analyzer").asText());
          }
        });
      }
    });
    assertThat(analyzers).contains("text_index", "text_search", "text_chars");
    for (String name : analyzers) {
      JsonNode analyzer = analysis.path("analyzer").path(name);
      assertThat(analyzer.isMissingNode()).as("%s is a custom analyzer of the schema", name).isFalse();
      assertThat(analyzer.path("char_filter").toString()).as(name).contains("\"news_t2s\"");
    }
    assertThat(props.path(Fields.TEXT).path("fields").path("chars").path("analyzer").asText()).isEqualTo("text_chars");
    assertThat(analysis.path("analyzer").path("text_chars").path("tokenizer").asText()).isEqualTo("standard");
  }

  @Test
  void fingerprint_ignores_whitespace_and_key_order_but_not_content() {
    String reordered = "{\"mappings\":" + schema.tree().get("mappings") + ",\n  \"settings\":"
        + schema.tree().get("settings") + "}";
    assertThat(IndexSchema.parse(reordered).fingerprint()).isEqualTo(schema.fingerprint());
    String changed = schema.json().replace("\"max_result_window\":10000", "\"max_result_window\":20000");
    assertThat(changed).isNotEqualTo(schema.json());
    assertThat(IndexSchema.parse(changed).fingerprint()).isNotEqualTo(schema.fingerprint());
  }

  @Test
  void create_request_body_carries_overrides_and_meta_without_touching_the_schema() {
    String body = schema.createIndexJson(Map.of("refresh_interval", "-1"), Map.of("files", Map.of("a.txt", "h")));
    assertThat(body).contains("\"refresh_interval\":\"-1\"").contains("\"a.txt\":\"h\"").contains("schema_version");
    assertThat(schema.refreshInterval()).isEqualTo("1s");
  }

  @Test
  void a_schema_without_mappings_is_refused_with_a_message() {
    assertThatThrownBy(() -> IndexSchema.parse("{\"settings\":{}}"))
        .hasMessageContaining("'settings' and 'mappings'");
  }
}

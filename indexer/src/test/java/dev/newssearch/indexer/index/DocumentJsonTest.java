package dev.newssearch.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newssearch.core.schema.Fields;
import dev.newssearch.core.schema.ParagraphDoc;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentJsonTest {
  private static ParagraphDoc doc(List<String> persons, String title) {
    return new ParagraphDoc("id1", "a1", 1, "习近平主席在峰会上发表重要讲话",
        new ParagraphDoc.ArticleMeta(title, null, null, "2020-03-27", "dateline", "新华社", List.of("柳丝"), List.of(),
            "北京", null),
        List.of(), new ParagraphDoc.Entities(persons, List.of("北京"), List.of("二十国集团")), "000.txt",
        new ParagraphDoc.Hashes("fh", "ch", "dg"));
  }

  private static JsonNode json(ParagraphDoc doc) throws Exception {
    return new ObjectMapper().readTree(DocumentJson.of(doc).asInputStream());
  }

  @Test
  void the_document_is_the_records_json_with_its_suggest_inputs_beside() throws Exception {
    var doc = doc(List.of("习近平"), "守望相助 共克时艰");
    var json = (com.fasterxml.jackson.databind.node.ObjectNode) json(doc);
    json.remove(Fields.SUGGEST);
    assertThat(json).isEqualTo(dev.newssearch.core.es.EsClients.objectMapper().valueToTree(doc));
  }

  @Test
  void suggest_inputs_are_persons_then_places_organisations_and_the_title() throws Exception {
    var json = json(doc(List.of("习近平"), "守望相助 共克时艰"));

    assertThat(json.get(Fields.SUGGEST).get("input")).extracting(n -> n.asText())
        .containsExactly("习近平", "北京", "二十国集团", "守望相助 共克时艰");
    assertThat(json.get(Fields.SUGGEST).get("weight").asInt()).isEqualTo(2);
    assertThat(json.get(Fields.DATELINE_PLACE).asText()).isEqualTo("北京");
  }

  @Test
  void reserved_completion_characters_and_blank_inputs_are_dropped() {
    var inputs = DocumentJson.suggestInputs(doc(List.of("习\u001F近平", " "), null));
    assertThat(inputs).containsExactly("习近平", "北京", "二十国集团");
  }

  @Test
  void null_fields_are_left_out_so_strict_mapping_sees_only_known_names() throws Exception {
    var json = json(doc(List.of(), "标题"));
    assertThat(json.has(Fields.KICKER)).isFalse();
    json.fieldNames().forEachRemaining(name -> assertThat(name).matches("[a-z_]+"));
  }
}

package dev.newssearch.indexer.index;

import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newssearch.core.es.EsClients;
import dev.newssearch.core.schema.Fields;
import dev.newssearch.core.schema.ParagraphDoc;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The JSON sent for a paragraph: the record's fields plus the {@code suggest} completion inputs, written once
 * into the bytes the bulk request carries (the client passes {@link BinaryData} through as it is, where a tree
 * would be built and then serialized again on the bulk sender's thread).
 */
final class DocumentJson {
  private static final ObjectMapper MAPPER = EsClients.objectMapper();
  /** Lucene's completion field refuses inputs with these reserved characters. */
  private static final String RESERVED = "\u001F\u001E\u0000";
  private static final int MAX_INPUT_CHARS = 50;
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private DocumentJson() {}

  static BinaryData of(ParagraphDoc doc) {
    List<String> inputs = suggestInputs(doc);
    // a paragraph that names people ranks its suggestions above one that only has a title
    Object json = inputs.isEmpty() ? doc : new WithSuggest(doc, new Suggest(inputs, 1 + Math.min(doc.persons().size(), 20)));
    try {
      return BinaryData.of(MAPPER.writeValueAsBytes(json), ContentType.APPLICATION_JSON);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a paragraph record always serializes: " + doc.id(), e);
    }
  }

  private record WithSuggest(@JsonUnwrapped ParagraphDoc doc, @JsonProperty(Fields.SUGGEST) Suggest suggest) {}

  private record Suggest(List<String> input, int weight) {}

  /** Persons first, then places, organisations and the article title; cleaned, unique, bounded. */
  static List<String> suggestInputs(ParagraphDoc doc) {
    Set<String> inputs = new LinkedHashSet<>();
    doc.persons().forEach(v -> addInput(inputs, v));
    doc.places().forEach(v -> addInput(inputs, v));
    doc.organizations().forEach(v -> addInput(inputs, v));
    addInput(inputs, doc.title());
    return List.copyOf(inputs);
  }

  private static void addInput(Set<String> inputs, String value) {
    if (value == null) {
      return;
    }
    String s = plain(value) ? value : SPACES.matcher(withoutReserved(value).strip()).replaceAll(" ");
    if (s.isEmpty()) {
      return;
    }
    inputs.add(s.length() > MAX_INPUT_CHARS ? s.substring(0, MAX_INPUT_CHARS) : s);
  }

  /** Nearly every name and title: no reserved character, no space but single ones between words. */
  private static boolean plain(String value) {
    if (value.isEmpty()) return true;
    if (Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1))) return false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (RESERVED.indexOf(c) >= 0) return false;
      if (Character.isWhitespace(c) && (c != ' ' || Character.isWhitespace(value.charAt(i + 1)))) return false;
    }
    return true;
  }

  private static String withoutReserved(String value) {
    StringBuilder clean = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      if (RESERVED.indexOf(value.charAt(i)) < 0) clean.append(value.charAt(i));
    }
    return clean.toString();
  }
}

package dev.newssearch.api.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The sort values of the last hit of a page (Elasticsearch's {@code search_after}), with the sort
 * order they belong to, as an opaque URL-safe string.
 */
public record Cursor(SortOrder sort, List<FieldValue> after) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public Cursor {
    after = List.copyOf(after);
  }

  public String encode() {
    ObjectNode root = JSON.createObjectNode();
    root.put("s", sort.param());
    ArrayNode values = root.putArray("a");
    for (FieldValue v : after) {
      switch (v._kind()) {
        case Long -> values.add(v.longValue());
        case Double -> values.add(v.doubleValue());
        case String -> values.add(v.stringValue());
        case Boolean -> values.add(v.booleanValue());
        default -> values.addNull();
      }
    }
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(root.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes a cursor; {@link IllegalArgumentException} when it is not one of ours. */
  public static Cursor decode(String text) {
    try {
      JsonNode root = JSON.readTree(new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8));
      SortOrder sort = SortOrder.fromParam(root.path("s").asText())
          .orElseThrow(() -> new IllegalArgumentException("unknown sort in cursor"));
      JsonNode array = root.get("a");
      if (array == null || !array.isArray() || array.isEmpty()) {
        throw new IllegalArgumentException("no sort values in cursor");
      }
      List<FieldValue> values = new ArrayList<>();
      for (JsonNode n : array) {
        if (n.isIntegralNumber()) {
          values.add(FieldValue.of(n.longValue()));
        } else if (n.isNumber()) {
          values.add(FieldValue.of(n.doubleValue()));
        } else if (n.isTextual()) {
          values.add(FieldValue.of(n.textValue()));
        } else if (n.isBoolean()) {
          values.add(FieldValue.of(n.booleanValue()));
        } else if (n.isNull()) {
          values.add(FieldValue.NULL);
        } else {
          throw new IllegalArgumentException("bad value in cursor");
        }
      }
      return new Cursor(sort, values);
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalArgumentException("not a cursor", e);
    }
  }
}

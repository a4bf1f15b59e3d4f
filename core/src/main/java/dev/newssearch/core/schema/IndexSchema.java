package dev.newssearch.core.schema;

import dev.newssearch.core.hash.Sha256;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The paragraph index's settings and mappings, loaded from the single source of truth
 * {@code schema/news-paragraphs.json} on the classpath (core module).
 *
 * <p>Use {@link #createIndexJson(Map, Map)} with {@code CreateIndexRequest.of(b -> b.index(name).withJson(reader))}.
 * The {@link #fingerprint()} is a hash of the canonical JSON (keys sorted, whitespace ignored): the
 * indexer stores it in each index's {@code _meta} and rebuilds when it no longer matches.
 *
 * <h2>Why these analyzers (measured by {@code AnalyzerChoiceIT} in the indexer)</h2>
 * {@code text}, {@code title}, {@code kicker} and {@code subtitle} are indexed with {@code ik_max_word}
 * (every dictionary word, overlapping) and searched with {@code ik_max_word} plus the project's
 * {@code news_synonym} filter. {@code ik_smart} tokens are not a subset of {@code ik_max_word} tokens,
 * and over the seeds the pair index max_word / search smart misses about twice as many of its own
 * spans as max_word / max_word; the figures are in
 * {@code indexer/src/test/resources/index/analyzer-measurement.md}.
 *
 * <p>No IK pair finds every exact span a reader may type (a span that cuts a dictionary word has no
 * token), so {@code text.chars} indexes the body one Han character per token ({@code standard}):
 * {@code match_phrase} on it finds any exact substring, a recall fallback for the search API.
 *
 * <p>The {@code suggest} completion field uses the built-in {@code keyword} analyzer: a name or a title
 * is one input, so the prefix {@code 习} or {@code 习近} completes to {@code 习近平}. {@code simple} would
 * drop digits ({@code G20}) and {@code standard} would split every Han character; the keyword tokenizer
 * (for a custom analyzer with lowercase) is not in this distribution, so prefixes are case-sensitive.
 */
public final class IndexSchema {
  /** Classpath location of the schema resource. */
  public static final String RESOURCE = "schema/news-paragraphs.json";

  /** Keys the indexer writes into each physical index's {@code _meta} mapping. */
  public static final String META_SCHEMA_FINGERPRINT = "schema_fingerprint";
  public static final String META_DICTIONARY_FINGERPRINT = "dictionary_fingerprint";
  /** Object: seed file name → sha256 of its bytes, for the files fully indexed in this index. */
  public static final String META_FILES = "files";
  /** Object: summary of the last run that wrote this index. */
  public static final String META_LAST_RUN = "last_run";
  public static final String META_BUILT_AT = "built_at";

  private static final ObjectMapper CANONICAL =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private final ObjectNode tree;
  private final String fingerprint;

  private IndexSchema(ObjectNode tree) {
    this.tree = tree;
    this.fingerprint = Sha256.hex(canonical(tree)).substring(0, 16);
  }

  /** Loads the schema shipped in the core jar. */
  public static IndexSchema load() {
    try (InputStream in = IndexSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("schema resource " + RESOURCE + " is not on the classpath");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Parses a schema from JSON text (tests use this to simulate a schema change). */
  public static IndexSchema parse(String json) {
    try {
      JsonNode node = CANONICAL.readTree(json);
      if (!(node instanceof ObjectNode obj) || !obj.has("settings") || !obj.has("mappings")) {
        throw new IllegalArgumentException("an index schema needs top-level 'settings' and 'mappings'");
      }
      return new IndexSchema(obj);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("index schema is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** 16 hex digits identifying the settings + mappings; changes when any of them changes. */
  public String fingerprint() {
    return fingerprint;
  }

  /** A deep copy of the schema as a JSON tree. */
  public ObjectNode tree() {
    return tree.deepCopy();
  }

  public String json() {
    return tree.toString();
  }

  /** The refresh interval the schema asks for once an index is live (bulk loads switch it off). */
  public String refreshInterval() {
    JsonNode settings = tree.path("settings");
    JsonNode value = settings.path("refresh_interval");
    if (value.isMissingNode()) {
      value = settings.path("index").path("refresh_interval");
    }
    return value.isMissingNode() ? "1s" : value.asText();
  }

  /** Names of the analyzers the schema defines (for {@code _analyze} checks). */
  public java.util.List<String> analyzerNames() {
    var names = new java.util.ArrayList<String>();
    tree.path("settings").path("analysis").path("analyzer").fieldNames().forEachRemaining(names::add);
    return names;
  }

  /**
   * The top-level source fields whose text goes through an IK tokenizer (in the field or one of its
   * subfields): the fields whose analysis depends on the node's dictionaries.
   */
  public java.util.List<String> dictionaryFields() {
    JsonNode analyzers = tree.path("settings").path("analysis").path("analyzer");
    var out = new java.util.ArrayList<String>();
    tree.path("mappings").path("properties").fields().forEachRemaining(field -> {
      var analysed = new java.util.ArrayList<JsonNode>(java.util.List.of(field.getValue()));
      field.getValue().path("fields").forEach(analysed::add);
      if (analysed.stream().anyMatch(f ->
          analyzers.path(f.path("analyzer").asText()).path("tokenizer").asText().startsWith("ik_"))) {
        out.add(field.getKey());
      }
    });
    return out;
  }

  /**
   * A custom analyzer's components, each named by its type (a name the schema defines is resolved to its
   * definition's {@code type}; any other is a built-in type), and the components that carry settings beyond
   * their type (as {@code kind name}).
   */
  public record AnalyzerChain(java.util.List<String> charFilters, String tokenizer, java.util.List<String> filters,
      java.util.List<String> withSettings) {}

  /** The analyzer of a mapped field, {@code text.chars} for a subfield; its search analyzer when it has one apart. */
  public AnalyzerChain analyzerOf(String field, boolean search) {
    String[] path = field.split("\\.");
    JsonNode node = tree.path("mappings").path("properties").path(path[0]);
    for (int i = 1; i < path.length; i++) {
      node = node.path("fields").path(path[i]);
    }
    if (node.isMissingNode()) {
      throw new IllegalArgumentException("the schema maps no field " + field);
    }
    String name = search && node.has("search_analyzer") ? node.path("search_analyzer").asText()
        : node.path("analyzer").asText("standard");
    JsonNode analysis = tree.path("settings").path("analysis");
    JsonNode analyzer = analysis.path("analyzer").path(name);
    if (!analyzer.path("type").asText().equals("custom")) {
      throw new IllegalArgumentException(field + " is analysed by [" + name + "], which is not a custom analyzer of the schema");
    }
    var withSettings = new java.util.ArrayList<String>();
    java.util.function.BiFunction<String, String, String> type = (kind, component) -> {
      JsonNode definition = analysis.path(kind).path(component);
      if (definition.isMissingNode()) {
        return component;
      }
      if (definition.size() > 1) {
        withSettings.add(kind + " " + component);
      }
      return definition.path("type").asText();
    };
    var charFilters = new java.util.ArrayList<String>();
    analyzer.path("char_filter").forEach(c -> charFilters.add(type.apply("char_filter", c.asText())));
    String tokenizer = type.apply("tokenizer", analyzer.path("tokenizer").asText());
    var filters = new java.util.ArrayList<String>();
    analyzer.path("filter").forEach(c -> filters.add(type.apply("filter", c.asText())));
    return new AnalyzerChain(java.util.List.copyOf(charFilters), tokenizer, java.util.List.copyOf(filters),
        java.util.List.copyOf(withSettings));
  }

  /**
   * The body of a create-index request: the schema with {@code settingOverrides} put into
   * {@code settings} (e.g. {@code refresh_interval: -1} during a bulk load) and {@code meta} merged
   * into {@code mappings._meta}.
   */
  public String createIndexJson(Map<String, ?> settingOverrides, Map<String, ?> meta) {
    ObjectNode copy = tree.deepCopy();
    ObjectNode settings = (ObjectNode) copy.get("settings");
    settingOverrides.forEach((k, v) -> settings.set(k, CANONICAL.valueToTree(v)));
    ObjectNode mappings = (ObjectNode) copy.get("mappings");
    ObjectNode metaNode = mappings.has("_meta") ? (ObjectNode) mappings.get("_meta") : mappings.putObject("_meta");
    meta.forEach((k, v) -> metaNode.set(k, CANONICAL.valueToTree(v)));
    return copy.toString();
  }

  /** {@link #createIndexJson(Map, Map)} as a reader for {@code withJson}. */
  public StringReader createIndexReader(Map<String, ?> settingOverrides, Map<String, ?> meta) {
    return new StringReader(createIndexJson(settingOverrides, meta));
  }

  /** The static {@code _meta} the schema itself declares (schema name and version). */
  public ObjectNode declaredMeta() {
    JsonNode meta = tree.path("mappings").path("_meta");
    return meta instanceof ObjectNode o ? o.deepCopy() : CANONICAL.createObjectNode();
  }

  private static String canonical(JsonNode node) {
    try {
      // Jackson sorts map entries only for Maps, so go through a Map to sort ObjectNode keys
      Object asMap = CANONICAL.treeToValue(node, Object.class);
      return CANONICAL.writeValueAsString(asMap);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

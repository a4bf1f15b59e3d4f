package dev.newssearch.core.es;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The roles of the compose stack (docker/security/roles) grant what the code calls and nothing more.
 * The Elasticsearch calls are read from the indexer's and the API's sources, each mapped to the
 * named privilege that allows it; a call missing from the table fails the test until someone says
 * what it needs.
 */
class SecurityRolesTest {
  private static final Path ROLES = Path.of("..", "docker", "security", "roles");
  private static final Path COMPOSE = Path.of("..", "docker", "docker-compose.yml");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Java client call → the smallest named index privilege that allows it (Elasticsearch 8 docs). */
  private static final Map<String, String> INDEX_CALL = Map.ofEntries(
      Map.entry("indices().create", "manage"),         // create_index, with mappings and settings
      Map.entry("indices().delete", "manage"),         // delete_index of old versions
      Map.entry("indices().putSettings", "manage"),
      Map.entry("indices().putMapping", "manage"),     // the manifest in _meta
      Map.entry("indices().refresh", "manage"),        // maintenance
      Map.entry("indices().updateAliases", "manage"),  // on the index and on the alias
      Map.entry("indices().analyze", "manage"),        // _analyze on an index (which learned names it splits)
      Map.entry("indices().close", "manage"),          // reopening a new index re-reads the dictionaries
      Map.entry("indices().open", "manage"),
      Map.entry("indices().exists", "view_index_metadata"),
      Map.entry("indices().existsAlias", "view_index_metadata"),
      Map.entry("indices().getAlias", "view_index_metadata"),
      Map.entry("indices().get", "view_index_metadata"),
      Map.entry("indices().getMapping", "view_index_metadata"),
      Map.entry("search", "read"),
      Map.entry("msearch", "read"),
      Map.entry("count", "read"),
      Map.entry("openPointInTime", "read"),
      Map.entry("closePointInTime", "read"),
      Map.entry("bulk", "write"));
  /** Java client call → the named cluster privilege that allows it. */
  private static final Map<String, String> CLUSTER_CALL = Map.of("cluster().health", "monitor");
  /** What a named index privilege includes besides itself. */
  private static final Map<String, Set<String>> IMPLIES = Map.of("manage", Set.of("view_index_metadata"));

  private static final Pattern NAMESPACED = Pattern.compile("\\.(indices|cluster)\\(\\)\\.(\\w+)\\(");
  private static final Pattern TOP_LEVEL = Pattern.compile(
      "\\b(?:client|es)\\.(search|count|openPointInTime|closePointInTime|get|mget|index|delete|bulk|msearch|"
          + "scroll|clearScroll|info|ping|updateByQuery|deleteByQuery|reindex|update|exists)\\(");
  private static final Pattern BULK = Pattern.compile("\\bBulkIngester\\b|\\bBulkOperation\\b|\\.bulk\\(");

  private record Needs(Set<String> index, Set<String> cluster, List<String> calls) {}

  @Test
  void the_indexer_role_grants_exactly_what_the_indexer_calls_on_the_alias_and_its_versions() throws IOException {
    Needs needs = needs(Path.of("..", "indexer", "src", "main", "java"));
    JsonNode role = role("news_indexer");
    assertThat(privileges(role.path("cluster"))).as("cluster privileges for %s", needs.calls()).isEqualTo(needs.cluster());
    assertThat(indexPrivileges(role)).as("index privileges for %s", needs.calls()).isEqualTo(needs.index());
    assertThat(names(role)).containsExactlyInAnyOrder(EsConfig.DEFAULT_ALIAS, EsConfig.DEFAULT_ALIAS + "-v*");
    assertThat(source(Path.of("..", "indexer", "src", "main", "java"))).as("versioned index names are <alias>-v…")
        .contains("alias + \"-v\"");
  }

  @Test
  void the_api_role_is_read_only_on_the_alias() throws IOException {
    Needs needs = needs(Path.of("..", "search-api", "src", "main", "java"));
    JsonNode role = role("news_reader");
    assertThat(privileges(role.path("cluster"))).as("cluster privileges for %s", needs.calls()).isEqualTo(needs.cluster());
    assertThat(indexPrivileges(role)).as("index privileges for %s", needs.calls()).isEqualTo(needs.index())
        .doesNotContain("write", "manage", "all", "delete", "index", "create_index", "delete_index");
    assertThat(names(role)).containsExactly(EsConfig.DEFAULT_ALIAS);
  }

  @Test
  void the_compose_stack_has_security_on_users_per_service_and_no_port_on_all_interfaces() throws IOException {
    String compose = Files.readString(COMPOSE);
    assertThat(compose).contains("xpack.security.enabled: \"true\"").doesNotContain("xpack.security.enabled: \"false\"")
        .contains("ELASTIC_PASSWORD_FILE").contains("ELASTICSEARCH_USERNAME: kibana_system")
        .contains("ES_USER: news_indexer").contains("ES_USER: news_api");
    List<String> ports = compose.lines().filter(l -> l.strip().startsWith("ports:")).toList();
    assertThat(ports).isNotEmpty().allSatisfy(l -> assertThat(l).contains("\"${BIND:-127.0.0.1}:").doesNotContain("0.0.0.0"));
    String setup = Files.readString(Path.of("..", "docker", "security", "setup.sh"));
    // user news_indexer gets role news_indexer, user news_api role news_reader
    assertThat(setup).contains("[\\\"news_indexer\\\"]").contains("[\\\"news_reader\\\"]")
        .contains("/_security/user/news_indexer").contains("/_security/user/news_api");
  }

  private static Needs needs(Path sources) throws IOException {
    String code = source(sources);
    Set<String> index = new TreeSet<>();
    Set<String> cluster = new TreeSet<>();
    List<String> calls = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    Matcher m = NAMESPACED.matcher(code);
    while (m.find()) {
      calls.add(m.group(1) + "()." + m.group(2));
    }
    m = TOP_LEVEL.matcher(code);
    while (m.find()) {
      calls.add(m.group(1));
    }
    if (BULK.matcher(code).find()) {
      calls.add("bulk");
    }
    for (String call : new TreeSet<>(calls)) {
      if (INDEX_CALL.containsKey(call)) {
        index.add(INDEX_CALL.get(call));
      } else if (CLUSTER_CALL.containsKey(call)) {
        cluster.add(CLUSTER_CALL.get(call));
      } else {
        unknown.add(call);
      }
    }
    assertThat(unknown).as("Elasticsearch calls in %s with no privilege in this test's table", sources).isEmpty();
    // the smallest set: drop what another privilege in the set already includes
    Set<String> minimal = new TreeSet<>(index);
    index.forEach(p -> minimal.removeAll(IMPLIES.getOrDefault(p, Set.of())));
    return new Needs(minimal, cluster, new ArrayList<>(new TreeSet<>(calls)));
  }

  private static String source(Path root) throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        all.append(Files.readString(f)).append('\n');
      }
    }
    return all.toString();
  }

  private static JsonNode role(String name) throws IOException {
    return JSON.readTree(ROLES.resolve(name + ".json").toFile());
  }

  private static Set<String> privileges(JsonNode array) {
    Set<String> out = new TreeSet<>();
    array.forEach(p -> out.add(p.asText()));
    return out;
  }

  private static Set<String> indexPrivileges(JsonNode role) {
    Set<String> out = new TreeSet<>();
    role.path("indices").forEach(i -> out.addAll(privileges(i.path("privileges"))));
    return out;
  }

  private static List<String> names(JsonNode role) {
    List<String> out = new ArrayList<>();
    role.path("indices").forEach(i -> i.path("names").forEach(n -> out.add(n.asText())));
    return out;
  }
}

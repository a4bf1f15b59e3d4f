package dev.newssearch.core.es;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EsConfigTest {
  @Test
  void es_url_takes_several_nodes_of_one_cluster() {
    EsConfig c = EsConfig.fromEnv(Map.of("ES_URL", "http://127.0.0.1:9660, http://127.0.0.1:9661,http://127.0.0.1:9662"));
    assertThat(c.hosts()).containsExactly(URI.create("http://127.0.0.1:9660"), URI.create("http://127.0.0.1:9661"),
        URI.create("http://127.0.0.1:9662"));
    assertThat(c.url()).isEqualTo(URI.create("http://127.0.0.1:9660"));
    assertThat(EsConfig.fromEnv(Map.of("ES_HOSTS", "http://a:9200,http://b:9200")).hosts()).hasSize(2);
    assertThat(EsConfig.fromEnv(Map.of()).hosts()).containsExactly(URI.create(EsConfig.DEFAULT_URL));
  }

  @Test
  void credentials_in_the_url_become_the_user_and_leave_the_hosts() {
    EsConfig c = EsConfig.fromEnv(Map.of("ES_URL", "https://elastic:s3cr%40t@es1.example:9200,https://es2.example:9200"));
    assertThat(c.username()).isEqualTo("elastic");
    assertThat(c.password()).isEqualTo("s3cr@t");
    assertThat(c.hosts()).allSatisfy(h -> assertThat(h.getUserInfo()).isNull());
    assertThat(c.toString()).doesNotContain("s3cr").contains("basic(elastic)");
    EsConfig explicit = EsConfig.fromEnv(Map.of("ES_URL", "http://u:p@h:9200", "ES_USER", "api", "ES_PASSWORD", "x"));
    assertThat(explicit.username()).as("ES_USER wins over the URL").isEqualTo("api");
  }

  @Test
  void the_password_can_come_from_a_mounted_secret_file(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path secret = java.nio.file.Files.writeString(dir.resolve("news_api"), "Zq8w1mXr\n");
    EsConfig c = EsConfig.fromEnv(Map.of("ES_USER", "news_api", "ES_PASSWORD_FILE", secret.toString()));
    assertThat(c.password()).isEqualTo("Zq8w1mXr");
    assertThatThrownBy(() -> EsConfig.fromEnv(Map.of("ES_USER", "u", "ES_PASSWORD_FILE", dir.resolve("none").toString())))
        .hasMessageContaining("ES_PASSWORD_FILE");
  }

  @Test
  void a_refused_url_is_reported_without_its_password() {
    assertThatThrownBy(() -> EsConfig.fromEnv(Map.of("ES_URL", "http://elastic:s3cret@h:9200,ftp://elastic:s3cret@x")))
        .hasMessageContaining("ES_URL").hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> EsConfig.fromEnv(Map.of("ES_URL", "http://elastic:s3cret@h 1:9200")))
        .hasMessageContaining("ES_URL").hasMessageNotContaining("s3cret");
    assertThat(EsConfig.maskText("GET http://elastic:s3cret@h:9200/x")).isEqualTo("GET http://elastic:***@h:9200/x");
  }

  @Test
  void nodes_of_one_cluster_share_scheme_and_path() {
    assertThatThrownBy(() -> EsConfig.fromEnv(Map.of("ES_URL", "http://a:9200,https://b:9200")))
        .hasMessageContaining("share scheme");
    assertThatThrownBy(() -> EsConfig.fromEnv(Map.of("ES_URL", "http://a:9200", "ES_HOSTS", "http://b:9200")))
        .hasMessageContaining("not both");
  }

  @Test
  void the_client_knows_every_node() throws Exception {
    EsConfig c = EsConfig.fromEnv(Map.of("ES_URL", "http://127.0.0.1:9660,http://127.0.0.1:9661"));
    try (var rest = EsClients.restClient(c)) {
      assertThat(rest.getNodes()).extracting(n -> n.getHost().toURI())
          .containsExactly("http://127.0.0.1:9660", "http://127.0.0.1:9661");
    }
  }

  @Test
  void sniffing_is_off_unless_es_sniff_s_names_an_interval() {
    assertThat(EsConfig.fromEnv(Map.of()).sniffs()).isFalse();
    EsConfig c = EsConfig.fromEnv(Map.of("ES_URL", "http://127.0.0.1:9660", "ES_SNIFF_S", "30"));
    assertThat(c.sniffInterval()).isEqualTo(java.time.Duration.ofSeconds(30));
    assertThat(c.withAlias("other").sniffs()).as("kept by the with- copies").isTrue();
    assertThatThrownBy(() -> EsConfig.fromEnv(Map.of("ES_SNIFF_S", "soon"))).hasMessageContaining("ES_SNIFF_S");
    assertThatThrownBy(() -> EsConfig.fromEnv(Map.of("ES_SNIFF_S", "-1"))).hasMessageContaining("ES_SNIFF_S");
  }

  @Test
  void a_nodes_answer_becomes_one_node_per_http_publish_address() throws Exception {
    var answer = new com.fasterxml.jackson.databind.ObjectMapper().readTree("""
        {"nodes":{"a":{"http":{"publish_address":"127.0.0.1:9201"}},
                  "b":{"http":{"publish_address":"es2.example/10.0.0.2:9200"}},
                  "c":{"http":{"publish_address":"[::1]:9203"}}}}""");
    assertThat(NodeSniffer.nodes(answer, "https")).extracting(n -> n.getHost().getSchemeName() + " "
            + n.getHost().getHostName() + " " + n.getHost().getPort())
        .containsExactly("https 127.0.0.1 9201", "https 10.0.0.2 9200", "https ::1 9203");
  }
}

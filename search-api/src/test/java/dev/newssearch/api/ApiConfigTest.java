package dev.newssearch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiConfigTest {
  @Test
  void defaults_suit_the_embedded_setup() {
    ApiConfig c = ApiConfig.fromEnv(Map.of());
    assertThat(c.port()).isEqualTo(8080);
    assertThat(c.host()).as("loopback unless HOST says otherwise").isEqualTo("127.0.0.1");
    assertThat(ApiConfig.fromEnv(Map.of("HOST", "0.0.0.0")).host()).isEqualTo("0.0.0.0");
    assertThat(c.limits()).isEqualTo(dev.newssearch.api.http.Admission.Limits.defaults());
    assertThat(c.es().url().toString()).isEqualTo("http://127.0.0.1:9200");
    assertThat(c.es().alias()).isEqualTo("news-paragraphs");
    assertThat(c.corsOrigins()).isEmpty();
  }

  @Test
  void cors_origins_are_a_comma_separated_list() {
    ApiConfig c = ApiConfig.fromEnv(Map.of("CORS_ORIGINS", "https://a.example, http://localhost:3000"));
    assertThat(c.corsOrigins()).containsExactly("https://a.example", "http://localhost:3000");
    assertThat(ApiConfig.fromEnv(Map.of("CORS_ORIGINS", "*")).corsOrigins()).containsExactly("*");
  }

  @Test
  void bad_values_fail_fast_naming_the_variable() {
    assertThatThrownBy(() -> ApiConfig.fromEnv(Map.of("PORT", "eighty"))).hasMessageContaining("PORT");
    assertThatThrownBy(() -> ApiConfig.fromEnv(Map.of("PORT", "70000"))).hasMessageContaining("PORT");
    assertThatThrownBy(() -> ApiConfig.fromEnv(Map.of("CORS_ORIGINS", "a.example/path")))
        .hasMessageContaining("CORS_ORIGINS");
    assertThatThrownBy(() -> ApiConfig.fromEnv(Map.of("ES_URL", "localhost:9200"))).hasMessageContaining("ES_URL");
    assertThatThrownBy(() -> ApiConfig.fromEnv(Map.of("ES_TIMEOUT_MS", "soon"))).hasMessageContaining("ES_TIMEOUT_MS");
    assertThatThrownBy(() -> ApiConfig.fromEnv(Map.of("HEAVY_CONCURRENCY", "0"))).hasMessageContaining("HEAVY_CONCURRENCY");
    assertThatThrownBy(() -> ApiConfig.fromEnv(Map.of("CLIENT_CONCURRENCY", "many"))).hasMessageContaining("CLIENT_CONCURRENCY");
  }

  @Test
  void a_local_config_listens_on_loopback_on_a_free_port() {
    ApiConfig c = ApiConfig.local(ApiConfig.fromEnv(Map.of()).es());
    assertThat(c.host()).isEqualTo("127.0.0.1");
    assertThat(c.port()).isZero();
    assertThat(c.withCors(List.of("*")).corsOrigins()).containsExactly("*");
  }
}

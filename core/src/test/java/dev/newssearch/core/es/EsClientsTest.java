package dev.newssearch.core.es;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.http.Header;
import org.junit.jupiter.api.Test;

class EsClientsTest {
  private static String authorization(Map<String, String> env) {
    return EsClients.authHeaders(EsConfig.fromEnv(env)).stream().map(Header::getValue).findFirst().orElse(null);
  }

  @Test
  void a_user_and_password_go_up_front_as_basic_credentials() {
    assertThat(authorization(Map.of("ES_USER", "news_api", "ES_PASSWORD", "s3cr@t")))
        .isEqualTo("Basic bmV3c19hcGk6czNjckB0"); // base64 of news_api:s3cr@t
  }

  @Test
  void an_api_key_is_sent_as_one() {
    assertThat(authorization(Map.of("ES_API_KEY", "a2V5OnNlY3JldA=="))).isEqualTo("ApiKey a2V5OnNlY3JldA==");
  }

  @Test
  void an_open_node_gets_no_credentials() {
    assertThat(authorization(Map.of("ES_URL", "http://127.0.0.1:9200"))).isNull();
  }
}

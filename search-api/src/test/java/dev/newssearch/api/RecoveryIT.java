package dev.newssearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newssearch.core.es.BlockingHttpClient;
import dev.newssearch.core.es.EsClients;
import dev.newssearch.localnode.junit.DeliberateFailures;
import io.javalin.Javalin;
import java.net.URI;
import org.junit.jupiter.api.Test;

class RecoveryIT {
  @Test
  @DeliberateFailures(value = "Elasticsearch is cut off and comes back", loggers = {ApiApp.class,
      EsClients.class, BlockingHttpClient.class})
  void the_service_starts_without_elasticsearch_and_recovers_when_it_comes_back() throws Exception {
    ApiFixture f = ApiFixture.get();
    try (TcpSwitch link = new TcpSwitch(f.es.url().getPort())) {
      Javalin app = ApiApp.create(ApiConfig.local(f.es.withUrl(URI.create("http://127.0.0.1:" + link.port())))).start();
      String base = "http://127.0.0.1:" + app.port();
      try {
        assertThat(f.getFrom(base, "/health").status()).isEqualTo(503);
        assertThat(f.getFrom(base, "/api/search", "q", "疫情").status()).isEqualTo(503);

        link.on();
        int status = 0;
        for (int i = 0; i < 60 && status != 200; i++) {
          status = f.getFrom(base, "/api/search", "q", "疫情").status();
          if (status != 200) {
            Thread.sleep(500);
          }
        }
        assertThat(status).as("answers again once Elasticsearch is back").isEqualTo(200);
        assertThat(f.getFrom(base, "/health").status()).isEqualTo(200);

        link.off();
        assertThat(f.getFrom(base, "/api/search", "q", "疫情").status()).isEqualTo(503);
      } finally {
        app.stop();
      }
    }
  }
}

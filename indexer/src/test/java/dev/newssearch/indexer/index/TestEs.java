package dev.newssearch.indexer.index;

import dev.newssearch.core.es.EsConfig;
import java.util.Locale;
import java.util.UUID;

/** The node the ITs talk to: {@code ES_URL} when set, else the local-es JUnit harness's node. */
final class TestEs {
  private TestEs() {}

  static EsConfig config() {
    String url = System.getenv("ES_URL");
    if (url != null && !url.isBlank()) {
      return EsConfig.fromEnv(System.getenv());
    }
    try {
      // looked up by name so this module compiles before the harness exists
      Class<?> node = Class.forName("dev.newssearch.localnode.junit.TestNode");
      return (EsConfig) node.getMethod("config").invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("set ES_URL or put local-es's TestNode on the test classpath", e);
    }
  }

  /** A config with an alias of its own, so tests never see each other's indices. */
  static EsConfig withFreshAlias(String prefix) {
    return config().withAlias(prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT));
  }
}

package dev.newssearch.indexer.index;

import dev.newssearch.core.es.EsConfig;
import dev.newssearch.localnode.junit.TestNode;
import java.util.Locale;
import java.util.UUID;

/** The node the ITs talk to: {@code ES_URL} when set, else the local-es harness's node on {@code ES_IT_PORT}. */
final class TestEs {
  private TestEs() {}

  static EsConfig config() {
    return TestNode.config();
  }

  /** A config with an alias of its own, so tests never see each other's indices. */
  static EsConfig withFreshAlias(String prefix) {
    return config().withAlias(prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT));
  }
}

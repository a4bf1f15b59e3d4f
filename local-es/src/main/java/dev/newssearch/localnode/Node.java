package dev.newssearch.localnode;

import java.net.URI;
import java.nio.file.Path;

/** One node's ports and folders: {@code <clusterDir>/nodes/<name>/{config,data,logs,tmp}}. */
public record Node(String name, int httpPort, int transportPort, Path dir) {

  public Path config() {
    return dir.resolve("config");
  }

  public Path data() {
    return dir.resolve("data");
  }

  public Path logs() {
    return dir.resolve("logs");
  }

  public Path tmp() {
    return dir.resolve("tmp");
  }

  /** Written by Elasticsearch itself ({@code -p}), so it holds the server JVM's pid. */
  public Path pidFile() {
    return dir.resolve("node.pid");
  }

  /** stdout and stderr of {@code bin/elasticsearch}: where "cannot run as root" style errors land. */
  public Path console() {
    return dir.resolve("console.log");
  }

  public Path serverLog(String clusterName) {
    return logs().resolve(clusterName + ".log");
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + httpPort);
  }
}

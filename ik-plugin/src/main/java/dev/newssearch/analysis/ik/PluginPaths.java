package dev.newssearch.analysis.ik;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

/**
 * Where this plugin's files live on a node: {@code $ES_PATH_CONF/analysis-ik/}.
 *
 * <p>A stable plugin is not given the node's {@code Environment}, and since 8.x the server JVM no
 * longer gets {@code -Des.path.conf} (checked on 8.19: only {@code es.path.home} is set; the paths
 * travel to the server over its stdin). What the server process does have is the environment the
 * {@code bin/elasticsearch} script ran with, so the order is: the {@code es.path.conf} property when
 * someone sets it, the {@code ES_PATH_CONF} variable, then the installation layout
 * {@code <home>/plugins/analysis-ik/*.jar} next to {@code <home>/config} (the default config folder).
 * This class is the plugin's edge: nothing else reads the environment.
 */
final class PluginPaths {

  static final String PLUGIN_NAME = "analysis-ik";

  private PluginPaths() {}

  static Optional<Path> pluginConfigDir() {
    String conf = System.getProperty("es.path.conf");
    if (conf != null && !conf.isBlank()) {
      return Optional.of(Path.of(conf, PLUGIN_NAME));
    }
    String envConf = System.getenv("ES_PATH_CONF");
    if (envConf != null && !envConf.isBlank()) {
      return Optional.of(Path.of(envConf, PLUGIN_NAME));
    }
    return fromCodeSource();
  }

  private static Optional<Path> fromCodeSource() {
    CodeSource source = PluginPaths.class.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return Optional.empty();
    }
    try {
      Path jar = Path.of(source.getLocation().toURI());
      Path pluginDir = jar.getParent();
      if (pluginDir == null || pluginDir.getParent() == null
          || !pluginDir.getParent().getFileName().toString().equals("plugins")) {
        return Optional.empty();
      }
      Path candidate = pluginDir.getParent().resolveSibling("config").resolve(PLUGIN_NAME);
      return Files.isDirectory(candidate) ? Optional.of(candidate) : Optional.empty();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}

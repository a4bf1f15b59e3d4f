package dev.newssearch.localnode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Elasticsearch refuses to run as root ("can not run elasticsearch as root"). When we are root, the
 * node runs as a system user instead, which needs to own its folders and to reach them.
 */
final class ServiceUser {

  static final String NAME = "elasticsearch";
  private static final Logger log = LoggerFactory.getLogger(ServiceUser.class);

  private ServiceUser() {}

  static boolean runningAsRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** Creates the system user unless it exists; safe to call from two launchers at once. */
  static void ensureExists() {
    if (run(List.of("id", "-u", NAME)).exitCode() == 0) {
      return;
    }
    Result created = run(List.of("useradd", "--system", "--no-create-home", "--user-group",
        "--shell", "/usr/sbin/nologin", NAME));
    // 9: "already exists", when another launcher created it in between
    if (created.exitCode() != 0 && created.exitCode() != 9) {
      throw new LauncherException("running as root, so Elasticsearch must run as user '" + NAME
          + "', but `useradd` failed (" + created.exitCode() + "): " + created.output());
    }
    log.info("created system user {}", NAME);
  }

  /** Gives the user its node folder, and lets it pass through the folders above (o+x only). */
  static void grant(Path nodeDir) {
    Result chown = run(List.of("chown", "-R", NAME + ":" + NAME, nodeDir.toString()));
    if (chown.exitCode() != 0) {
      throw new LauncherException("cannot chown " + nodeDir + " to " + NAME + ": " + chown.output());
    }
    for (Path dir = nodeDir.getParent(); dir != null; dir = dir.getParent()) {
      try {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir);
        if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
          perms.add(PosixFilePermission.OTHERS_EXECUTE);
          Files.setPosixFilePermissions(dir, perms);
          log.warn("added o+x to {} so that user {} can reach its node folder", dir, NAME);
        }
      } catch (IOException | UnsupportedOperationException e) {
        throw new LauncherException("user " + NAME + " cannot reach " + nodeDir + " because " + dir
            + " is not traversable and its permissions cannot be changed: " + e, e);
      }
    }
  }

  /** The command prefix that runs the rest as the service user, keeping the environment. */
  static List<String> asUser(List<String> command) {
    List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", NAME, "--"));
    wrapped.addAll(command);
    return wrapped;
  }

  record Result(int exitCode, String output) {}

  private static Result run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(-1, "timed out: " + command);
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      return new Result(-1, command.get(0) + " could not be run: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, "interrupted");
    }
  }
}

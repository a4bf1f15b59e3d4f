package dev.newssearch.localnode.junit;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the test node at the end of the JUnit launcher session (the whole surefire/failsafe run),
 * when {@link TestNode} started it. Starting is lazy, in {@link TestNode#config()}, so test runs
 * that never ask for Elasticsearch start nothing. Registered through
 * {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener} in the module that
 * runs the tests.
 */
public final class TestNodeSessionListener implements LauncherSessionListener {

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    TestNode.stopIfStartedHere();
  }
}

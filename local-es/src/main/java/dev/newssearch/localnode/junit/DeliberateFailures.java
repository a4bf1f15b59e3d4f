package dev.newssearch.localnode.junit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.slf4j.LoggerFactory;

/**
 * Marks a test that makes things fail on purpose (a node that is down, an alias that is missing, a
 * document the mapping refuses, a write block in the middle of a load). While it runs, the named
 * loggers print nothing, and one INFO line says why: the warnings they would print are what the test
 * asserts on, and a newcomer reading {@code ./mvnw verify} takes a screen of them for a broken build.
 * Everywhere else the loggers print as usual, so a WARN in the build log is one to read.
 *
 * <p>It lives beside {@link TestNode} so that every module's tests share one annotation; it needs
 * logback (the binding of the modules that use it) and JUnit Jupiter on the test class path.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@ExtendWith(DeliberateFailures.Quiet.class)
public @interface DeliberateFailures {
  /** What fails on purpose, for the one line in the log. */
  String value();

  /** Loggers whose warnings and errors are the expected outcome. */
  Class<?>[] loggers();

  final class Quiet implements BeforeEachCallback, AfterEachCallback {
    private static final org.slf4j.Logger log = LoggerFactory.getLogger(DeliberateFailures.class);
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(Quiet.class);

    @Override
    public void beforeEach(ExtensionContext context) {
      DeliberateFailures marker = AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), DeliberateFailures.class)
          .or(() -> AnnotationSupport.findAnnotation(context.getRequiredTestClass(), DeliberateFailures.class))
          .orElseThrow();
      List<Object[]> previous = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (Class<?> type : marker.loggers()) {
        if (LoggerFactory.getLogger(type) instanceof Logger logger) {
          previous.add(new Object[] {logger, logger.getLevel()});
          logger.setLevel(Level.OFF);
          names.add(type.getSimpleName());
        }
      }
      context.getStore(NS).put("previous", previous);
      log.info("{}: {} on purpose; the warnings of {} are expected and not shown",
          context.getRequiredTestMethod().getName(), marker.value(), String.join(", ", names));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterEach(ExtensionContext context) {
      List<Object[]> previous = context.getStore(NS).remove("previous", List.class);
      if (previous != null) {
        previous.forEach(p -> ((Logger) p[0]).setLevel((Level) p[1]));
      }
    }
  }
}

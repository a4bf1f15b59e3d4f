package dev.newssearch.localnode.junit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.slf4j.LoggerFactory;

/**
 * Marks a test that makes things fail on purpose (a node that is killed or cut off, an alias that is
 * missing, a document the mapping refuses, a write block in the middle of a load). While it runs, the
 * named loggers (and their children) print nothing to the build log, and one INFO line says why: the
 * warnings they would print are what the test provokes, and a newcomer reading {@code ./mvnw verify}
 * takes a screen of them for a broken build. Everywhere else the loggers print as usual, so a WARN in
 * the build log is one to read.
 *
 * <p>The events are not switched off, only kept from the appenders that print (those on the root
 * logger when the test starts): an appender the test attaches itself still receives them, so a test
 * can assert on the very warnings it hides. It lives beside {@link TestNode} so that every module's
 * tests share it; it needs logback (the binding of the modules that use it) and JUnit Jupiter.
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

    /** The filter added to the printing appenders, to take off again after the test. */
    private record Hidden(Filter<ILoggingEvent> filter, List<Appender<ILoggingEvent>> appenders) {}

    /** Logger names the running test marked; empty outside a marked test. */
    private static volatile List<String> hiddenNow = List.of();

    /** "12:45:55.293 WARN  [thread] d.n.c.es.EsClients - message": the logger is group 1. */
    private static final Pattern LOG_LINE =
        Pattern.compile("^\\S+\\s+(?:TRACE|DEBUG|INFO|WARN|ERROR)\\s+(?:\\[[^\\]]*\\]\\s+)?(\\S+) - ");

    /** What follows a log line that belongs to it: stack frames, causes, the exception's own line. */
    private static final Pattern CONTINUATION =
        Pattern.compile("^(?:\\s|Caused by|[a-z][\\w.]*\\.[A-Z][\\w$]*(?:Exception|Error)\\b)");

    /**
     * The log of a JVM the running test started (a child's standard error about to be relayed into the
     * build log) without the lines of the loggers the test marked, as this extension keeps them from
     * the test's own log; a last line says how many were left out. The file the child wrote keeps
     * them all, for assertions. Outside a marked test the text is returned as it is.
     */
    public static String relayed(String childLog) {
      List<String> hidden = hiddenNow;
      if (hidden.isEmpty()) {
        return childLog;
      }
      StringBuilder kept = new StringBuilder();
      int left = 0;
      boolean dropping = false;
      for (String line : childLog.split("\\R", -1)) {
        Matcher m = LOG_LINE.matcher(line);
        if (m.find()) {
          String printed = m.group(1);
          dropping = hidden.stream().anyMatch(name -> printedAs(printed, name));
        } else if (!CONTINUATION.matcher(line).find()) {
          dropping = false;
        }
        if (dropping) {
          left++;
        } else {
          kept.append(line).append('\n');
        }
      }
      kept.setLength(Math.max(0, kept.length() - 1));
      return left == 0 ? kept.toString()
          : kept + "\n(" + left + " line(s) of the expected failures' log left out)";
    }

    /** Whether logback printed {@code name} as {@code printed}: in full, or with packages shortened ({@code %logger{20}}). */
    static boolean printedAs(String printed, String name) {
      String[] p = printed.split("\\.");
      String[] n = name.split("\\.");
      if (p.length != n.length || !p[p.length - 1].equals(n[n.length - 1])) {
        return false;
      }
      for (int i = 0; i < p.length - 1; i++) {
        if (p[i].isEmpty() || !n[i].startsWith(p[i])) {
          return false;
        }
      }
      return true;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
      DeliberateFailures marker = AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), DeliberateFailures.class)
          .or(() -> AnnotationSupport.findAnnotation(context.getRequiredTestClass(), DeliberateFailures.class))
          .orElseThrow();
      List<String> names = Arrays.stream(marker.loggers()).map(Class::getName).toList();
      Filter<ILoggingEvent> filter = new Filter<>() {
        @Override
        public FilterReply decide(ILoggingEvent event) {
          String name = event.getLoggerName();
          for (String hidden : names) {
            // logback's own hierarchy: a child logger is "Parent.child" or "Parent$Nested"
            if (name.startsWith(hidden) && (name.length() == hidden.length()
                || name.charAt(hidden.length()) == '.' || name.charAt(hidden.length()) == '$')) {
              return FilterReply.DENY;
            }
          }
          return FilterReply.NEUTRAL;
        }
      };
      filter.start();
      List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
      if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
        root.iteratorForAppenders().forEachRemaining(appenders::add);
        appenders.forEach(a -> a.addFilter(filter));
      }
      context.getStore(NS).put("hidden", new Hidden(filter, appenders));
      hiddenNow = names;
      log.info("{}: {} on purpose; the warnings of {} are expected and not shown",
          context.getRequiredTestMethod().getName(), marker.value(),
          String.join(", ", Arrays.stream(marker.loggers()).map(Class::getSimpleName).toList()));
    }

    @Override
    public void afterEach(ExtensionContext context) {
      hiddenNow = List.of();
      Hidden hidden = context.getStore(NS).remove("hidden", Hidden.class);
      if (hidden != null) {
        for (Appender<ILoggingEvent> appender : hidden.appenders()) {
          List<Filter<ILoggingEvent>> others = appender.getCopyOfAttachedFiltersList();
          others.remove(hidden.filter());
          appender.clearAllFilters();
          others.forEach(appender::addFilter);
        }
      }
    }
  }
}

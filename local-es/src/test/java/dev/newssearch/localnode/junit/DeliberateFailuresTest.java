package dev.newssearch.localnode.junit;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class DeliberateFailuresTest {
  /** Stands for a class whose warnings a test provokes (EsClients when a node is killed). */
  static final class Killed {}

  /** Stands for any other class, whose warnings must still show. */
  static final class Bystander {}

  private static final Logger ROOT = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  private static FilterReply console(Class<?> source) {
    Appender<ILoggingEvent> console = ROOT.getAppender("STDOUT");
    assertThat(console).as("the STDOUT appender of logback-test.xml").isNotNull();
    Logger logger = (Logger) LoggerFactory.getLogger(source);
    return console.getFilterChainDecision(new LoggingEvent(Logger.FQCN, logger, Level.WARN, "node failed", null, null));
  }

  @Test
  @DeliberateFailures(value = "a node is killed", loggers = Killed.class)
  void a_marked_test_keeps_the_named_loggers_off_the_console_but_an_appender_it_attaches_still_gets_them() {
    assertThat(console(Killed.class)).isEqualTo(FilterReply.DENY);
    assertThat(console(Bystander.class)).isEqualTo(FilterReply.NEUTRAL);

    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    ROOT.addAppender(captured);
    try {
      LoggerFactory.getLogger(Killed.class).warn("Elasticsearch node {} failed", "http://127.0.0.1:9");
    } finally {
      ROOT.detachAppender(captured);
    }
    assertThat(captured.list).extracting(ILoggingEvent::getFormattedMessage)
        .containsExactly("Elasticsearch node http://127.0.0.1:9 failed");
  }

  @Test
  void outside_a_marked_test_every_logger_prints() {
    assertThat(console(Killed.class)).isEqualTo(FilterReply.NEUTRAL);
    assertThat(ROOT.getAppender("STDOUT").getCopyOfAttachedFiltersList()).isEmpty();
  }

  @Test
  @DeliberateFailures(value = "Elasticsearch is killed during a build", loggers = Killed.class)
  void a_child_jvms_log_is_relayed_without_the_marked_loggers_lines_and_says_how_many_were_left_out() {
    String name = "d.n.l.j.DeliberateFailuresTest$Killed";
    String childLog = String.join("\n",
        "12:45:16.001 INFO  d.n.i.i.IndexService - full build of fault-es-kill",
        "12:45:55.293 WARN  " + name + " - Elasticsearch node http://127.0.0.1:9732 failed",
        "java.net.ConnectException: Connection refused",
        "\tat java.base/sun.nio.ch.Net.pollConnect(Native Method)",
        "12:45:55.302 WARN  d.n.i.i.IndexService - could not delete the abandoned index",
        "error: Elasticsearch at http://127.0.0.1:9732 stopped answering during the run");

    assertThat(DeliberateFailures.Quiet.relayed(childLog)).isEqualTo(String.join("\n",
        "12:45:16.001 INFO  d.n.i.i.IndexService - full build of fault-es-kill",
        "12:45:55.302 WARN  d.n.i.i.IndexService - could not delete the abandoned index",
        "error: Elasticsearch at http://127.0.0.1:9732 stopped answering during the run",
        "(3 line(s) of the expected failures' log left out)"));
  }

  @Test
  void outside_a_marked_test_a_child_jvms_log_is_relayed_as_it_is() {
    String childLog = "12:45:55.293 WARN  d.n.c.es.EsClients - Elasticsearch node http://127.0.0.1:9732 failed";
    assertThat(DeliberateFailures.Quiet.relayed(childLog)).isEqualTo(childLog);
  }

  @Test
  void a_logger_is_recognised_in_full_and_with_its_packages_shortened_but_not_by_its_simple_name_alone() {
    String name = "dev.newssearch.core.es.EsClients";
    assertThat(DeliberateFailures.Quiet.printedAs(name, name)).isTrue();
    assertThat(DeliberateFailures.Quiet.printedAs("d.n.c.es.EsClients", name)).isTrue();
    assertThat(DeliberateFailures.Quiet.printedAs("d.n.i.es.EsClients", name)).isFalse();
    assertThat(DeliberateFailures.Quiet.printedAs("EsClients", name)).isFalse();
    assertThat(DeliberateFailures.Quiet.printedAs("d.n.c.es.EsClientsFactory", name)).isFalse();
  }
}

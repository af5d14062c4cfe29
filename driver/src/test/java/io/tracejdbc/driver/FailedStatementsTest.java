package io.tracejdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.opentracing.mock.MockSpan;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A statement that fails: its span says so, and the caller gets the driver's own exception. */
class FailedStatementsTest extends MockTracing {

  @Test
  void aFailedStatementIsTaggedAndItsOwnExceptionReachesTheCaller() throws SQLException {
    SQLException thrown;
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (x INTEGER PRIMARY KEY)");
      s.execute("INSERT INTO t VALUES (1)");
      tracer.reset();
      thrown = (SQLException) catchThrowable(() -> s.execute("INSERT INTO t VALUES (1)"));
    }
    assertThat((Throwable) thrown).isNotNull();
    MockSpan span = spans().get(0);
    assertThat(span.operationName()).isEqualTo("insert");
    assertThat(span.tags())
        .containsEntry("error", true)
        .containsEntry("db.error_code", thrown.getErrorCode());
    assertThat(span.logEntries()).hasSize(1);
    Map<String, Object> log = new HashMap<>(span.logEntries().get(0).fields());
    assertThat(log)
        .containsEntry("event", "error")
        .containsEntry("error.kind", thrown.getClass().getName())
        .containsEntry("message", thrown.getMessage())
        .doesNotContainKey("error.object");
  }
}

package io.tracejdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Null SQL on H2: whatever statementText says, the caller gets H2's own exception. */
class NullSqlTest extends MockTracing {

  @ParameterizedTest(name = "statementText={0}")
  @ValueSource(strings = {"raw", "sanitized", "none"})
  void nullSqlGivesTheRealDriversException(String statementText) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:tracing:h2:mem:nullsql;statementText=" + statementText);
        Statement s = c.createStatement()) {
      assertMadeByH2(catchThrowable(() -> s.executeQuery(null)));
      assertMadeByH2(catchThrowable(() -> s.executeUpdate(null)));
      assertMadeByH2(catchThrowable(() -> s.execute(null)));
      assertMadeByH2(catchThrowable(() -> s.executeLargeUpdate(null)));
    }
    assertThat(spans())
        .hasSize(4)
        .allSatisfy(
            span -> {
              assertThat(span.tags())
                  .containsEntry("error", true)
                  .doesNotContainKey("db.statement");
              assertThat(span.operationName()).isEqualTo("textclause");
            });
  }

  private static void assertMadeByH2(Throwable error) {
    assertThat(error).isInstanceOf(SQLException.class);
    assertThat(error.getStackTrace()[0].getClassName()).startsWith("org.h2.");
  }
}

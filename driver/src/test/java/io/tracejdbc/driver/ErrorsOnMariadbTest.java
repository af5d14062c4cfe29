package io.tracejdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentracing.mock.MockSpan;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** MariaDB quotes a duplicate value without escaping it: none of the value reaches the span. */
class ErrorsOnMariadbTest extends MockTracing {
  private static final String MARIADB = "jdbc:tracing:mariadb://127.0.0.1:3306/test?user=root";
  private static final String TABLE = "tracejdbc_dd_people";

  @Test
  void aValueWithAnApostropheIsMaskedWhole() throws SQLException {
    try (Connection c = ServerRequired.connect(MARIADB);
        Statement s = c.createStatement()) {
      s.execute("CREATE OR REPLACE TABLE " + TABLE + " (email VARCHAR(100) PRIMARY KEY)");
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + TABLE + " VALUES (?)")) {
        insert.setString(1, "o'brien.secret@example.com");
        insert.executeUpdate();
        tracer.reset();
        assertThatThrownBy(insert::executeUpdate)
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("o'brien.secret@example.com");
      } finally {
        s.execute("DROP TABLE " + TABLE);
      }
    }
    MockSpan failed = spans().get(0);
    Map<String, ?> log = failed.logEntries().get(0).fields();
    assertThat((String) log.get("message"))
        .contains("Duplicate entry ?")
        .doesNotContain("brien", "secret", "example");
  }
}

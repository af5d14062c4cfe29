package io.tracejdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteConnection;

/** The wrappers hand out wrappers, unwrap to both sides, and keep their identity. */
class IdentityContractTest extends MockTracing {

  @Test
  void statementsAndMetadataLeadBackToTheTracingConnection() throws SQLException {
    try (Connection c = sqlite()) {
      Statement s = c.createStatement();
      PreparedStatement p = c.prepareStatement("SELECT 1");
      DatabaseMetaData meta = c.getMetaData();
      assertThat(s.getConnection()).isSameAs(c);
      assertThat(p.getConnection()).isSameAs(c);
      assertThat(meta.getConnection()).isSameAs(c);
    }
  }

  @Test
  void callableStatementsLeadBackToTheTracingConnection() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:tracing:h2:mem:identity");
        CallableStatement call = c.prepareCall("{call ABS(?)}")) {
      assertThat(call.getConnection()).isSameAs(c);
      call.setInt(1, -3);
      try (ResultSet rs = call.executeQuery()) {
        assertThat(rs.getStatement()).isSameAs(call);
      }
    }
    assertThat(operationNames()).containsExactly("call");
  }

  @Test
  void resultSetsLeadBackToTheTracingStatement() throws SQLException {
    try (Connection c = sqlite();
        Statement s = c.createStatement();
        PreparedStatement p = c.prepareStatement("SELECT 1")) {
      try (ResultSet rs = s.executeQuery("SELECT 1")) {
        assertThat(rs.getStatement()).isSameAs(s);
      }
      s.execute("SELECT 2");
      try (ResultSet rs = s.getResultSet()) {
        assertThat(rs.getStatement()).isSameAs(s);
      }
      try (ResultSet rs = p.executeQuery()) {
        assertThat(rs.getStatement()).isSameAs(p);
      }
    }
  }

  @Test
  void generatedKeysLeadBackToTheTracingStatement() throws SQLException {
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, x INTEGER)");
      s.executeUpdate("INSERT INTO t (x) VALUES (1)", Statement.RETURN_GENERATED_KEYS);
      try (ResultSet keys = s.getGeneratedKeys()) {
        assertThat(keys.getStatement()).isSameAs(s);
        assertThat(keys.next()).isTrue();
        assertThat(keys.getLong(1)).isEqualTo(1L);
      }
    }
  }

  @Test
  void unwrapGivesTheWrapperForItsOwnTypesAndTheRealObjectForTheVendors() throws SQLException {
    try (Connection c = sqlite()) {
      assertThat(c.unwrap(Connection.class)).isSameAs(c);
      assertThat(c.isWrapperFor(Connection.class)).isTrue();
      assertThat(c.isWrapperFor(SQLiteConnection.class)).isTrue();
      SQLiteConnection real = c.unwrap(SQLiteConnection.class);
      assertThat(real).isNotSameAs(c);
      assertThat(c.toString()).contains("sqlite").contains(real.toString());

      Statement s = c.createStatement();
      assertThat(s.unwrap(Statement.class)).isSameAs(s);
      assertThat(s.isWrapperFor(org.sqlite.jdbc3.JDBC3Statement.class)).isTrue();
      assertThat(s.unwrap(org.sqlite.jdbc3.JDBC3Statement.class)).isNotSameAs(s);
    }
  }

  @Test
  void equalsAndHashCodeAreTheWrappersIdentity() throws SQLException {
    try (Connection c = sqlite();
        Connection other = sqlite()) {
      int hash = c.hashCode();
      c.createStatement().execute("SELECT 1");
      assertThat(c).isEqualTo(c).isNotEqualTo(other).isNotEqualTo(c.unwrap(SQLiteConnection.class));
      assertThat(c.hashCode()).isEqualTo(hash);
      Statement s = c.createStatement();
      assertThat(s).isEqualTo(s).isNotEqualTo(c.createStatement());
    }
  }

  @Test
  void metadataUrlIsTheRealDriversUrl() throws SQLException {
    try (Connection c = sqlite("traceAllQueries=true")) {
      assertThat(c.getMetaData().getURL()).isEqualTo("jdbc:sqlite::memory:");
    }
  }
}

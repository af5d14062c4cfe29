package io.tracejdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Array;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Result sets that escape through values on PostgreSQL (an array's rows, a refcursor column) lead
 * back to the tracing connection, and the arrays go back to the real driver whole.
 */
class ArraysAndCursorsIdentityTest extends MockTracing {
  private static final String POSTGRES =
      "jdbc:tracing:postgresql://127.0.0.1:5432/test?user=postgres";

  @Test
  void theRowsOfAnArrayLeadBackToTheTracingConnection() throws SQLException {
    try (Connection c = ServerRequired.connect(POSTGRES);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT ARRAY[7, 8, 9] AS a")) {
      rs.next();
      for (Array array : List.of(rs.getArray(1), rs.getArray("a"), (Array) rs.getObject(1))) {
        assertLeadsBackTo(array.getResultSet(), c);
        assertLeadsBackTo(array.getResultSet(Map.of()), c);
        assertLeadsBackTo(array.getResultSet(2, 1), c);
        assertLeadsBackTo(array.getResultSet(1, 2, Map.of()), c);
      }
      assertThat(rs.getObject(1, Array.class).getResultSet().getStatement().getConnection())
          .isSameAs(c);
      try (ResultSet rows = rs.getArray(1).getResultSet(2, 1)) {
        rows.next();
        assertThat(rows.getInt(2)).isEqualTo(8);
      }
    }
  }

  @Test
  void anArrayOfACallableStatementLeadsBackToTheTracingConnection() throws SQLException {
    try (Connection c = ServerRequired.connect(POSTGRES)) {
      c.createStatement()
          .execute(
              "CREATE OR REPLACE FUNCTION tracejdbc_dd_array() RETURNS int[]"
                  + " AS $$ SELECT ARRAY[4, 5] $$ LANGUAGE sql");
      try (CallableStatement call = c.prepareCall("{? = call tracejdbc_dd_array()}")) {
        call.registerOutParameter(1, Types.ARRAY);
        call.execute();
        assertLeadsBackTo(call.getArray(1).getResultSet(), c);
        assertLeadsBackTo(((Array) call.getObject(1)).getResultSet(), c);
      }
    }
  }

  @Test
  void anArrayReadThroughTracejdbcCanBeBoundAgain() throws SQLException {
    try (Connection c = ServerRequired.connect(POSTGRES);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT ARRAY[7, 8, 9]");
        PreparedStatement bind = c.prepareStatement("SELECT cardinality(?::int[])")) {
      rs.next();
      Array array = rs.getArray(1);
      bind.setArray(1, array);
      assertThat(firstInt(bind)).isEqualTo(3);
      bind.setObject(1, array);
      assertThat(firstInt(bind)).isEqualTo(3);
      bind.setObject(1, array, Types.ARRAY);
      assertThat(firstInt(bind)).isEqualTo(3);
    }
  }

  @Test
  void aRefcursorReadFromAResultSetLeadsBackToTheTracingConnection() throws SQLException {
    try (Connection c = ServerRequired.connect(POSTGRES)) {
      c.createStatement()
          .execute(
              "CREATE OR REPLACE FUNCTION tracejdbc_dd_cursor() RETURNS refcursor"
                  + " AS $$ DECLARE r refcursor; BEGIN OPEN r FOR SELECT 7 AS n; RETURN r; END $$"
                  + " LANGUAGE plpgsql");
      c.setAutoCommit(false);
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT tracejdbc_dd_cursor()")) {
        rs.next();
        ResultSet cursor = (ResultSet) rs.getObject(1);
        assertLeadsBackTo(cursor, c);
        assertThat(cursor.next()).isTrue();
        assertThat(cursor.getInt(1)).isEqualTo(7);
        tracer.reset();
        cursor.getStatement().executeQuery("SELECT 1").close();
        assertThat(operationNames()).containsExactly("select");
      }
      c.commit();
    }
  }

  private static int firstInt(PreparedStatement statement) throws SQLException {
    try (ResultSet rs = statement.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static void assertLeadsBackTo(ResultSet rs, Connection c) throws SQLException {
    assertThat(rs).isInstanceOf(TracingResultSet.class);
    Statement statement = rs.getStatement();
    assertThat(statement).isInstanceOf(TracingStatement.class);
    assertThat(statement.getConnection()).isSameAs(c);
  }
}

package io.tracejdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Result sets that no execution made (the 26 DatabaseMetaData methods, a callable statement's
 * cursor) are tracing ones: their statement is a tracing statement on the tracing connection, so
 * SQL run through it is traced.
 */
class MetadataAndCursorIdentityTest extends MockTracing {
  private static final String POSTGRES =
      "jdbc:tracing:postgresql://127.0.0.1:5432/test?user=postgres";

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"jdbc:tracing:h2:mem:metadata", "jdbc:tracing:sqlite::memory:", POSTGRES})
  void everyMetadataResultSetLeadsBackToTheTracingConnection(String url) throws Exception {
    try (Connection c = connect(url)) {
      c.createStatement().execute("CREATE TABLE IF NOT EXISTS meta_t (id INT PRIMARY KEY)");
      DatabaseMetaData meta = c.getMetaData();
      List<String> answered = new ArrayList<>();
      for (Method method : resultSetMethods()) {
        ResultSet rs;
        try {
          rs = (ResultSet) method.invoke(meta, arguments(method));
        } catch (InvocationTargetException e) {
          continue; // the real driver does not support it: nothing to wrap
        }
        answered.add(method.getName());
        try (rs) {
          assertThat(rs).as(method.getName()).isInstanceOf(TracingResultSet.class);
          Statement statement = rs.getStatement();
          if (statement != null) {
            assertThat(statement).as(method.getName()).isInstanceOf(TracingStatement.class);
            assertThat(statement.getConnection()).as(method.getName()).isSameAs(c);
            assertThat(rs.getStatement()).as(method.getName()).isSameAs(statement);
          } else {
            assertThat(rs.unwrap(ResultSet.class).getStatement()).as(method.getName()).isNull();
          }
        }
      }
      assertThat(answered).as("methods the real driver answered").hasSizeGreaterThan(15);
    }
  }

  @Test
  void theStatementOfAMetadataResultSetTracesWhatRunsOnIt() throws SQLException {
    try (Connection c = connect(POSTGRES)) {
      tracer.reset();
      try (ResultSet tables = c.getMetaData().getTables(null, null, "meta_t", null)) {
        tables.getStatement().getConnection().createStatement().executeQuery("SELECT 1").close();
      }
    }
    assertThat(operationNames()).containsExactly("select");
  }

  @Test
  void aRefcursorOfACallableStatementLeadsBackToTheCallableStatement() throws SQLException {
    try (Connection c = connect(POSTGRES)) {
      c.createStatement()
          .execute(
              "CREATE OR REPLACE FUNCTION tracejdbc_cursor() RETURNS refcursor"
                  + " AS $$ DECLARE r refcursor; BEGIN OPEN r FOR SELECT 7 AS n; RETURN r; END $$"
                  + " LANGUAGE plpgsql");
      c.setAutoCommit(false);
      try (CallableStatement call = c.prepareCall("{? = call tracejdbc_cursor()}")) {
        call.registerOutParameter(1, Types.REF_CURSOR);
        call.execute();
        ResultSet typed = call.getObject(1, ResultSet.class);
        assertLeadsBackTo(typed, call, c);
        assertThat(typed.next()).isTrue();
        assertThat(typed.getInt(1)).isEqualTo(7);
        assertLeadsBackTo((ResultSet) call.getObject(1), call, c);
      }
      c.commit();
    }
  }

  @Test
  void getResultSetGivesTheSameWrapperForTheSameResultSet() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:tracing:h2:mem:results");
        Statement s = c.createStatement()) {
      ResultSet executed = s.executeQuery("SELECT 1");
      assertThat(s.getResultSet()).isSameAs(executed).isSameAs(s.getResultSet());
      s.execute("SELECT 2");
      ResultSet second = s.getResultSet();
      assertThat(second).isNotSameAs(executed).isSameAs(s.getResultSet());
    }
  }

  private static void assertLeadsBackTo(ResultSet cursor, CallableStatement call, Connection c)
      throws SQLException {
    assertThat(cursor).isInstanceOf(TracingResultSet.class);
    Statement statement = cursor.getStatement();
    assertThat(statement).isInstanceOf(TracingStatement.class);
    assertThat(statement.getConnection()).isSameAs(c);
    if (cursor.unwrap(ResultSet.class).getStatement() == call.unwrap(CallableStatement.class)) {
      assertThat(statement).isSameAs(call);
    }
  }

  private static List<Method> resultSetMethods() {
    List<Method> methods =
        Arrays.stream(DatabaseMetaData.class.getMethods())
            .filter(m -> m.getReturnType() == ResultSet.class)
            .collect(Collectors.toList());
    assertThat(methods).hasSize(26);
    return methods;
  }

  /** Arguments that every driver accepts: the test table, its schema patterns, plain values. */
  private static Object[] arguments(Method method) {
    Class<?>[] types = method.getParameterTypes();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      if (types[i] == String.class) {
        args[i] = i == 2 || i == 5 ? "meta_t" : null;
      } else if (types[i] == int.class) {
        args[i] = DatabaseMetaData.bestRowSession;
      } else if (types[i] == boolean.class) {
        args[i] = false;
      }
    }
    return args;
  }

  private static Connection connect(String url) throws SQLException {
    try {
      return DriverManager.getConnection(url);
    } catch (SQLException e) {
      if (!url.equals(POSTGRES)) {
        throw e;
      }
      return ServerRequired.unreachable(url, e);
    }
  }
}

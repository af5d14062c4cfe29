package io.tracejdbc.tck;

import static io.tracejdbc.tck.Traces.isChildOf;
import static io.tracejdbc.tck.Traces.isRoot;
import static io.tracejdbc.tck.Traces.named;
import static io.tracejdbc.tck.Traces.onlySpan;
import static io.tracejdbc.tck.Traces.operations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.opentracing.Scope;
import io.opentracing.Span;
import io.opentracing.mock.MockSpan;
import io.opentracing.mock.MockTracer;
import io.tracejdbc.driver.TracingDriver;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The driver's contract, stated once and run on every database by a subclass that names it.
 *
 * <p>Each test gets a fresh {@link MockTracer}, a tracing connection and a table of its own, which
 * it drops afterwards, so runs can repeat on the same servers.
 */
abstract class TracingContract extends DatabaseContract {
  final MockTracer tracer = new MockTracer();

  @Override
  void installTracing() {
    TracingDriver.init(tracer);
  }

  @Override
  void forgetSpans() {
    tracer.reset();
  }

  // Spans and their tags

  @Test
  void aQueryIsASelectSpanWithTheDatabaseTags() throws SQLException {
    query("SELECT name FROM " + table);

    MockSpan span = onlySpan(tracer);
    assertThat(span.operationName()).isEqualTo("select");
    assertThat(isRoot(span)).isTrue();
    Map<String, Object> tags = span.tags();
    assertThat(tags)
        .containsEntry("span.kind", "client")
        .containsEntry("component", "tracejdbc")
        .containsEntry("db.type", "sql")
        .containsEntry("db.system", db.system)
        .containsEntry("db.instance", db.instance)
        .containsEntry("db.operation", "select")
        .containsEntry("db.sql.table", table)
        .containsEntry("db.statement", "SELECT name FROM " + table)
        .doesNotContainKey("error");
    if (db.user == null) {
      assertThat(tags).doesNotContainKey("db.user");
    } else {
      assertThat(tags).containsEntry("db.user", db.user);
    }
  }

  @Test
  void peerTagsNameTheServerWithAnIntegerPortAndAreAbsentForEmbeddedDatabases()
      throws SQLException {
    query("SELECT name FROM " + table);

    Map<String, Object> tags = onlySpan(tracer).tags();
    if (db.isServer()) {
      assertThat(tags)
          .containsEntry("peer.hostname", db.host)
          .containsEntry("peer.port", db.port)
          .containsEntry("peer.address", db.host + ":" + db.port);
      assertThat(tags.get("peer.port")).isInstanceOf(Integer.class);
    } else {
      assertThat(tags).doesNotContainKeys("peer.hostname", "peer.port", "peer.address");
    }
  }

  @Test
  void anInsertSpanCountsTheRowsAffected() throws SQLException {
    update("INSERT INTO " + table + " (id, name) VALUES (1, 'a'), (2, 'b')");

    MockSpan span = onlySpan(tracer);
    assertThat(span.operationName()).isEqualTo("insert");
    assertThat(span.tags())
        .containsEntry("db.sql.table", table)
        .containsEntry("db.rows_affected", 2L);
  }

  @Test
  void anUpdateSpanIsNamedUpdate() throws SQLException {
    insertRows(3);
    tracer.reset();

    update("UPDATE " + table + " SET name = 'z' WHERE id < 3");

    MockSpan span = onlySpan(tracer);
    assertThat(span.operationName()).isEqualTo("update");
    assertThat(span.tags())
        .containsEntry("db.sql.table", table)
        .containsEntry("db.rows_affected", 2L);
  }

  @Test
  void aDeleteSpanIsNamedDelete() throws SQLException {
    insertRows(3);
    tracer.reset();

    update("DELETE FROM " + table + " WHERE id = 3");

    MockSpan span = onlySpan(tracer);
    assertThat(span.operationName()).isEqualTo("delete");
    assertThat(span.tags())
        .containsEntry("db.sql.table", table)
        .containsEntry("db.rows_affected", 1L);
  }

  @Test
  void createTableAndDropTableSpansNameTheirTable() throws SQLException {
    String other = table + "_other";
    execute("CREATE TABLE " + other + " (id INTEGER)");
    execute("DROP TABLE " + other);

    assertThat(operations(tracer)).containsExactly("create-table", "drop-table");
    assertThat(tracer.finishedSpans())
        .allSatisfy(span -> assertThat(span.tags()).containsEntry("db.sql.table", other));
  }

  @Test
  void theStatementIsSanitizedWithLiteralsAsPlaceholdersAndWhitespaceCollapsed()
      throws SQLException {
    query("SELECT name\n  FROM " + table + "\n WHERE id = 42   AND name = 'secret'");

    assertThat(onlySpan(tracer).tags())
        .containsEntry("db.statement", "SELECT name FROM " + table + " WHERE id = ? AND name = ?");
  }

  @Test
  void aStringEndingInABackslashHidesOnlyItselfAsTheDatabaseReadsIt() throws SQLException {
    query("SELECT " + backslashPath() + " AS path, 'alice@example.com' AS owner");

    assertThat(onlySpan(tracer).tags())
        .containsEntry("db.statement", "SELECT ? AS path, ? AS owner");
  }

  /** The text C:\ as a string literal of this database. */
  String backslashPath() {
    return "'C:\\'";
  }

  @Test
  void aPreparedStatementSpanShowsItsSqlWithPlaceholders() throws SQLException {
    insertRows(2);
    tracer.reset();
    String sql = "SELECT name FROM " + table + " WHERE id = ?";

    try (PreparedStatement select = connection.prepareStatement(sql)) {
      for (int id = 1; id <= 2; id++) {
        select.setInt(1, id);
        try (ResultSet rows = select.executeQuery()) {
          assertThat(rows.next()).isTrue();
        }
      }
    }

    assertThat(operations(tracer)).containsExactly("select", "select");
    assertThat(tracer.finishedSpans())
        .allSatisfy(
            span ->
                assertThat(span.tags())
                    .containsEntry("db.statement", sql)
                    .containsEntry("db.sql.table", table));
  }

  @Test
  void aPreparedBatchIsOneSpanWithItsSizeAndRows() throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO " + table + " (id, name) VALUES (?, ?)")) {
      for (int id = 1; id <= 3; id++) {
        insert.setInt(1, id);
        insert.setString(2, "n" + id);
        insert.addBatch();
      }
      insert.executeBatch();
    }

    MockSpan span = onlySpan(tracer);
    assertThat(span.operationName()).isEqualTo("insert");
    assertThat(span.tags())
        .containsEntry("db.batch.size", 3)
        .containsEntry("db.sql.table", table)
        .containsEntry("db.statement", "INSERT INTO " + table + " (id, name) VALUES (?, ?)")
        .containsEntry("db.rows_affected", 3L);
  }

  @Test
  void aStatementBatchOfMixedKindsIsOneSpanNamedBatch() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.addBatch("INSERT INTO " + table + " (id, name) VALUES (1, 'a')");
      statement.addBatch("UPDATE " + table + " SET name = 'b' WHERE id = 1");
      statement.executeBatch();
    }

    MockSpan span = onlySpan(tracer);
    assertThat(span.operationName()).isEqualTo("batch");
    assertThat(span.tags())
        .containsEntry("db.batch.size", 2)
        .doesNotContainKey("db.sql.table")
        .containsEntry(
            "db.statement",
            "INSERT INTO "
                + table
                + " (id, name) VALUES (?, ?); UPDATE "
                + table
                + " SET name = ? WHERE id = ?");
  }

  // Errors

  @Test
  void aFailedStatementIsAnErrorSpanWithTheDatabasesSqlStateAndErrorCode() throws SQLException {
    insertRows(1);
    tracer.reset();

    SQLException thrown =
        catchThrowableOfType(
            SQLException.class,
            () -> update("INSERT INTO " + table + " (id, name) VALUES (1, 'again')"));

    assertThat((Throwable) thrown).as("the duplicate key error").isNotNull();
    assertThat(thrown.getErrorCode()).isEqualTo(db.duplicateKeyErrorCode);
    MockSpan span = onlySpan(tracer);
    assertThat(span.operationName()).isEqualTo("insert");
    assertThat(span.tags())
        .containsEntry("error", true)
        .containsEntry("db.error_code", db.duplicateKeyErrorCode);
    if (db.duplicateKeySqlState == null) {
      assertThat(span.tags()).doesNotContainKey("db.sql_state");
    } else {
      assertThat(span.tags()).containsEntry("db.sql_state", db.duplicateKeySqlState);
    }
  }

  @Test
  void theErrorLogIsSanitizedAndLeavesTheExceptionOutByDefault() throws SQLException {
    insertRows(1);
    tracer.reset();

    SQLException thrown =
        catchThrowableOfType(
            SQLException.class,
            () -> update("INSERT INTO " + table + " (id, name) VALUES (1, 'again')"));

    MockSpan span = onlySpan(tracer);
    assertThat(span.logEntries()).hasSize(1);
    Map<String, ?> fields = span.logEntries().get(0).fields();
    assertThat(fields.get("event")).isEqualTo("error");
    assertThat(fields.get("error.kind")).isEqualTo(thrown.getClass().getName());
    assertThat((String) fields.get("message")).isNotBlank().doesNotContain("again", "'1'", "\n");
    assertThat(fields).doesNotContainKey("error.object");
  }

  @Test
  void withRawStatementTextTheErrorLogHoldsTheExceptionTheCallerGets() throws SQLException {
    SQLException thrown;
    try (Connection raw = db.connect("statementText=raw")) {
      thrown =
          catchThrowableOfType(SQLException.class, () -> query(raw, "SELECT * FROM tck_missing"));
    }

    Map<String, ?> fields = onlySpan(tracer).logEntries().get(0).fields();
    assertThat(fields.get("error.object")).isSameAs(thrown);
    assertThat(fields.get("message")).isEqualTo(thrown.getMessage());
  }

  // Parents and lifetimes (design.md: "Which statements are traced, and under which parent")

  @Test
  void aStatementMarkParentsOnlyItsNextExecution() throws SQLException {
    Span parent = tracer.buildSpan("request").start();
    try (Statement statement = connection.createStatement()) {
      TracingDriver.setParentSpan(statement, parent);
      statement.executeQuery("SELECT name FROM " + table).close();
      statement.executeQuery("SELECT id FROM " + table).close();
    }
    parent.finish();

    List<MockSpan> selects = named(tracer, "select");
    assertThat(selects).hasSize(2);
    assertThat(isChildOf(selects.get(0), (MockSpan) parent)).isTrue();
    assertThat(isRoot(selects.get(1))).isTrue();
  }

  @Test
  void aConnectionMarkParentsTheTransactionUntilCommit() throws SQLException {
    TracingDriver.init(tracer, true, false);
    connection.setAutoCommit(false);
    MockSpan parent = tracer.buildSpan("request").start();
    TracingDriver.setParentSpan(connection, parent);

    update("INSERT INTO " + table + " (id, name) VALUES (1, 'a')");
    query("SELECT name FROM " + table);
    connection.commit();
    query("SELECT id FROM " + table);
    parent.finish();

    assertThat(operations(tracer)).containsExactly("insert", "select", "commit", "request");
    assertChildrenOf(parent, "insert", "select", "commit");
  }

  @Test
  void rollbackEndsTheConnectionMark() throws SQLException {
    TracingDriver.init(tracer, true, false);
    connection.setAutoCommit(false);
    MockSpan parent = tracer.buildSpan("request").start();
    TracingDriver.setParentSpan(connection, parent);

    update("INSERT INTO " + table + " (id, name) VALUES (1, 'a')");
    connection.rollback();
    query("SELECT id FROM " + table);
    parent.finish();

    assertThat(operations(tracer)).containsExactly("insert", "rollback", "request");
    assertChildrenOf(parent, "insert", "rollback");
  }

  @Test
  void savepointsAndRollbackToASavepointDoNotEndTheConnectionMark() throws SQLException {
    TracingDriver.init(tracer, true, false);
    connection.setAutoCommit(false);
    MockSpan parent = tracer.buildSpan("request").start();
    TracingDriver.setParentSpan(connection, parent);

    update("INSERT INTO " + table + " (id, name) VALUES (1, 'a')");
    Savepoint savepoint = connection.setSavepoint();
    update("INSERT INTO " + table + " (id, name) VALUES (2, 'b')");
    connection.rollback(savepoint);
    query("SELECT name FROM " + table);
    connection.commit();
    query("SELECT id FROM " + table);
    parent.finish();

    assertThat(operations(tracer))
        .containsExactly(
            "insert", "savepoint", "insert", "rollback", "select", "commit", "request");
    assertChildrenOf(parent, "insert", "savepoint", "rollback", "select", "commit");
    assertThat(rowCount()).isEqualTo(1);
  }

  @Test
  void inAutoCommitModeAConnectionMarkCoversOnlyTheNextStatement() throws SQLException {
    TracingDriver.init(tracer, true, false);
    MockSpan parent = tracer.buildSpan("request").start();
    TracingDriver.setParentSpan(connection, parent);

    update("INSERT INTO " + table + " (id, name) VALUES (1, 'a')");
    query("SELECT name FROM " + table);
    parent.finish();

    assertThat(operations(tracer)).containsExactly("insert", "request");
    assertChildrenOf(parent, "insert");
  }

  @Test
  void returningToAutoCommitEndsTheConnectionMark() throws SQLException {
    TracingDriver.init(tracer, true, false);
    connection.setAutoCommit(false);
    MockSpan parent = tracer.buildSpan("request").start();
    TracingDriver.setParentSpan(connection, parent);

    update("INSERT INTO " + table + " (id, name) VALUES (1, 'a')");
    connection.setAutoCommit(true);
    query("SELECT name FROM " + table);
    parent.finish();

    assertThat(operations(tracer)).containsExactly("insert", "request");
    assertThat(rowCount()).isEqualTo(1);
  }

  @Test
  void clearTracedStopsTracingThroughTheConnection() throws SQLException {
    TracingDriver.init(tracer, true, false);
    connection.setAutoCommit(false);
    MockSpan parent = tracer.buildSpan("request").start();
    TracingDriver.setParentSpan(connection, parent);

    update("INSERT INTO " + table + " (id, name) VALUES (1, 'a')");
    TracingDriver.clearTraced(connection);
    update("INSERT INTO " + table + " (id, name) VALUES (2, 'b')");
    connection.commit();
    parent.finish();

    assertThat(operations(tracer)).containsExactly("insert", "request");
  }

  @Test
  void aStatementMarkWinsOverTheConnectionMark() throws SQLException {
    connection.setAutoCommit(false);
    MockSpan transaction = tracer.buildSpan("transaction").start();
    MockSpan request = tracer.buildSpan("request").start();
    TracingDriver.setParentSpan(connection, transaction);
    try (Statement statement = connection.createStatement()) {
      TracingDriver.setParentSpan(statement, request);
      statement.executeQuery("SELECT name FROM " + table).close();
    }
    connection.commit();

    assertThat(isChildOf(named(tracer, "select").get(0), request)).isTrue();
    assertThat(isChildOf(named(tracer, "commit").get(0), transaction)).isTrue();
  }

  @Test
  void theActiveSpanParentsUnmarkedStatements() throws SQLException {
    MockSpan active = tracer.buildSpan("request").start();
    try (Scope ignored = tracer.activateSpan(active)) {
      query("SELECT name FROM " + table);
    }
    active.finish();

    assertChildrenOf(active, "select");
  }

  @Test
  void withTraceAllQueriesOffOnlyMarkedStatementsAreTraced() throws SQLException {
    TracingDriver.init(tracer, true, false);
    try (Statement marked = connection.createStatement();
        Statement unmarked = connection.createStatement()) {
      TracingDriver.setTraced(marked);
      marked.executeQuery("SELECT name FROM " + table).close();
      unmarked.executeQuery("SELECT id FROM " + table).close();
    }

    MockSpan span = onlySpan(tracer);
    assertThat(span.tags()).containsEntry("db.statement", "SELECT name FROM " + table);
    assertThat(isRoot(span)).isTrue();
  }

  @Test
  void withTraceAllConnectionsOffOnlyRegisteredConnectionsAreTraced() throws SQLException {
    TracingDriver.init(tracer, false, true);
    query("SELECT name FROM " + table);
    TracingDriver.register(connection);
    query("SELECT id FROM " + table);
    TracingDriver.unregister(connection);
    query("SELECT name, id FROM " + table);

    assertThat(onlySpan(tracer).tags()).containsEntry("db.statement", "SELECT id FROM " + table);
  }

  // Identity: the wrappers never leak the real driver's objects by accident

  @Test
  void statementsAndResultSetsLeadBackToTheTracingConnection() throws SQLException {
    try (Statement statement = connection.createStatement();
        PreparedStatement prepared = connection.prepareStatement("SELECT id FROM " + table);
        ResultSet rows = statement.executeQuery("SELECT name FROM " + table)) {
      assertThat(statement.getConnection()).isSameAs(connection);
      assertThat(prepared.getConnection()).isSameAs(connection);
      assertThat(rows.getStatement()).isSameAs(statement);
    }
  }

  @Test
  void metaDataLeadsBackToTheTracingConnectionAndGivesTheRealUrl() throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();

    assertThat(metaData.getConnection()).isSameAs(connection);
    assertThat(metaData.getURL()).startsWith(db.realUrlPrefix()).doesNotContain("tracing");
  }

  @Test
  void unwrapGivesTheWrapperForItsOwnTypesAndTheRealObjectOtherwise() throws SQLException {
    assertThat(connection.unwrap(Connection.class)).isSameAs(connection);
    assertThat(connection.isWrapperFor(db.realConnectionType)).isTrue();
    assertThat(connection.unwrap(db.realConnectionType))
        .isInstanceOf(db.realConnectionType)
        .isNotSameAs(connection);
    try (Statement statement = connection.createStatement()) {
      assertThat(statement.unwrap(Statement.class)).isSameAs(statement);
    }
  }

  @Test
  void equalsAndHashCodeAreTheWrappersIdentity() throws SQLException {
    int hash = connection.hashCode();
    try (Connection other = db.connect()) {
      assertThat(connection).isEqualTo(connection).isNotEqualTo(other);
      assertThat(connection).isNotEqualTo(connection.unwrap(db.realConnectionType));
    }
    query("SELECT name FROM " + table);
    assertThat(connection.hashCode()).isEqualTo(hash);
  }

  // Options, in the database's own URL syntax

  @Test
  void aUrlOptionWinsOverTheGlobalOptions() throws SQLException {
    try (Connection raw = db.connect("statementText=raw")) {
      query(raw, "SELECT 42");
    }

    assertThat(onlySpan(tracer).tags()).containsEntry("db.statement", "SELECT 42");
  }

  @Test
  void tracejdbcOptionsAreTakenOutAndTheRealDriversParametersPassThrough() throws SQLException {
    try (Connection options =
        db.connect("statementText=raw", db.realParameter, "traceTransactions=false")) {
      try (Statement statement = options.createStatement();
          ResultSet rows = statement.executeQuery(db.realParameterQuery)) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo(db.realParameterValue);
      }
      assertThat(options.getMetaData().getURL())
          .doesNotContain("statementText", "traceTransactions");
    }
  }

  @Test
  void traceAllQueriesFalseInTheUrlWinsOverTheGlobalToggle() throws SQLException {
    try (Connection quiet = db.connect("traceAllQueries=false")) {
      query(quiet, "SELECT 1");
      TracingDriver.setTraced(quiet);
      query(quiet, "SELECT 2");
    }

    assertThat(onlySpan(tracer).tags()).containsEntry("db.statement", "SELECT ?");
    assertThat(tracer.finishedSpans()).hasSize(1);
  }

  @Test
  void ignoreForTracingInTheUrlLeavesThatStatementUntraced() throws SQLException {
    try (Connection ignoring = db.connect("ignoreForTracing=\"SELECT 1\"")) {
      query(ignoring, "SELECT 1");
      query(ignoring, "SELECT 2");
    }

    assertThat(onlySpan(tracer).tags()).containsEntry("db.statement", "SELECT ?");
  }

  @Test
  void aBadOptionValueFailsConnectNamingTheOptionAndItsValues() {
    assertThatThrownBy(() -> db.connect("statementText=verbatim").close())
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("statementText")
        .hasMessageContaining("sanitized")
        .hasMessageContaining("raw");
  }

  // helpers

  private void assertChildrenOf(MockSpan parent, String... operations) {
    for (String operation : operations) {
      assertThat(named(tracer, operation))
          .as("%s spans", operation)
          .isNotEmpty()
          .allSatisfy(
              span ->
                  assertThat(isChildOf(span, parent))
                      .as("%s is a child of %s", operation, parent.operationName())
                      .isTrue());
    }
  }

  private void insertRows(int count) throws SQLException {
    for (int id = 1; id <= count; id++) {
      update("INSERT INTO " + table + " (id, name) VALUES (" + id + ", 'n" + id + "')");
    }
  }

  private int rowCount() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rows.next();
      return rows.getInt(1);
    }
  }
}

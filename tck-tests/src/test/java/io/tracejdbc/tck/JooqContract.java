package io.tracejdbc.tck;

import static io.tracejdbc.tck.Traces.operations;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentracing.mock.MockTracer;
import io.tracejdbc.driver.TracingDriver;
import java.sql.Connection;
import java.sql.SQLException;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** jOOQ over a {@code jdbc:tracing:} connection: its DSL queries become well-named spans. */
abstract class JooqContract {
  final MockTracer tracer = new MockTracer();
  Database db;
  Connection connection;
  String tableName;
  Table<Record> table;
  final Field<Integer> id = DSL.field(DSL.name("id"), SQLDataType.INTEGER);
  final Field<String> name = DSL.field(DSL.name("name"), SQLDataType.VARCHAR(50));

  abstract Database database();

  /** The dialect jOOQ must detect for this database. */
  abstract SQLDialect dialect();

  @BeforeEach
  void connect() throws SQLException {
    db = database();
    db.assumeAvailable();
    TracingDriver.init(tracer);
    connection = db.connect();
    tableName = "tck_" + Database.uniqueSuffix();
    table = DSL.table(DSL.name(tableName));
  }

  @AfterEach
  void dropAndClose() throws SQLException {
    if (connection == null) {
      return;
    }
    try (Connection c = connection) {
      DSL.using(c, dialect()).dropTableIfExists(table).execute();
    }
  }

  @Test
  void jooqDetectsTheDialectThroughTheTracingConnection() {
    assertThat(DSL.using(connection).dialect()).isEqualTo(dialect());
  }

  @Test
  void dslQueriesAreSpansNamedForWhatTheyDoWithTheirTable() {
    DSLContext sql = DSL.using(connection, dialect());

    sql.createTable(table).column(id).column(name).primaryKey(id).execute();
    sql.insertInto(table, id, name).values(1, "a").values(2, "b").execute();
    sql.select(name).from(table).where(id.eq(1)).fetch();
    sql.update(table).set(name, "c").where(id.eq(2)).execute();
    sql.deleteFrom(table).where(id.eq(1)).execute();
    sql.dropTable(table).execute();

    assertThat(operations(tracer))
        .containsExactly("create-table", "insert", "select", "update", "delete", "drop-table");
    assertThat(tracer.finishedSpans())
        .allSatisfy(span -> assertThat(span.tags()).containsEntry("db.sql.table", tableName));
  }

  @Test
  void dslBindValuesNeverReachTheStatementTag() {
    DSLContext sql = DSL.using(connection, dialect());
    sql.createTable(table).column(id).column(name).execute();
    tracer.reset();

    sql.insertInto(table, id, name).values(7, "secret").execute();

    assertThat(tracer.finishedSpans())
        .singleElement()
        .satisfies(
            span ->
                assertThat((String) span.tags().get("db.statement"))
                    .doesNotContain("secret")
                    .contains("?"));
  }
}

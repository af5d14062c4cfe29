package io.tracejdbc.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code db.operation.name} of a statement, alone and in a batch, for each tracejdbc name. */
class OperationNameTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
  # DML and queries
  select                   | SELECT                   | BATCH SELECT
  insert                   | INSERT                   | BATCH INSERT
  update                   | UPDATE                   | BATCH UPDATE
  delete                   | DELETE                   | BATCH DELETE
  merge                    | MERGE                    | BATCH MERGE
  upsert                   | UPSERT                   | BATCH UPSERT
  replace                  | REPLACE                  | BATCH REPLACE
  values                   | VALUES                   | BATCH VALUES
  truncate                 | TRUNCATE                 | BATCH TRUNCATE
  call                     | CALL                     | BATCH CALL
  execute                  | EXECUTE                  | BATCH EXECUTE
  exec                     | EXEC                     | BATCH EXEC
  # DDL: the words of the statement, one space apart
  create-table             | CREATE TABLE             | BATCH CREATE TABLE
  create-index             | CREATE INDEX             | BATCH CREATE INDEX
  create-view              | CREATE VIEW              | BATCH CREATE VIEW
  create-materialized-view | CREATE MATERIALIZED VIEW | BATCH CREATE MATERIALIZED VIEW
  create-sequence          | CREATE SEQUENCE          | BATCH CREATE SEQUENCE
  create-schema            | CREATE SCHEMA            | BATCH CREATE SCHEMA
  create-function          | CREATE FUNCTION          | BATCH CREATE FUNCTION
  create                   | CREATE                   | BATCH CREATE
  drop-table               | DROP TABLE               | BATCH DROP TABLE
  drop-index               | DROP INDEX               | BATCH DROP INDEX
  drop-view                | DROP VIEW                | BATCH DROP VIEW
  drop                     | DROP                     | BATCH DROP
  alter-table              | ALTER TABLE              | BATCH ALTER TABLE
  alter-session            | ALTER SESSION            | BATCH ALTER SESSION
  rename-table             | RENAME TABLE             | BATCH RENAME TABLE
  # transactions, savepoints and session statements
  begin                    | BEGIN                    | BATCH BEGIN
  commit                   | COMMIT                   | BATCH COMMIT
  rollback                 | ROLLBACK                 | BATCH ROLLBACK
  savepoint                | SAVEPOINT                | BATCH SAVEPOINT
  release-savepoint        | RELEASE SAVEPOINT        | BATCH RELEASE SAVEPOINT
  set                      | SET                      | BATCH SET
  reset                    | RESET                    | BATCH RESET
  show                     | SHOW                     | BATCH SHOW
  use                      | USE                      | BATCH USE
  explain                  | EXPLAIN                  | BATCH EXPLAIN
  describe                 | DESCRIBE                 | BATCH DESCRIBE
  grant                    | GRANT                    | BATCH GRANT
  revoke                   | REVOKE                   | BATCH REVOKE
  # verbs only the keyword tier reads
  pragma                   | PRAGMA                   | BATCH PRAGMA
  vacuum                   | VACUUM                   | BATCH VACUUM
  analyze                  | ANALYZE                  | BATCH ANALYZE
  """)
  void isTheStatementKindAsSqlWritesIt(String operation, String name, String batchName) {
    SqlOperation sqlOperation = SqlOperation.of(operation);

    assertThat(sqlOperation.name).isEqualTo(name);
    assertThat(sqlOperation.batchName).isEqualTo(batchName);
  }

  @Test
  void unreadableTextHasNoOperationNameAndItsBatchIsJustBatch() {
    SqlOperation textclause = SqlOperation.of("textclause");

    assertThat(textclause.name).isNull();
    assertThat(textclause.batchName).isEqualTo("BATCH");
  }

  @Test
  void batchOfMixedKindsIsJustBatch() {
    SqlOperation mixed = SqlOperation.of("batch");

    assertThat(mixed.name).isEqualTo("BATCH");
    assertThat(mixed.batchName).isEqualTo("BATCH");
  }

  @Test
  void eachNameHasOneInstance() {
    assertThat(SqlOperation.of(new String("select"))).isSameAs(SqlOperation.of("select"));
  }
}

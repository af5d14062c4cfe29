package io.tracejdbc.parser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A string that holds several statements is named as a batch of them is: after their kind when they
 * share one, else {@code batch}.
 */
class StatementsInOneStringTest {

  @Test
  void statementsOfOneKindAreNamedAfterIt() {
    SqlInfo info = SqlClassifier.classify("DELETE FROM a WHERE id = 1; DELETE FROM b");

    assertThat(info.operation()).isEqualTo("delete");
    assertThat(info.firstTable()).isEqualTo("a");
    assertThat(info.tables()).containsExactly("a", "b");
    assertThat(info.sanitizedSql()).isEqualTo("DELETE FROM a WHERE id = ?; DELETE FROM b");
  }

  @Test
  void statementsOfMixedKindsAreABatchWithoutATable() {
    SqlInfo info = SqlClassifier.classify("SELECT 1; DELETE FROM t");

    assertThat(info.operation()).isEqualTo("batch");
    assertThat(info.tables()).isEmpty();
  }

  @Test
  void trailingAndEmptyStatementsDoNotCount() {
    assertThat(SqlClassifier.classify("SELECT * FROM users;").operation()).isEqualTo("select");
    assertThat(SqlClassifier.classify("; ;SELECT 1;;").operation()).isEqualTo("select");
  }

  @Test
  void aSemicolonInsideARoutineBodyDoesNotSplitIt() {
    assertThat(
            SqlClassifier.classify(
                    "CREATE TRIGGER trg AFTER INSERT ON users BEGIN UPDATE stats SET n = n + 1; END")
                .operation())
        .isEqualTo("create-trigger");
    assertThat(SqlClassifier.classify("BEGIN my_proc(?); END;").operation()).isEqualTo("begin");
  }

  @Test
  void aTransactionScriptOfMixedKindsIsABatch() {
    assertThat(SqlClassifier.classify("BEGIN; UPDATE t SET a = 1; COMMIT;").operation())
        .isEqualTo("batch");
  }

  @Test
  void createAndAlterUserAreNamedAsWritten() {
    assertThat(SqlClassifier.classify("CREATE USER app PASSWORD 'x'").operation())
        .isEqualTo("create-user");
    assertThat(SqlClassifier.classify("ALTER USER app WITH PASSWORD 'x'").operation())
        .isEqualTo("alter-user");
    assertThat(SqlClassifier.classify("ALTER USER app IDENTIFIED BY pw").operation())
        .isEqualTo("alter-user");
  }
}

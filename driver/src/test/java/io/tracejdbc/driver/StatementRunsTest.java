package io.tracejdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracejdbc.parser.SqlClassifier;
import io.tracejdbc.parser.SqlInfo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-thread count behind N+1 detection: by parent, by shape, bounded. */
class StatementRunsTest {
  private static SqlInfo shape(String sql) {
    return SqlClassifier.classify(sql);
  }

  @Test
  void eachShapeHasItsOwnRunUnderOneParent() {
    Object parent = new Object();
    SqlInfo pets = shape("SELECT * FROM runs_pets WHERE owner_id = 1");
    SqlInfo visits = shape("SELECT * FROM runs_visits WHERE pet_id = 1");

    assertThat(StatementRuns.count(parent, pets)).isEqualTo(1);
    assertThat(StatementRuns.count(parent, visits)).isEqualTo(1);
    assertThat(StatementRuns.count(parent, shape("SELECT * FROM runs_pets WHERE owner_id = 2")))
        .isEqualTo(2);
    assertThat(StatementRuns.count(parent, visits)).isEqualTo(2);
  }

  @Test
  void anotherParentStartsOverAndAnEqualOneContinues() {
    SqlInfo pets = shape("SELECT * FROM runs_pets WHERE owner_id = 1");
    List<Integer> first = new ArrayList<>(List.of(1));
    StatementRuns.count(first, pets);
    StatementRuns.count(first, pets);

    assertThat(StatementRuns.count(new ArrayList<>(List.of(1)), pets))
        .as("a span API that wraps the same span anew, with equals")
        .isEqualTo(3);
    assertThat(StatementRuns.count(new Object(), pets)).isEqualTo(1);
  }

  @Test
  void pastTheBoundTheLeastRepeatedShapeIsForgotten() {
    Object parent = new Object();
    SqlInfo repeated = shape("SELECT * FROM runs_repeated WHERE id = 1");
    StatementRuns.count(parent, repeated);
    StatementRuns.count(parent, repeated);
    for (int i = 1; i < StatementRuns.MAX_SHAPES; i++) {
      StatementRuns.count(parent, shape("SELECT * FROM runs_t" + i));
    }
    SqlInfo first = shape("SELECT * FROM runs_t1");
    StatementRuns.count(parent, shape("SELECT * FROM runs_one_too_many"));

    assertThat(StatementRuns.count(parent, repeated)).isEqualTo(3);
    assertThat(StatementRuns.count(parent, first))
        .as("forgotten for the shape past the bound")
        .isEqualTo(1);
  }
}

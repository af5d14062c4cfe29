package io.tracejdbc.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One parse serves every statement with the same sanitized text; the cache stays bounded. */
class CachingTest {

  @Test
  void statementsDifferingOnlyInLiteralsShareOneEntry() {
    SqlInfo first = SqlClassifier.classify("SELECT * FROM cache_a WHERE id = 1 AND name = 'x'");
    int size = SqlClassifier.CACHE.size();

    SqlInfo second = SqlClassifier.classify("SELECT * FROM cache_a WHERE id = 2 AND name = 'y'");

    assertThat(second).isSameAs(first);
    assertThat(SqlClassifier.CACHE.size()).isEqualTo(size);
  }

  @Test
  void statementsDifferingOnlyInInListLengthShareOneEntry() {
    SqlInfo first = SqlClassifier.classify("SELECT * FROM cache_b WHERE id IN (1, 2, 3)");

    assertThat(SqlClassifier.classify("SELECT * FROM cache_b WHERE id IN (?, ?)")).isSameAs(first);
    assertThat(SqlClassifier.classify("SELECT * FROM cache_b WHERE id IN (7)")).isSameAs(first);
  }

  @Test
  void theCacheStaysWithinItsBoundAfterTenThousandDistinctStatements() {
    for (int i = 0; i < 10_000; i++) {
      SqlClassifier.classify("SELECT * FROM bounded_" + i);
      assertThat(SqlClassifier.CACHE.size()).isLessThanOrEqualTo(SqlClassifier.CACHE_CAPACITY);
    }
  }

  @Test
  void statementsOverTheParseLimitAreNotCached() {
    String sql =
        "SELECT * FROM big WHERE " + "a = b AND ".repeat(SqlClassifier.PARSE_LIMIT / 10) + "c = d";
    int size = SqlClassifier.CACHE.size();

    SqlInfo info = SqlClassifier.classify(sql);

    assertThat(info.operation()).isEqualTo("select");
    assertThat(info.tables()).isEqualTo(List.of("big"));
    assertThat(SqlClassifier.CACHE.get(info.sanitizedSql())).isNull();
    assertThat(SqlClassifier.CACHE.size()).isEqualTo(size);
  }

  @Test
  void aFullCacheMakesRoomInsteadOfGrowing() {
    ParseCache cache = new ParseCache(4);

    for (int i = 0; i < 10; i++) {
      cache.put("SELECT " + i, SqlClassifier.classify("SELECT 1"));
    }

    assertThat(cache.size()).isBetween(1, 4);
    assertThat(cache.get("SELECT 9")).isNotNull();
  }
}

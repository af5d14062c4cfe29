package io.tracejdbc.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracejdbc.parser.SqlClassifier.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One classification serves every statement with the same sanitized text, a repeated text costs a
 * lookup, and both cache levels stay bounded by entries and characters without emptying.
 */
class CachingTest {

  @Test
  void statementsDifferingOnlyInLiteralsShareOneEntry() {
    SqlInfo first = SqlClassifier.classify("SELECT * FROM cache_a WHERE id = 1 AND name = 'x'");
    int size = SqlClassifier.BY_SANITIZED.size();

    SqlInfo second = SqlClassifier.classify("SELECT * FROM cache_a WHERE id = 2 AND name = 'y'");

    assertThat(second).isSameAs(first);
    assertThat(SqlClassifier.BY_SANITIZED.size()).isEqualTo(size);
  }

  @Test
  void statementsDifferingOnlyInInListLengthShareOneEntry() {
    SqlInfo first = SqlClassifier.classify("SELECT * FROM cache_b WHERE id IN (1, 2, 3)");

    assertThat(SqlClassifier.classify("SELECT * FROM cache_b WHERE id IN (?, ?)")).isSameAs(first);
    assertThat(SqlClassifier.classify("SELECT * FROM cache_b WHERE id IN (7)")).isSameAs(first);
  }

  @Test
  void aTextWithoutLiteralsIsAnsweredByItsOwnEntryFromTheFirstSight() {
    String sql = "select c.id from cache_c c where c.id = ?";

    SqlInfo info = SqlClassifier.classify(sql);

    assertThat(SqlClassifier.BY_TEXT.get(sql)).isNotNull();
    assertThat(SqlClassifier.BY_TEXT.get(sql).info).isSameAs(info);
    assertThat(SqlClassifier.classify(new String(sql))).isSameAs(info);
  }

  @Test
  void textsWhoseLiteralsChangeWithEveryCallDoNotEnterTheFirstLevel() {
    for (int i = 0; i < 1_000; i++) {
      SqlClassifier.classify("SELECT * FROM cache_d WHERE id = " + i);
    }

    assertThat(SqlClassifier.BY_TEXT.get("SELECT * FROM cache_d WHERE id = 999")).isNull();
    assertThat(SqlClassifier.BY_SANITIZED.get("SELECT * FROM cache_d WHERE id = ?")).isNotNull();
  }

  @Test
  void aTextWithLiteralsEntersTheFirstLevelWhenItComesTwiceInARow() {
    String sql = "select * from cache_e where kind = 'cat'";

    SqlClassifier.classify(sql);
    assertThat(SqlClassifier.BY_TEXT.get(sql)).isNull();
    SqlClassifier.classify(sql);

    assertThat(SqlClassifier.BY_TEXT.get(sql)).isNotNull();
  }

  @Test
  void theSameTextInAnotherDialectIsReadAsThatDialectReadsIt() {
    String sql = "SELECT \"cache_f\" FROM t";

    assertThat(SqlClassifier.classify(sql, Dialect.STANDARD).sanitizedSql()).isEqualTo(sql);
    assertThat(SqlClassifier.classify(sql, Dialect.MYSQL).sanitizedSql())
        .isEqualTo("SELECT ? FROM t");
    assertThat(SqlClassifier.classify(sql, Dialect.STANDARD).sanitizedSql()).isEqualTo(sql);
  }

  @Test
  void theCacheStaysWithinItsBoundAfterTwentyThousandDistinctStatements() {
    for (int i = 0; i < 20_000; i++) {
      SqlClassifier.classify("SELECT * FROM bounded_" + i);
      assertThat(SqlClassifier.BY_TEXT.size()).isLessThanOrEqualTo(SqlClassifier.CACHE_ENTRIES);
      assertThat(SqlClassifier.BY_SANITIZED.size())
          .isLessThanOrEqualTo(SqlClassifier.CACHE_ENTRIES);
    }
  }

  @Test
  void aStatementOverTheParseLimitIsCachedAsAnyOther() {
    String sql =
        "SELECT * FROM big JOIN small ON big.id = small.id WHERE "
            + "a = b AND ".repeat(SqlClassifier.PARSE_LIMIT / 10)
            + "c = d";

    SqlInfo info = SqlClassifier.classify(sql);

    assertThat(info.tables()).isEqualTo(List.of("big", "small"));
    assertThat(SqlClassifier.BY_SANITIZED.get(info.sanitizedSql()).info).isSameAs(info);
    assertThat(SqlClassifier.classify(sql)).isSameAs(info);
  }

  @Test
  void aFullCacheMakesRoomInsteadOfGrowing() {
    ClassificationCache cache = new ClassificationCache(4, 1 << 16);

    for (int i = 0; i < 10; i++) {
      cache.put(entry("SELECT " + i));
    }

    assertThat(cache.size()).isEqualTo(4);
    assertThat(cache.get("SELECT 9")).isNotNull();
  }

  @Test
  void aFullCacheKeepsTheStatementsInUse() {
    ClassificationCache cache = new ClassificationCache(100, 1 << 16);
    cache.put(entry("SELECT hot"));

    for (int i = 0; i < 10_000; i++) {
      assertThat(cache.get("SELECT hot")).isNotNull();
      cache.put(entry("SELECT cold_" + i));
      assertThat(cache.size()).isEqualTo(Math.min(i + 2, 100));
    }
  }

  @Test
  void aFewLongStatementsCannotHoldMoreThanTheCharacterBound() {
    ClassificationCache cache = new ClassificationCache(1_000, 64_000);

    for (int i = 0; i < 200; i++) {
      cache.put(entry("SELECT " + i + " /*" + "x".repeat(900) + "*/"));
      assertThat(cache.chars()).isLessThanOrEqualTo(64_000);
    }

    assertThat(cache.size()).isBetween(60, 71);
  }

  @Test
  void aStatementTooLongForTheBoundIsNotCached() {
    ClassificationCache cache = new ClassificationCache(1_000, 64_000);

    cache.put(entry("SELECT " + "x".repeat(1_001)));

    assertThat(cache.size()).isZero();
  }

  private static ClassificationCache.Entry entry(String text) {
    return new ClassificationCache.Entry(text, SqlClassifier.classify("SELECT 1"), null);
  }
}

package io.tracejdbc.tck;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** Hibernate ORM 7 on a SQLite database file, through hibernate-community-dialects. */
class HibernateOnSqliteTest extends HibernateContract {
  @TempDir Path directory;

  @Override
  Database database() {
    return Database.sqliteFile(directory);
  }

  @Override
  Map<String, String> settings() {
    return Map.of("hibernate.dialect", "org.hibernate.community.dialect.SQLiteDialect");
  }

  @Override
  void cleanUp() {
    // the database file lives in the temporary directory, which JUnit removes
  }
}

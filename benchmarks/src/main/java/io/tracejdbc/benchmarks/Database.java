package io.tracejdbc.benchmarks;

import java.sql.Driver;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/** The databases measured: an in-memory SQLite one and the local PostgreSQL server. */
enum Database {
  SQLITE("jdbc:sqlite::memory:", new org.sqlite.JDBC(), new Properties()) {
    @Override
    DataSource dataSource() {
      SQLiteDataSource dataSource = new SQLiteDataSource();
      dataSource.setUrl(url);
      return dataSource;
    }
  },
  POSTGRESQL("jdbc:postgresql://127.0.0.1:5432/test", new org.postgresql.Driver(), postgresUser()) {
    @Override
    DataSource dataSource() {
      PGSimpleDataSource dataSource = new PGSimpleDataSource();
      dataSource.setUrl(url);
      dataSource.setUser(properties.getProperty("user"));
      return dataSource;
    }
  };

  final String url;

  /** The real driver, called directly: several contenders' drivers claim the same URLs. */
  final Driver driver;

  final Properties properties;

  Database(String url, Driver driver, Properties properties) {
    this.url = url;
    this.driver = driver;
    this.properties = properties;
  }

  /** The real driver's data source, for the contenders that wrap one. */
  abstract DataSource dataSource();

  /** {@link #url} with {@code jdbc:} replaced by {@code prefix}, e.g. {@code jdbc:tracing:}. */
  String urlWithPrefix(String prefix) {
    return prefix + url.substring("jdbc:".length());
  }

  private static Properties postgresUser() {
    Properties properties = new Properties();
    properties.setProperty("user", "postgres");
    return properties;
  }
}

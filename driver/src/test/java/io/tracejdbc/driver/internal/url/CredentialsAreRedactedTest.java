package io.tracejdbc.driver.internal.url;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** URLs shown in error messages keep everything but their passwords. */
class CredentialsAreRedactedTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
  jdbc:postgresql://host/db?user=u&password=p              | jdbc:postgresql://host/db?user=u&password=***
  jdbc:tracing:postgresql://host/db?password=p&ssl=true    | jdbc:tracing:postgresql://host/db?password=***&ssl=true
  jdbc:postgresql://host/db?sslpassword=k&sslmode=verify   | jdbc:postgresql://host/db?sslpassword=***&sslmode=verify
  jdbc:mysql://host/db?trustCertificateKeyStorePassword=t  | jdbc:mysql://host/db?trustCertificateKeyStorePassword=***
  jdbc:mysql://u:p@host/db                                 | jdbc:mysql://u:***@host/db
  jdbc:mysql://u:p@ss@host:3306/db?x=1                     | jdbc:mysql://u:***@host:3306/db?x=1
  jdbc:mysql://address=(host=h)(password=p)(port=3307)/db  | jdbc:mysql://address=(host=h)(password=***)(port=3307)/db
  jdbc:h2:./db;USER=sa;PASSWORD=x                          | jdbc:h2:./db;USER=sa;PASSWORD=***
  jdbc:sqlserver://host;user=u;password={a;b}}c};database=d | jdbc:sqlserver://host;user=u;password=***;database=d
  jdbc:sqlserver://host;Password=p;databaseName=d          | jdbc:sqlserver://host;Password=***;databaseName=d
  jdbc:oracle:thin:scott/tiger@host:1521:orcl              | jdbc:oracle:thin:scott/***@host:1521:orcl
  jdbc:oracle:thin:scott/"ti@ger"@//host/svc               | jdbc:oracle:thin:scott/***@//host/svc
  jdbc:oracle:thin:scott/tiger                             | jdbc:oracle:thin:scott/***
  jdbc:db2://host:50000/db:user=u;password=p;              | jdbc:db2://host:50000/db:user=u;password=***;
  jdbc:foo:pwd=a;passwd=b;x=y                              | jdbc:foo:pwd=***;passwd=***;x=y
  """)
  void masksEveryPassword(String url, String redacted) {
    assertThat(DbInfo.redact(url)).isEqualTo(redacted);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "jdbc:postgresql://host:5432/db?ssl=true&user=u",
        "jdbc:mysql://u@host/db",
        "jdbc:sqlite:app.db",
        "jdbc:oracle:thin:@//host:1521/service",
        "jdbc:sqlserver://host\\instance;databaseName=db",
        "jdbc:h2:mem:test;DB_CLOSE_DELAY=-1",
        ""
      })
  void leavesUrlsWithoutCredentialsUnchanged(String url) {
    assertThat(DbInfo.redact(url)).isEqualTo(url);
  }

  @Test
  void nullStaysNull() {
    assertThat(DbInfo.redact(null)).isNull();
  }
}

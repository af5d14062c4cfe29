package io.tracejdbc.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code db.system.name} of a connection's spans, for each {@code db.system} of tracejdbc. */
class DbSystemNameTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
  # the driver's own values: renamed where the conventions have a well-known name
  h2              | h2database
  mssql           | microsoft.sql_server
  oracle          | oracle.db
  db2             | ibm.db2
  # ... and kept where the well-known name is the same
  sqlite          | sqlite
  postgresql      | postgresql
  mysql           | mysql
  mariadb         | mariadb
  derby           | derby
  hsqldb          | hsqldb
  other_sql       | other_sql
  # jTDS to Sybase: no well-known name, so the product's name in lower case
  sybase          | sybase
  # subprotocols of other vendors' drivers whose product has a different well-known name
  as400           | ibm.db2
  informix-sqli   | ibm.informix
  informix-direct | ibm.informix
  netezza         | ibm.netezza
  sap             | sap.hana
  sapdb           | sap.maxdb
  redshift        | aws.redshift
  cloudspanner    | gcp.spanner
  ingres          | actian.ingres
  firebird        | firebirdsql
  cache           | intersystems.cache
  hive2           | hive
  ch              | clickhouse
  # subprotocols that already are the well-known name, or the product's name
  firebirdsql     | firebirdsql
  clickhouse      | clickhouse
  trino           | trino
  teradata        | teradata
  snowflake       | snowflake
  """)
  void isTheConventionsNameForTheDatabase(String system, String systemName) {
    assertThat(DbSystemNames.of(system)).isEqualTo(systemName);
  }
}

package io.tracejdbc.opentelemetry;

import java.util.Map;

/**
 * The {@code db.system.name} of OpenTelemetry's database conventions for tracejdbc's {@code
 * db.system}: the connection URL's subprotocol, lower case, or {@code mssql} for SQL Server and
 * {@code other_sql} for a URL without one.
 *
 * <p>The conventions require their well-known value wherever one applies ({@code h2database},
 * {@code microsoft.sql_server}, {@code oracle.db}, {@code ibm.db2}, ...); elsewhere they ask for
 * the product's name in lower case, which the subprotocol already is ({@code sqlite}, {@code
 * postgresql}, {@code snowflake}), so every other value passes through unchanged. Read once per
 * connection, not per statement.
 */
final class DbSystemNames {
  /**
   * tracejdbc's values whose product has another well-known name: the driver's own ({@code h2},
   * {@code mssql}, {@code oracle}, {@code db2}) and the subprotocols of other vendors' drivers.
   */
  private static final Map<String, String> WELL_KNOWN =
      Map.ofEntries(
          Map.entry("h2", "h2database"),
          Map.entry("mssql", "microsoft.sql_server"),
          Map.entry("oracle", "oracle.db"),
          Map.entry("db2", "ibm.db2"),
          Map.entry("as400", "ibm.db2"),
          Map.entry("informix-sqli", "ibm.informix"),
          Map.entry("informix-direct", "ibm.informix"),
          Map.entry("netezza", "ibm.netezza"),
          Map.entry("sap", "sap.hana"),
          Map.entry("sapdb", "sap.maxdb"),
          Map.entry("redshift", "aws.redshift"),
          Map.entry("cloudspanner", "gcp.spanner"),
          Map.entry("ingres", "actian.ingres"),
          Map.entry("firebird", "firebirdsql"),
          Map.entry("cache", "intersystems.cache"),
          Map.entry("hive2", "hive"),
          Map.entry("ch", "clickhouse"));

  /** The conventions' name of an SQL database whose product is not known. */
  static final String UNKNOWN = "other_sql";

  private DbSystemNames() {}

  /** The {@code db.system.name} for tracejdbc's {@code db.system} value {@code system}. */
  static String of(String system) {
    return WELL_KNOWN.getOrDefault(system, system);
  }
}

package io.tracejdbc.spring;

/** The attribute names of OpenTelemetry's database conventions, and tracejdbc's own. */
final class Conventions {
  static final String DB_SYSTEM_NAME = "db.system.name";
  static final String DB_NAMESPACE = "db.namespace";
  static final String DB_OPERATION_NAME = "db.operation.name";
  static final String DB_QUERY_SUMMARY = "db.query.summary";
  static final String DB_STORED_PROCEDURE_NAME = "db.stored_procedure.name";
  static final String DB_QUERY_TEXT = "db.query.text";
  static final String DB_QUERY_PARAMETER = "db.query.parameter.";
  static final String DB_OPERATION_BATCH_SIZE = "db.operation.batch.size";
  static final String DB_RESPONSE_STATUS_CODE = "db.response.status_code";
  static final String SERVER_ADDRESS = "server.address";
  static final String SERVER_PORT = "server.port";
  static final String ERROR_TYPE = "error.type";
  static final String ROWS_AFFECTED = "tracejdbc.rows_affected";
  static final String SLOW = "tracejdbc.slow";

  private Conventions() {}
}

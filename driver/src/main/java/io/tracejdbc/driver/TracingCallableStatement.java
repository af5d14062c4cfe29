package io.tracejdbc.driver;

import io.tracejdbc.driver.JdbcDelegation.DelegatingCallableStatement;
import java.sql.CallableStatement;

/** A callable statement of the real driver, traced like a prepared one; the rest is delegation. */
final class TracingCallableStatement extends DelegatingCallableStatement {
  TracingCallableStatement(CallableStatement callable, TracingConnection connection, String sql) {
    super(callable, connection, sql);
  }
}

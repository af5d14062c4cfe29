package io.tracejdbc.driver;

import java.sql.SQLException;
import java.sql.Wrapper;

/**
 * The {@link Wrapper} contract shared by every wrapper: a wrapper unwraps to itself for its own
 * types, else to the real object or what the real object unwraps to.
 */
final class Wrappers {
  private Wrappers() {}

  static <T> T unwrap(Object wrapper, Wrapper real, Class<T> iface) throws SQLException {
    if (iface.isInstance(wrapper)) {
      return iface.cast(wrapper);
    }
    return iface.isInstance(real) ? iface.cast(real) : real.unwrap(iface);
  }

  static boolean isWrapperFor(Object wrapper, Wrapper real, Class<?> iface) throws SQLException {
    return iface.isInstance(wrapper) || iface.isInstance(real) || real.isWrapperFor(iface);
  }
}

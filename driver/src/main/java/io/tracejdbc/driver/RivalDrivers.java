package io.tracejdbc.driver;

import java.lang.System.Logger.Level;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Other registered JDBC drivers that accept {@code jdbc:tracing:} URLs, as opentracing-contrib's
 * java-jdbc does. DriverManager asks drivers in the order they registered, so the first of them
 * silently takes every such connection: one warning names the others.
 */
final class RivalDrivers {
  private static final System.Logger LOG = System.getLogger("io.tracejdbc.driver");
  private static final String PROBE_URL = TracingDriver.URL_PREFIX + "postgresql://localhost/db";
  private static final AtomicBoolean checked = new AtomicBoolean();

  private RivalDrivers() {}

  /**
   * Checks now when DriverManager is loading this driver, else at the first connection. Reading
   * DriverManager's drivers makes it load them all under its lock: this thread holds that lock
   * already when DriverManager loads the driver, but with {@code Class.forName} on this thread
   * while another thread loads drivers, waiting for it here would deadlock the two.
   */
  static void checkAtRegistration() {
    boolean loadedByDriverManager =
        StackWalker.getInstance()
            .walk(
                frames ->
                    frames.anyMatch(
                        frame -> frame.getClassName().equals(DriverManager.class.getName())));
    if (loadedByDriverManager) {
      checkOnce();
    }
  }

  static void checkOnce() {
    if (!checked.get() && checked.compareAndSet(false, true)) {
      warnAbout(DriverManager.drivers().collect(Collectors.toList()));
    }
  }

  /** Logs one warning naming each driver of {@code registered}, in order, that is a rival. */
  static void warnAbout(List<Driver> registered) {
    List<String> rivals = new ArrayList<>();
    boolean tracejdbcSeen = false;
    for (Driver driver : registered) {
      if (driver instanceof TracingDriver) {
        tracejdbcSeen = true;
      } else if (accepts(driver)) {
        rivals.add(
            driver.getClass().getName()
                + (tracejdbcSeen
                    ? " (registered after tracejdbc: it gets none of them)"
                    : " (registered before tracejdbc: it takes all of them, untraced by tracejdbc)"));
      }
    }
    if (!rivals.isEmpty()) {
      LOG.log(
          Level.WARNING,
          "Other JDBC drivers than tracejdbc's accept "
              + TracingDriver.URL_PREFIX
              + " URLs: "
              + String.join(", ", rivals)
              + ". DriverManager gives each connection to the first registered;"
              + " keep one of these jars on the class path.");
    }
  }

  private static boolean accepts(Driver driver) {
    try {
      return driver.acceptsURL(PROBE_URL);
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }
}

package io.tracejdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Another driver for {@code jdbc:tracing:} URLs (opentracing-contrib's java-jdbc has one) is named
 * in one warning. Registration itself, with java-jdbc's real jar, runs in packaging-tests.
 */
class RivalDriversTest {
  private final LogCapture log = new LogCapture();
  private final Driver rival = new RivalTracingDriver();

  @AfterEach
  void stopCapture() throws SQLException {
    log.close();
    DriverManager.deregisterDriver(rival);
  }

  @Test
  void aRivalRegisteredFirstIsNamedAsTheOneTakingTheConnections() {
    RivalDrivers.warnAbout(List.of(rival, new TracingDriver()));

    assertThat(log.at(Level.WARNING))
        .singleElement()
        .asString()
        .contains(
            RivalTracingDriver.class.getName()
                + " (registered before tracejdbc: it takes all of them, untraced by tracejdbc)",
            "jdbc:tracing:");
  }

  @Test
  void aRivalRegisteredAfterwardsIsNamedAsGettingNone() throws SQLException {
    DriverManager.registerDriver(rival);

    RivalDrivers.warnAbout(DriverManager.drivers().collect(Collectors.toList()));

    assertThat(log.at(Level.WARNING))
        .singleElement()
        .asString()
        .contains(
            RivalTracingDriver.class.getName()
                + " (registered after tracejdbc: it gets none of them)");
  }

  @Test
  void driversForOtherUrlsAreNoRivals() {
    List<Driver> registered = DriverManager.drivers().collect(Collectors.toList());
    assertThat(registered).hasAtLeastOneElementOfType(TracingDriver.class).hasSizeGreaterThan(1);

    RivalDrivers.warnAbout(registered);

    assertThat(log.at(Level.WARNING)).isEmpty();
  }

  /** Accepts what tracejdbc accepts, as java-jdbc's driver does. */
  static final class RivalTracingDriver implements Driver {
    @Override
    public Connection connect(String url, Properties info) {
      return null;
    }

    @Override
    public boolean acceptsURL(String url) {
      return url.startsWith("jdbc:tracing:");
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
      return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
      return 1;
    }

    @Override
    public int getMinorVersion() {
      return 0;
    }

    @Override
    public boolean jdbcCompliant() {
      return false;
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getGlobal();
    }
  }
}

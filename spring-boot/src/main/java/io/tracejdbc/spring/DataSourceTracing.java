package io.tracejdbc.spring;

import io.tracejdbc.driver.TracingDataSource;
import io.tracejdbc.driver.TracingDriver;
import io.tracejdbc.driver.TracingOptions;
import io.tracejdbc.driver.internal.DriverAccess;
import io.tracejdbc.driver.internal.Telemetry;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps every {@code DataSource} bean as it is created, after its initialization and before anyone
 * uses it (Boot's schema.sql, Flyway and Liquibase included), unless it is excluded by name or
 * tracejdbc traces it already: a {@link TracingDataSource}, a data source that wraps one, or one
 * whose URL is {@code jdbc:tracing:}.
 *
 * <p>The backend is picked when the first data source is wrapped, and also receives the spans of
 * {@code jdbc:tracing:} connections (it is installed as the driver's global one).
 */
final class DataSourceTracing implements BeanPostProcessor {
  private static final System.Logger LOG = System.getLogger("io.tracejdbc.spring");

  private final ObjectProvider<TracejdbcProperties> properties;
  private final ObjectProvider<TracingBackend> backends;
  private final ObjectProvider<TracingMetrics> metrics;

  /** Read when the first data source is wrapped: the beans it needs may not exist before. */
  private volatile Settings settings;

  DataSourceTracing(
      ObjectProvider<TracejdbcProperties> properties,
      ObjectProvider<TracingBackend> backends,
      ObjectProvider<TracingMetrics> metrics) {
    this.properties = properties;
    this.backends = backends;
    this.metrics = metrics;
  }

  /** The options, the excluded bean names and where spans go. */
  private record Settings(TracingOptions options, Set<String> excluded, Telemetry<?> telemetry) {}

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (!(bean instanceof DataSource dataSource)) {
      return bean;
    }
    Settings current = settings();
    if (current.excluded.contains(beanName) || tracedAlready(dataSource)) {
      return bean;
    }
    DataSource traced =
        DriverAccess.get().dataSource(dataSource, current.telemetry, current.options);
    return TracedConnections.proxy(dataSource, traced);
  }

  private Settings settings() {
    Settings current = settings;
    if (current == null) {
      synchronized (this) {
        current = settings;
        if (current == null) {
          current = read();
          DriverAccess.get().init(current.telemetry, current.options);
          settings = current;
        }
      }
    }
    return current;
  }

  private Settings read() {
    TracejdbcProperties bound = properties.getObject();
    TracingMetrics registry = bound.getMetrics().isEnabled() ? metrics.getIfUnique() : null;
    boolean metered = registry != null && registry.available();
    boolean backendsMetric = bound.getMetrics().isEnabled() && !metered;
    Telemetry<?> spans =
        backends
            .orderedStream()
            .map(backend -> backend.telemetry(backendsMetric))
            .filter(Objects::nonNull)
            .findFirst()
            .orElseThrow(
                () -> new IllegalStateException("no tracing backend, not even the global one"));
    Telemetry<?> telemetry = metered ? registry.metered(spans) : spans;
    LOG.log(Level.DEBUG, "tracejdbc traces data sources with {0}", telemetry);
    return new Settings(bound.toOptions(), Set.copyOf(bound.getExcludedDataSources()), telemetry);
  }

  static boolean tracedAlready(DataSource dataSource) {
    if (dataSource instanceof TracingDataSource) {
      return true;
    }
    try {
      if (dataSource.isWrapperFor(TracingDataSource.class)) {
        return true;
      }
    } catch (SQLException | RuntimeException e) {
      // a data source that cannot say is not tracejdbc's
    }
    String url = url(dataSource);
    return url != null && url.startsWith(TracingDriver.URL_PREFIX);
  }

  /** The URL of a pool or driver data source (Hikari's jdbcUrl, the others' url), if it has one. */
  private static String url(DataSource dataSource) {
    BeanWrapper properties = PropertyAccessorFactory.forBeanPropertyAccess(dataSource);
    for (String name : new String[] {"jdbcUrl", "url"}) {
      if (properties.isReadableProperty(name)) {
        try {
          Object value = properties.getPropertyValue(name);
          if (value instanceof String url) {
            return url;
          }
        } catch (RuntimeException e) {
          // a getter that fails says nothing of the URL
        }
      }
    }
    return null;
  }
}

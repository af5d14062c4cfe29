package io.tracejdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentracing.mock.MockSpan;
import io.tracejdbc.driver.internal.url.ConnectionUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sqlite.SQLiteDataSource;

/**
 * The opt-in options ({@code sqlCommenter}, {@code captureParameters}, {@code
 * traceConnectionAcquisition}): off by default, set as every option is (builder, Properties, URL,
 * connect's Properties, a data source's options), a bad value failing with the option's name.
 */
class OptInOptionsTest extends MockTracing {

  @Test
  void everyOptInIsOffByDefault() {
    TracingOptions defaults = TracingOptions.defaults();
    assertThat(defaults.sqlCommenter()).isFalse();
    assertThat(defaults.captureParameters()).isFalse();
    assertThat(defaults.traceConnectionAcquisition()).isFalse();
    assertThat(defaults.toString())
        .contains(
            "sqlCommenter=false", "captureParameters=false", "traceConnectionAcquisition=false");
  }

  @Test
  void theBuilderAndPropertiesSetThem() {
    TracingOptions built =
        TracingOptions.builder()
            .sqlCommenter(true)
            .captureParameters(true)
            .traceConnectionAcquisition(true)
            .build();
    Properties properties = new Properties();
    properties.setProperty("sqlCommenter", "true");
    properties.setProperty("captureParameters", "TRUE");
    properties.setProperty("traceConnectionAcquisition", "true");
    for (TracingOptions options :
        new TracingOptions[] {built, TracingOptions.fromProperties(properties)}) {
      assertThat(options.sqlCommenter()).isTrue();
      assertThat(options.captureParameters()).isTrue();
      assertThat(options.traceConnectionAcquisition()).isTrue();
    }
  }

  @Test
  void theyAreTakenOutOfTheUrlBeforeTheRealDriver() throws SQLException {
    String url =
        "jdbc:tracing:postgresql://h/db?sqlCommenter=true&ssl=true&captureParameters=true"
            + "&traceConnectionAcquisition=false";
    assertThat(ConnectionUrl.parse(url, TracingOptions.NAMES.keySet()).realUrl)
        .isEqualTo("jdbc:postgresql://h/db?ssl=true");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "sqlCommenter=yes, sqlCommenter",
    "captureParameters=1, captureParameters",
    "traceConnectionAcquisition=on, traceConnectionAcquisition",
  })
  void aBadValueFailsConnectNamingTheOptionAndWhatItTakes(String option, String name) {
    assertThatThrownBy(() -> sqlite(option))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("tracejdbc option " + name)
        .hasMessageContaining("true or false");
    Properties properties = new Properties();
    properties.setProperty(name, "maybe");
    assertThatThrownBy(() -> TracingOptions.fromProperties(properties))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(name);
  }

  @Test
  void connectPropertiesSetThemForOneConnection() throws SQLException {
    Properties info = new Properties();
    info.setProperty("captureParameters", "true");
    try (Connection c = DriverManager.getConnection("jdbc:tracing:sqlite::memory:", info);
        PreparedStatement select = c.prepareStatement("SELECT ?")) {
      select.setString(1, "a");
      select.executeQuery().close();
    }
    assertThat(spans().get(0).tags()).containsEntry("db.query.parameter.0", "a");
  }

  @Test
  void offThePreparedStatementsSettersOnlyDelegate() throws SQLException {
    try (Connection off = sqlite();
        Connection on = sqlite("captureParameters=true")) {
      assertThat(off.prepareStatement("SELECT ?"))
          .isExactlyInstanceOf(TracingPreparedStatement.class);
      assertThat(on.prepareStatement("SELECT ?"))
          .isExactlyInstanceOf(JdbcDelegation.CapturingPreparedStatement.class);
    }
  }

  @Test
  void aDataSourcesOwnSettingWinsOverTheGlobalOne() throws SQLException {
    TracingDriver.init(tracer, TracingOptions.builder().traceConnectionAcquisition(true).build());
    SQLiteDataSource real = new SQLiteDataSource();
    real.setUrl("jdbc:sqlite::memory:");
    try (Connection c = new TracingDataSource(real).getConnection()) {
      assertThat(c).isNotNull();
    }
    TracingOptions off = TracingOptions.builder().traceConnectionAcquisition(false).build();
    try (Connection c = new TracingDataSource(real, off).getConnection()) {
      assertThat(c).isNotNull();
    }
    assertThat(spans())
        .extracting(MockSpan::operationName)
        .containsExactly("SQLiteDataSource.getConnection");
  }
}

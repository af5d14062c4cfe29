package io.tracejdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentracing.noop.NoopTracerFactory;
import io.tracejdbc.driver.internal.opentracing.OpenTracingTelemetry;
import io.tracejdbc.driver.internal.url.DbInfo;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every method of every wrapped JDBC 4.3 interface reaches the real object, with the same
 * arguments. The real object here is a recording proxy: this checks plumbing, not behaviour.
 */
class DelegationTest {
  /** Methods that answer from the wrapper itself, by the identity contract. */
  private static final Set<String> ANSWERED_BY_WRAPPER =
      Set.of("getConnection", "getStatement", "unwrap", "isWrapperFor");

  static Stream<Arguments> wrappedMethods() {
    List<Arguments> cases = new ArrayList<>();
    add(cases, Connection.class, real -> new TracingConnection(real, config()));
    add(cases, Statement.class, real -> new TracingStatement(real, connection()));
    add(
        cases,
        PreparedStatement.class,
        real -> new TracingPreparedStatement(real, connection(), "SELECT 1"));
    add(
        cases,
        CallableStatement.class,
        real -> new TracingCallableStatement(real, connection(), "{call p()}"));
    add(cases, ResultSet.class, real -> new TracingResultSet(real, null));
    add(cases, DatabaseMetaData.class, real -> new TracingDatabaseMetaData(real, null));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}.{1}")
  @MethodSource("wrappedMethods")
  void aWrapperMethodCallsTheSameMethodOfTheRealObject(
      String type, String signature, Class<?> iface, Method method, Function<Object, Object> wrap)
      throws Exception {
    Object wrapper = wrap.apply(null);
    Method implementation =
        wrapper.getClass().getMethod(method.getName(), method.getParameterTypes());
    assertThat(implementation.isDefault() || implementation.getDeclaringClass().isInterface())
        .as("%s is implemented by the wrapper, not left to the interface", signature)
        .isFalse();
    if (ANSWERED_BY_WRAPPER.contains(method.getName())) {
      return;
    }
    List<String> calls = new ArrayList<>();
    Object real = recording(iface, calls);
    Object traced = wrap.apply(real);
    try {
      method.invoke(traced, defaultArguments(method));
    } catch (InvocationTargetException e) {
      throw new AssertionError(signature + " threw", e.getCause());
    }
    assertThat(calls).as(signature).contains(signature(method));
  }

  private static <T> void add(List<Arguments> cases, Class<T> iface, Function<T, Object> wrap) {
    for (Method method : iface.getMethods()) {
      if (Modifier.isStatic(method.getModifiers())) continue;
      @SuppressWarnings("unchecked")
      Function<Object, Object> wrapper = real -> wrap.apply((T) real);
      cases.add(Arguments.of(iface.getSimpleName(), signature(method), iface, method, wrapper));
    }
  }

  private static String signature(Method method) {
    return method.getName()
        + Arrays.toString(
            Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).toArray());
  }

  private static Object recording(Class<?> iface, List<String> calls) {
    return Proxy.newProxyInstance(
        iface.getClassLoader(),
        new Class<?>[] {iface},
        (proxy, method, args) -> {
          calls.add(signature(method));
          return defaultValue(method.getReturnType());
        });
  }

  private static Object[] defaultArguments(Method method) {
    return Arrays.stream(method.getParameterTypes()).map(DelegationTest::defaultValue).toArray();
  }

  private static Object defaultValue(Class<?> type) {
    if (type == boolean.class) return false;
    if (type == int.class) return 0;
    if (type == long.class) return 0L;
    if (type == short.class) return (short) 0;
    if (type == byte.class) return (byte) 0;
    if (type == float.class) return 0f;
    if (type == double.class) return 0d;
    if (type.isArray()) return Array.newInstance(type.getComponentType(), 0);
    return null;
  }

  private static ConnectionConfig config() {
    return new ConnectionConfig(
        new OpenTracingTelemetry(NoopTracerFactory.create()),
        TracingOptions.defaults(),
        TracingOptions.defaults(),
        DbInfo.parse("jdbc:sqlite::memory:", null));
  }

  private static TracingConnection connection() {
    return new TracingConnection(recordingConnection(), config());
  }

  private static Connection recordingConnection() {
    return (Connection) recording(Connection.class, new ArrayList<>());
  }
}

package io.tracejdbc.spring;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import javax.sql.DataSource;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.framework.ProxyFactory;

/**
 * The traced stand-in of a {@code DataSource} bean: a proxy of the bean's own class (a {@code
 * HikariDataSource} stays one, for the application and for Boot's pool metrics and health) whose
 * connections come from tracejdbc's data source over the bean; every other method (the pool's
 * configuration, its MXBean, {@code close}) reaches the bean itself.
 *
 * <p>{@code unwrap} and {@code isWrapperFor} answer for the proxy first (it is an instance of the
 * bean's class), then for tracejdbc's data source, then for the bean. A final class gets a proxy of
 * its interfaces only, which cannot be injected by that class.
 */
final class TracedConnections implements MethodInterceptor {
  private final DataSource traced;

  private TracedConnections(DataSource traced) {
    this.traced = traced;
  }

  /** {@code bean}, whose connections are those of {@code traced}. */
  static DataSource proxy(DataSource bean, DataSource traced) {
    ProxyFactory factory = new ProxyFactory(bean);
    factory.setProxyTargetClass(!Modifier.isFinal(bean.getClass().getModifiers()));
    factory.addAdvice(new TracedConnections(traced));
    return (DataSource) factory.getProxy(bean.getClass().getClassLoader());
  }

  @Override
  public Object invoke(MethodInvocation invocation) throws Throwable {
    Method method = invocation.getMethod();
    Object[] arguments = invocation.getArguments();
    switch (method.getName()) {
      case "getConnection":
        if (arguments.length == 0) {
          return traced.getConnection();
        }
        if (arguments.length == 2) {
          return traced.getConnection((String) arguments[0], (String) arguments[1]);
        }
        break;
      case "createConnectionBuilder":
        if (arguments.length == 0) {
          return traced.createConnectionBuilder();
        }
        break;
      case "unwrap":
        if (arguments.length == 1 && arguments[0] instanceof Class<?> type) {
          Object proxy = ((ProxyMethodInvocation) invocation).getProxy();
          return type.isInstance(proxy) ? proxy : traced.unwrap(type);
        }
        break;
      case "isWrapperFor":
        if (arguments.length == 1 && arguments[0] instanceof Class<?> type) {
          Object proxy = ((ProxyMethodInvocation) invocation).getProxy();
          return type.isInstance(proxy) || traced.isWrapperFor(type);
        }
        break;
      default:
        break;
    }
    return invocation.proceed();
  }

  @Override
  public String toString() {
    return "connections of " + traced;
  }
}

package io.tracejdbc.driver.internal.url;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The {@code Properties} given to {@code connect}, split into tracejdbc's options and what the real
 * driver gets: every other entry, of any value type, defaults included, as the caller gave it.
 *
 * <p>Internal, not API: public only for the driver's own package, and free to change.
 */
public final class ConnectProperties {
  private ConnectProperties() {}

  /**
   * Adds tracejdbc's options found in {@code info} (those named in {@code optionNames}; set or
   * default, any value type, in text form) to {@code options}, and returns the properties for the
   * real driver: {@code info} itself when it holds no option, else a copy without them whose
   * defaults stay defaults.
   */
  public static Properties forRealDriver(
      Properties info, Set<String> optionNames, List<Map.Entry<String, String>> options) {
    if (info == null) {
      return new Properties();
    }
    boolean hasOption = false;
    for (String name : optionNames) {
      Object value = info.get(name);
      if (value == null) {
        value = info.getProperty(name);
      }
      if (value != null) {
        options.add(Map.entry(name, value.toString()));
        hasOption = true;
      }
    }
    return hasOption ? withoutOptions(info, optionNames) : info;
  }

  /**
   * A copy of {@code info} without tracejdbc's options. Its own entries are copied as they are; its
   * defaults, which {@code Properties} exposes only as text, become the copy's defaults.
   */
  private static Properties withoutOptions(Properties info, Set<String> optionNames) {
    Properties defaults = new Properties();
    for (String key : info.stringPropertyNames()) {
      if (!(info.get(key) instanceof String) && !optionNames.contains(key)) {
        defaults.setProperty(key, info.getProperty(key));
      }
    }
    Properties real = new Properties(defaults);
    for (Map.Entry<Object, Object> entry : info.entrySet()) {
      if (!optionNames.contains(entry.getKey())) {
        real.put(entry.getKey(), entry.getValue());
      }
    }
    return real;
  }
}

package io.tracejdbc.driver.internal.url;

import io.tracejdbc.driver.TracingDriver;
import java.sql.SQLException;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code jdbc:tracing:} URL split into the real driver's URL and tracejdbc's options.
 *
 * <p>Parameters are read where the real driver reads them ({@link ParameterSyntax}): after {@code
 * ?} and {@code &} for PostgreSQL, MySQL, MariaDB, SQLite and Oracle, after {@code ;} for SQL
 * Server (whose {@code {braced}} values may hold {@code ;}), jTDS, H2 (where {@code \;} is part of
 * a value), Derby and HSQLDB, after Db2's {@code :} and {@code ;}, and after any of {@code ?},
 * {@code &} and {@code ;} for a driver not known; drivers that wrap another are looked through. So
 * a value holding another syntax's separator ({@code ApplicationName=a;statementText=raw} for
 * PostgreSQL) reaches the real driver whole. Only tracejdbc's option names are taken out; every
 * other character reaches the real driver as written. {@code ignoreForTracing="..."} may hold
 * separators, with {@code \"} for a quote; a quoted value must end with its closing quote followed
 * by a separator or the end of the URL, or the URL is rejected rather than passed on altered.
 *
 * <p>Internal, not API: public only for the driver's own package, and free to change.
 */
public final class ConnectionUrl {
  private static final String JDBC = "jdbc:";

  /** The real driver's URL: the tracing URL without {@code tracing:} and tracejdbc's options. */
  public final String realUrl;

  /** tracejdbc's options in the order written; a name may repeat. */
  public final List<Map.Entry<String, String>> options;

  private ConnectionUrl(String realUrl, List<Map.Entry<String, String>> options) {
    this.realUrl = realUrl;
    this.options = options;
  }

  /**
   * Splits {@code url}, which starts with {@link TracingDriver#URL_PREFIX}; {@code optionNames} are
   * the parameters to take out.
   *
   * @throws SQLException naming the option, for a quoted value that is not closed or is followed by
   *     more text
   */
  public static ConnectionUrl parse(String url, Set<String> optionNames) throws SQLException {
    String rest = url.substring(TracingDriver.URL_PREFIX.length());
    ParameterSyntax syntax = DbInfo.parameterSyntax(JDBC + rest);
    int first = syntax.opening(rest);
    if (first < 0) {
      return new ConnectionUrl(JDBC + rest, Collections.emptyList());
    }
    StringBuilder real =
        new StringBuilder(JDBC.length() + rest.length()).append(JDBC).append(rest, 0, first);
    List<Map.Entry<String, String>> options = new ArrayList<>();
    boolean droppedOpener = false;
    boolean keptOpener = false;
    int start = first;
    while (start < rest.length()) {
      char separator = rest.charAt(start);
      String option = optionAt(rest, start + 1, optionNames);
      int end;
      if (option != null) {
        int valueStart = start + 2 + option.length();
        end = valueEnd(rest, option, valueStart, syntax);
        options.add(new SimpleImmutableEntry<>(option, unquote(rest.substring(valueStart, end))));
        droppedOpener |= separator == syntax.opener;
      } else {
        end = syntax.nextSeparator(rest, start + 1);
        if (end < 0) end = rest.length();
        // the first parameter kept after a dropped "?x=y" takes over its "?"
        boolean takesOver = droppedOpener && !keptOpener && syntax.takesOverOpener(separator);
        if (takesOver && end == start + 1 && end == rest.length()) {
          break; // a trailing separator, left alone after the opener: Db2's "db:" would be bad
        }
        char kept = takesOver ? syntax.opener : separator;
        keptOpener |= kept == syntax.opener;
        real.append(kept).append(rest, start + 1, end);
      }
      start = end;
    }
    return new ConnectionUrl(real.toString(), options);
  }

  /** Whether anything follows {@code jdbc:tracing:}, such as {@code sqlite:app.db}. */
  public boolean hasRealUrl() {
    return realUrl.length() > JDBC.length();
  }

  /** The tracejdbc option whose {@code name=} starts at {@code at}, or null. */
  private static String optionAt(String s, int at, Set<String> optionNames) {
    for (String name : optionNames) {
      if (s.startsWith(name, at) && s.startsWith("=", at + name.length())) return name;
    }
    return null;
  }

  private static int valueEnd(String s, String option, int from, ParameterSyntax syntax)
      throws SQLException {
    if (from < s.length() && s.charAt(from) == '"') {
      for (int i = from + 1; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          if (i + 1 < s.length() && syntax.nextSeparator(s, i + 1) != i + 1) {
            throw malformed(
                option,
                "its closing quote is followed by more text before the next " + "parameter");
          }
          return i + 1;
        }
      }
      throw malformed(option, "its opening quote is never closed");
    }
    int end = syntax.nextSeparator(s, from);
    return end < 0 ? s.length() : end;
  }

  /** The URL itself is left out of the message: what follows the option may be a password. */
  private static SQLException malformed(String option, String problem) {
    return new SQLException(
        "Malformed value of tracejdbc option "
            + option
            + " in the URL: "
            + problem
            + ". A quoted value is \"...\" with \\\" for a quote inside, followed by &, ; "
            + "or the end of the URL",
        "HY024");
  }

  private static String unquote(String value) {
    if (value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 1; i < value.length() - 1; i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length() - 1) {
        c = value.charAt(++i);
      }
      out.append(c);
    }
    return out.toString();
  }
}

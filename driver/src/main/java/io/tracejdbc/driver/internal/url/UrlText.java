package io.tracejdbc.driver.internal.url;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text helpers shared by the {@link DbUrlParser}s. None throws on malformed input. */
final class UrlText {
  private static final Pattern HOST_KEY =
      Pattern.compile("(?:^|[(,\\s])host\\s*=\\s*([^),\\s]*)", Pattern.CASE_INSENSITIVE);
  private static final Pattern PORT_KEY =
      Pattern.compile("(?:^|[(,\\s])port\\s*=\\s*([^),\\s]*)", Pattern.CASE_INSENSITIVE);

  private UrlText() {}

  /** {@code text} up to the first of {@code stops}, or all of it. */
  static String before(String text, String stops) {
    int end = indexOfAny(text, stops, 0);
    return end < 0 ? text : text.substring(0, end);
  }

  /** Whether {@code text} starts with {@code prefix}, ignoring case. */
  static boolean startsWithIgnoreCase(String text, String prefix) {
    return text.regionMatches(true, 0, prefix, 0, prefix.length());
  }

  /** {@code text} without {@code prefix} when it starts with it (ignoring case), else null. */
  static String afterPrefix(String text, String prefix) {
    return startsWithIgnoreCase(text, prefix) ? text.substring(prefix.length()) : null;
  }

  /** Null for null, empty or blank text, else the text. */
  static String nonBlank(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  /** A TCP port number, or null when {@code text} is not one. */
  static Integer port(String text) {
    String digits = text.trim();
    if (digits.isEmpty() || digits.length() > 5) {
      return null;
    }
    for (int i = 0; i < digits.length(); i++) {
      if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
        return null;
      }
    }
    int port = Integer.parseInt(digits);
    return port <= 65535 ? port : null;
  }

  /**
   * The value of the first parameter named one of {@code keys} (ignoring case), percent-decoded;
   * null when absent or empty. A parameter is {@code key=value} after {@code ?}, {@code &}, {@code
   * ;} or {@code :} (DB2's {@code /db:user=u;}); its value ends at {@code &} or {@code ;}, or is
   * SQL Server's {@code {braced}} text.
   */
  static String param(String url, String... keys) {
    for (int i = 0; i < url.length(); i++) {
      if ("?&;:".indexOf(url.charAt(i)) < 0) {
        continue;
      }
      for (String key : keys) {
        int eq = i + 1 + key.length();
        if (eq < url.length()
            && url.charAt(eq) == '='
            && url.regionMatches(true, i + 1, key, 0, key.length())) {
          return nonBlank(decode(paramValue(url, eq + 1)));
        }
      }
    }
    return null;
  }

  /** The end (exclusive) of the parameter value that starts at {@code start}. */
  static int paramValueEnd(String url, int start) {
    if (start < url.length() && url.charAt(start) == '{') {
      // SQL Server: a braced value may hold ; and writes } as }}.
      int i = start + 1;
      while (i < url.length()) {
        if (url.charAt(i) == '}') {
          if (i + 1 < url.length() && url.charAt(i + 1) == '}') {
            i += 2;
            continue;
          }
          return i + 1;
        }
        i++;
      }
      return url.length();
    }
    int end = indexOfAny(url, "&;", start);
    return end < 0 ? url.length() : end;
  }

  private static String paramValue(String url, int start) {
    String value = url.substring(start, paramValueEnd(url, start));
    if (value.startsWith("{")) {
      int close = value.endsWith("}") && value.length() > 1 ? value.length() - 1 : value.length();
      return value.substring(1, close).replace("}}", "}");
    }
    return value;
  }

  /**
   * Reads {@code [user[:password]@]host[:port][,more hosts][/path]} (the text after {@code //})
   * into {@code facts}: the user, the first host and its port. An empty host becomes {@code
   * defaultHost} when that is not null. Returns the text after the authority's {@code /}, or "".
   */
  static String server(String text, DbInfo.Builder facts, String defaultHost, Integer defaultPort) {
    // As drivers do (Connector/J, java.net.URI), the authority ends at the first / ? or #, so a
    // password holding one of those must be percent-encoded.
    int end = indexOfAny(text, "/?#", 0);
    String authority = end < 0 ? text : text.substring(0, end);
    String path = end >= 0 && text.charAt(end) == '/' ? text.substring(end + 1) : "";
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      facts.user(decode(before(authority.substring(0, at), ":")));
      authority = authority.substring(at + 1);
    }
    String first = firstHost(before(authority, ";"));
    facts.address(first.isBlank() && defaultHost != null ? defaultHost : first, defaultPort);
    return path;
  }

  /**
   * The first entry of a comma-separated host list; MySQL's bracketed {@code [h1,h2]} sublists are
   * opened, IPv6 {@code [::1]} and MySQL {@code (host=h,port=p)} entries kept whole.
   */
  static String firstHost(String hosts) {
    String list = hosts.trim();
    if (list.startsWith("[")) {
      int close = matching(list, 0);
      if (close > 0 && list.substring(1, close).indexOf(',') >= 0) {
        return firstHost(list.substring(1, close));
      }
    }
    int depth = 0;
    for (int i = 0; i < list.length(); i++) {
      char c = list.charAt(i);
      if (c == '(' || c == '[') {
        depth++;
      } else if (c == ')' || c == ']') {
        depth--;
      } else if (c == ',' && depth <= 0) {
        return list.substring(0, i).trim();
      }
    }
    return list;
  }

  /** The value of {@code host=} or {@code port=} in MySQL's keyed address forms, else null. */
  static String keyedValue(String text, String key) {
    if (text.indexOf('=') < 0) {
      return null;
    }
    Matcher m = ("host".equals(key) ? HOST_KEY : PORT_KEY).matcher(text);
    return m.find() ? m.group(1) : null;
  }

  /** {@code text} with {@code %XX} sequences decoded as UTF-8; malformed ones are kept as is. */
  static String decode(String text) {
    if (text == null || text.indexOf('%') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int i = 0;
    while (i < text.length()) {
      if (text.charAt(i) == '%' && i + 2 < text.length()) {
        int hi = Character.digit(text.charAt(i + 1), 16);
        int lo = Character.digit(text.charAt(i + 2), 16);
        if (hi >= 0 && lo >= 0) {
          bytes.write(hi * 16 + lo);
          i += 3;
          continue;
        }
      }
      flush(bytes, out);
      out.append(text.charAt(i));
      i++;
    }
    flush(bytes, out);
    return out.toString();
  }

  private static void flush(ByteArrayOutputStream bytes, StringBuilder out) {
    if (bytes.size() > 0) {
      out.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
      bytes.reset();
    }
  }

  /** The index of the bracket closing the one at {@code open}, or -1. */
  private static int matching(String text, int open) {
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '[') {
        depth++;
      } else if (c == ']' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  static int indexOfAny(String text, String chars, int from) {
    for (int i = Math.max(from, 0); i < text.length(); i++) {
      if (chars.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}

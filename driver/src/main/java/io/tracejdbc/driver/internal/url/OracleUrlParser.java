package io.tracejdbc.driver.internal.url;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code jdbc:oracle:<thin|oci|...>:[user/password]@target}, where target is {@code host:port:sid},
 * EZConnect {@code [//]host[:port]/service}, a TNS descriptor {@code
 * (DESCRIPTION=(ADDRESS=(HOST=h)(PORT=p))(CONNECT_DATA=(SERVICE_NAME=s)))} or a TNS alias. The
 * instance is the SID, the service name, or the alias.
 */
final class OracleUrlParser implements DbUrlParser {
  private static final int DEFAULT_PORT = 1521;
  private static final Pattern HOST = descriptorKey("HOST");
  private static final Pattern PORT = descriptorKey("PORT");
  private static final Pattern SERVICE = descriptorKey("SERVICE_NAME");
  private static final Pattern SID = descriptorKey("SID");

  @Override
  public void parse(String rest, DbInfo.Builder facts) {
    int colon = rest.indexOf(':');
    int at = credentialsEnd(rest);
    if (colon < 0 || at < 0 || at < colon) {
      return;
    }
    String credentials = rest.substring(colon + 1, at);
    facts.user(UrlText.before(credentials, "/").replace("\"", ""));
    String target = UrlText.before(rest.substring(at + 1), "?").trim();
    if (target.startsWith("(")) {
      readDescriptor(target, facts);
      return;
    }
    for (String protocol : new String[] {"tcp://", "tcps://", "//"}) {
      String afterProtocol = UrlText.afterPrefix(target, protocol);
      if (afterProtocol != null) {
        target = afterProtocol;
        break;
      }
    }
    int slash = target.indexOf('/');
    if (slash >= 0) {
      facts.address(target.substring(0, slash), DEFAULT_PORT);
      facts.instance(UrlText.before(target.substring(slash + 1), ":/"));
      return;
    }
    int sidColon = target.lastIndexOf(':');
    String beforeSid = sidColon < 0 ? "" : target.substring(0, sidColon);
    boolean hostPortSid =
        beforeSid.indexOf(':') >= 0 && (!beforeSid.startsWith("[") || beforeSid.contains("]:"));
    if (hostPortSid) {
      facts.address(beforeSid, DEFAULT_PORT);
      facts.instance(target.substring(sidColon + 1));
    } else if (sidColon >= 0 || target.startsWith("[")) {
      facts.address(target, DEFAULT_PORT);
    } else {
      facts.instance(target);
    }
  }

  /** The index of the {@code @} that ends the credentials; a quoted password may hold one. */
  static int credentialsEnd(String text) {
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '@' && !quoted) {
        return i;
      }
    }
    return -1;
  }

  private static void readDescriptor(String descriptor, DbInfo.Builder facts) {
    String host = first(HOST, descriptor);
    if (host != null) {
      String port = first(PORT, descriptor);
      String bracketed = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
      facts.address(port == null ? bracketed : bracketed + ":" + port, DEFAULT_PORT);
    }
    String service = first(SERVICE, descriptor);
    facts.instance(service != null ? service : first(SID, descriptor));
  }

  private static String first(Pattern key, String descriptor) {
    Matcher m = key.matcher(descriptor);
    return m.find() ? m.group(1) : null;
  }

  private static Pattern descriptorKey(String key) {
    return Pattern.compile("\\(\\s*" + key + "\\s*=\\s*([^)\\s]+)", Pattern.CASE_INSENSITIVE);
  }
}

package io.tracejdbc.driver.internal.url;

import io.tracejdbc.parser.SqlClassifier;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Facts about the database behind a connection, read once from its URL and connect properties,
 * without a round trip to the database. They become the span tags {@code db.system}, {@code
 * db.instance}, {@code db.user} and {@code peer.*}.
 *
 * <pre>{@code
 * DbInfo db = DbInfo.parse("jdbc:postgresql://db.example:6432/shop?user=app", null);
 * db.system;      // "postgresql"
 * db.instance;    // "shop"
 * db.user;        // "app"
 * db.peerAddress; // "db.example:6432"
 * db.dialect;     // SqlClassifier.Dialect.STANDARD
 * }</pre>
 *
 * <p>Each vendor's URL syntax is read by one {@link DbUrlParser}, chosen by the URL's subprotocol;
 * an unknown subprotocol gets the generic {@code //host:port/database} reading.
 *
 * <p>Internal, not API: public only for the driver's own package, and free to change.
 */
public final class DbInfo {
  /** The system of a URL that has no {@code jdbc:<subprotocol>:} to name one. */
  static final String UNKNOWN_SYSTEM = "other_sql";

  private static final Map<String, DbUrlParser> PARSERS =
      Map.ofEntries(
          Map.entry("sqlite", new SqliteUrlParser()),
          Map.entry("h2", new H2UrlParser()),
          Map.entry("postgresql", new PostgresqlUrlParser()),
          Map.entry("mysql", new MysqlUrlParser("mysql", MysqlUrlParser.DEFAULT_PORT)),
          Map.entry("mysql+srv", new MysqlUrlParser("mysql", null)),
          Map.entry("mariadb", new MysqlUrlParser("mariadb", MysqlUrlParser.DEFAULT_PORT)),
          Map.entry("sqlserver", new SqlServerUrlParser()),
          Map.entry("jtds", new JtdsUrlParser()),
          Map.entry("oracle", new OracleUrlParser()),
          Map.entry("db2", new Db2UrlParser()),
          Map.entry("derby", new DerbyUrlParser()),
          Map.entry("hsqldb", new HsqldbUrlParser()));

  private static final DbUrlParser GENERIC = new GenericUrlParser();

  public final String system;
  public final String instance;
  public final String user;
  public final String host;
  public final Integer port;
  public final String peerAddress;

  /** How the database reads SQL text, known from the subprotocol alone. */
  public final SqlClassifier.Dialect dialect;

  private DbInfo(
      String system,
      String instance,
      String user,
      String host,
      Integer port,
      SqlClassifier.Dialect dialect) {
    this.system = system;
    this.instance = instance;
    this.user = user;
    this.host = host;
    this.port = port;
    this.peerAddress = peerAddress(host, port);
    this.dialect = dialect;
  }

  /**
   * Reads the facts of {@code realUrl} (the real driver's URL, {@code jdbc:} included). The user
   * comes from {@code info}'s {@code user} when set, as drivers do, else from the URL. Never throws
   * and never returns null; {@code info} may be null.
   */
  public static DbInfo parse(String realUrl, Properties info) {
    String propertiesUser = null;
    Builder facts;
    try {
      propertiesUser = propertiesUser(info);
      facts = read(realUrl);
    } catch (RuntimeException e) {
      // A URL (or a Properties subclass) that trips a parser must not fail the connection: the
      // connection only loses some tags.
      facts = new Builder(subprotocolOrUnknown(realUrl));
    }
    return facts.build(propertiesUser, dialectOf(realUrl));
  }

  /**
   * {@code url} with every credential replaced by {@code ***}: values of password-like parameters,
   * and the password of {@code user:password@host} and Oracle's {@code user/password@} forms. For
   * error messages; never throws; null stays null.
   */
  public static String redact(String url) {
    return UrlRedactor.redact(url);
  }

  private static Builder read(String url) {
    String subprotocol = subprotocolOrUnknown(url);
    Builder facts = new Builder(subprotocol);
    if (subprotocol.equals(UNKNOWN_SYSTEM)) {
      return facts;
    }
    int restStart = "jdbc:".length() + subprotocol.length() + 1;
    String rest = restStart < url.length() ? url.substring(restStart) : "";
    PARSERS.getOrDefault(subprotocol, GENERIC).parse(rest, facts);
    facts.userParameter(UrlText.param(url, "user", "username"));
    return facts;
  }

  private static SqlClassifier.Dialect dialectOf(String url) {
    DbUrlParser parser = PARSERS.get(subprotocolOrUnknown(url));
    return parser == null ? SqlClassifier.Dialect.STANDARD : parser.dialect();
  }

  /** The lower-case subprotocol of a {@code jdbc:<subprotocol>:...} URL, else UNKNOWN_SYSTEM. */
  private static String subprotocolOrUnknown(String url) {
    if (url == null || !url.regionMatches(true, 0, "jdbc:", 0, 5)) {
      return UNKNOWN_SYSTEM;
    }
    int end = url.indexOf(':', 5);
    String subprotocol = url.substring(5, end < 0 ? url.length() : end).trim();
    return subprotocol.isEmpty() ? UNKNOWN_SYSTEM : subprotocol.toLowerCase(Locale.ROOT);
  }

  private static String propertiesUser(Properties info) {
    if (info == null) {
      return null;
    }
    String user = UrlText.nonBlank(info.getProperty("user"));
    return user != null ? user : UrlText.nonBlank(info.getProperty("USER"));
  }

  private static String peerAddress(String host, Integer port) {
    if (host == null) {
      return null;
    }
    if (port == null) {
      return host;
    }
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  @Override
  public String toString() {
    return "DbInfo{system="
        + system
        + ", instance="
        + instance
        + ", user="
        + user
        + ", peer="
        + peerAddress
        + "}";
  }

  /** What a {@link DbUrlParser} found in a URL; blank values count as unknown. */
  static final class Builder {
    private String system;
    private String instance;
    private String authorityUser;
    private String parameterUser;
    private String host;
    private Integer port;

    Builder(String system) {
      this.system = system;
    }

    Builder system(String system) {
      this.system = system;
      return this;
    }

    Builder instance(String instance) {
      this.instance = UrlText.nonBlank(instance);
      return this;
    }

    /** The user of a {@code user:password@host} or {@code user/password@} form. */
    Builder user(String user) {
      this.authorityUser = UrlText.nonBlank(user);
      return this;
    }

    /**
     * Reads {@code host}, {@code host:port}, {@code [ipv6]:port}, a bare IPv6 address or MySQL's
     * {@code address=(host=h)(port=p)} / {@code (host=h,port=p)}. A missing port becomes {@code
     * defaultPort}, one that is not a port number null; an empty host is ignored.
     */
    Builder address(String hostAndPort, Integer defaultPort) {
      String text = hostAndPort.trim();
      String hostText;
      String portText = null;
      String keyedHost = UrlText.keyedValue(text, "host");
      if (keyedHost != null) {
        hostText = keyedHost;
        portText = UrlText.keyedValue(text, "port");
      } else if (text.startsWith("[")) {
        int close = text.indexOf(']');
        hostText = close < 0 ? text.substring(1) : text.substring(1, close);
        if (close >= 0 && text.startsWith(":", close + 1)) {
          portText = text.substring(close + 2);
        }
      } else {
        int colon = text.indexOf(':');
        boolean oneColon = colon >= 0 && text.indexOf(':', colon + 1) < 0;
        hostText = oneColon ? text.substring(0, colon) : text;
        portText = oneColon ? text.substring(colon + 1) : null;
      }
      hostText = UrlText.nonBlank(hostText);
      if (hostText == null) {
        return this;
      }
      host = hostText;
      port = portText == null || portText.isBlank() ? defaultPort : UrlText.port(portText);
      return this;
    }

    private void userParameter(String user) {
      this.parameterUser = user;
    }

    private DbInfo build(String propertiesUser, SqlClassifier.Dialect dialect) {
      String user = propertiesUser != null ? propertiesUser : parameterUser;
      return new DbInfo(
          system,
          instance,
          user != null ? user : authorityUser,
          host,
          host == null ? null : port,
          dialect);
    }
  }
}

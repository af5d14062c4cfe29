package io.tracejdbc.driver.internal.url;

import io.tracejdbc.parser.SqlClassifier;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Facts about the database behind a connection, read from its URL and connect properties, without a
 * round trip to the database. They become the span tags {@code db.system}, {@code db.instance},
 * {@code db.user} and {@code peer.*}, and OpenTelemetry's {@code db.namespace}. A connection
 * replaces them when {@code setCatalog} or {@code setSchema} changes its database or schema ({@link
 * #afterSetCatalog}, {@link #afterSetSchema}).
 *
 * <pre>{@code
 * DbInfo db = DbInfo.parse("jdbc:postgresql://db.example:6432/shop?user=app", null);
 * db.system;      // "postgresql"
 * db.instance;    // "shop"
 * db.user;        // "app"
 * db.peerAddress; // "db.example:6432"
 * db.namespace;  // "shop|app": the database and, for want of a schema given, the user
 * db.dialect;     // SqlClassifier.Dialect.POSTGRESQL
 * }</pre>
 *
 * <p>Each vendor's URL syntax is read by one {@link DbUrlParser}, chosen by the URL's subprotocol;
 * an unknown subprotocol gets the generic {@code //host:port/database} reading and the {@link
 * SqlClassifier.Dialect#UNKNOWN} dialect. A driver that wraps another ({@code
 * jdbc:aws-wrapper:mariadb:}, {@code p6spy:}, {@code log4jdbc:}, OpenTelemetry's {@code otel:},
 * Testcontainers' {@code tc:postgresql:15:}) is looked through to the database behind it.
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

  /** Subprotocols of drivers that take the real driver's URL after their own prefix. */
  private static final Set<String> WRAPPERS = Set.of("aws-wrapper", "p6spy", "log4jdbc", "otel");

  /**
   * Testcontainers' {@code jdbc:tc:<image>[:<tag>]://[host]/<database>}: the subprotocol of each
   * image's database; the container's address is not in the URL.
   */
  private static final String TESTCONTAINERS = "tc";

  private static final Map<String, String> TESTCONTAINERS_IMAGES =
      Map.of(
          "postgis", "postgresql",
          "timescaledb", "postgresql",
          "pgvector", "postgresql",
          "tidb", "mysql");

  /** How deep wrappers may nest before the URL counts as unknown. */
  private static final int MAX_WRAPPERS = 4;

  /** Which call changes what {@link #namespace} names, and how. */
  enum Namespace {
    /** {@code setCatalog} switches the database (MySQL, MariaDB, SQL Server). */
    DATABASE_BY_CATALOG,
    /** {@code setSchema} switches the database (MySQL's databaseTerm=SCHEMA, MariaDB's kin). */
    DATABASE_BY_SCHEMA,
    /** The namespace is {@code database|schema} and {@code setSchema} sets the schema. */
    SCHEMA_QUALIFIED,
    /** Neither call changes it. */
    FIXED
  }

  public final String system;
  public final String instance;
  public final String user;
  public final String host;
  public final Integer port;
  public final String peerAddress;

  /** How the database reads SQL text, known from the subprotocol alone. */
  public final SqlClassifier.Dialect dialect;

  /**
   * What OpenTelemetry's conventions call {@code db.namespace}, or null when unknown: PostgreSQL's
   * {@code database|schema}, where the schema is the first of {@code currentSchema} (URL or
   * property) or of {@code setSchema}, and the connect user stands in for it when neither gave one
   * (the default search path starts with {@code "$user"}); SQL Server's {@code instance|database}
   * for a named instance; else the database ({@link #instance}).
   */
  public final String namespace;

  private final Namespace namespaceRule;
  private final String schema;
  private final String serverInstance;

  private DbInfo(
      String system,
      String instance,
      String user,
      String host,
      Integer port,
      SqlClassifier.Dialect dialect,
      Namespace namespaceRule,
      String schema,
      String serverInstance) {
    this.system = system;
    this.instance = instance;
    this.user = user;
    this.host = host;
    this.port = port;
    this.peerAddress = peerAddress(host, port);
    this.dialect = dialect;
    this.namespaceRule = namespaceRule;
    this.schema = schema;
    this.serverInstance = serverInstance;
    this.namespace =
        namespaceRule == Namespace.SCHEMA_QUALIFIED
            ? joined(instance, schema != null ? schema : user)
            : joined(serverInstance, instance);
  }

  /**
   * Reads the facts of {@code realUrl} (the real driver's URL, {@code jdbc:} included). The user
   * comes from {@code info}'s {@code user} when set, as drivers do, else from the URL. Never throws
   * and never returns null; {@code info} may be null.
   */
  public static DbInfo parse(String realUrl, Properties info) {
    String propertiesUser = null;
    Builder facts;
    SqlClassifier.Dialect dialect = SqlClassifier.Dialect.UNKNOWN;
    try {
      propertiesUser = propertiesUser(info);
      dialect = parserOf(databaseUrl(realUrl)).dialect();
      facts = read(realUrl, info);
    } catch (RuntimeException e) {
      // A URL (or a Properties subclass) that trips a parser must not fail the connection: the
      // connection only loses some tags.
      facts = new Builder(subprotocolOrUnknown(realUrl), null, null);
    }
    return facts.build(propertiesUser, dialect);
  }

  /**
   * The facts once {@code setCatalog(catalog)} succeeded: the catalog is the database where the
   * driver says so ({@link Namespace}), else nothing changes and this is returned.
   */
  public DbInfo afterSetCatalog(String catalog) {
    return namespaceRule == Namespace.DATABASE_BY_CATALOG ? withDatabase(catalog) : this;
  }

  /** The facts once {@code setSchema(schema)} succeeded; this when nothing they say changes. */
  public DbInfo afterSetSchema(String schema) {
    if (namespaceRule == Namespace.DATABASE_BY_SCHEMA) {
      return withDatabase(schema);
    }
    String name = UrlText.nonBlank(schema);
    if (namespaceRule != Namespace.SCHEMA_QUALIFIED || name == null || name.equals(this.schema)) {
      return this;
    }
    return new DbInfo(
        system, instance, user, host, port, dialect, namespaceRule, name, serverInstance);
  }

  private DbInfo withDatabase(String database) {
    String name = UrlText.nonBlank(database);
    if (name == null || name.equals(instance)) {
      return this; // drivers keep the database on a null catalog
    }
    return new DbInfo(
        system, name, user, host, port, dialect, namespaceRule, schema, serverInstance);
  }

  /** How the real driver of {@code realUrl} (the URL after {@code jdbc:tracing:}) reads options. */
  static ParameterSyntax parameterSyntax(String realUrl) {
    String target = databaseUrl(realUrl);
    if (target == null) {
      return ParameterSyntax.ANY;
    }
    if (behindTestcontainers(realUrl)) {
      return ParameterSyntax.QUERY;
    }
    return parserOf(target).parameterSyntax();
  }

  /**
   * {@code url} with every credential replaced by {@code ***}: values of password-like parameters,
   * and the password of {@code user:password@host} and Oracle's {@code user/password@} forms. For
   * error messages; never throws; null stays null.
   */
  public static String redact(String url) {
    return UrlRedactor.redact(url);
  }

  private static Builder read(String realUrl, Properties info) {
    String url = databaseUrl(realUrl);
    String subprotocol = subprotocolOrUnknown(url);
    Builder facts = new Builder(subprotocol, url, info);
    if (subprotocol.equals(UNKNOWN_SYSTEM)) {
      return facts;
    }
    int restStart = "jdbc:".length() + subprotocol.length() + 1;
    String rest = restStart < url.length() ? url.substring(restStart) : "";
    parserOf(url).parse(rest, facts);
    facts.userParameter(UrlText.param(url, "user", "username"));
    if (behindTestcontainers(realUrl)) {
      facts.noAddress(); // the container's, which the URL does not say
    }
    return facts;
  }

  private static DbUrlParser parserOf(String url) {
    String subprotocol = subprotocolOrUnknown(url);
    return subprotocol.equals(UNKNOWN_SYSTEM)
        ? GENERIC
        : PARSERS.getOrDefault(subprotocol, GENERIC);
  }

  /**
   * The URL of the database behind wrapping drivers: {@code jdbc:p6spy:mysql://h/db} gives {@code
   * jdbc:mysql://h/db}, {@code jdbc:tc:postgresql:15:///db} gives {@code jdbc:postgresql:///db};
   * any other URL is itself.
   */
  private static String databaseUrl(String url) {
    String target = url;
    for (int depth = 0; depth < MAX_WRAPPERS; depth++) {
      String wrapper = wrapperOf(target);
      if (wrapper == null) {
        return target;
      }
      String inner = target.substring("jdbc:".length() + wrapper.length() + 1);
      if (wrapper.equals(TESTCONTAINERS)) {
        int image = UrlText.indexOfAny(inner, ":/?;", 0);
        int slashes = inner.indexOf("//");
        if (image <= 0 || slashes < image) {
          return target;
        }
        String name = inner.substring(0, image).toLowerCase(Locale.ROOT);
        inner = TESTCONTAINERS_IMAGES.getOrDefault(name, name) + ":" + inner.substring(slashes);
      }
      target = "jdbc:" + inner;
    }
    return target;
  }

  /** Whether Testcontainers starts the database of {@code url}, wrapped or not. */
  private static boolean behindTestcontainers(String url) {
    String target = url;
    for (int depth = 0; depth < MAX_WRAPPERS; depth++) {
      String wrapper = wrapperOf(target);
      if (wrapper == null) {
        return false;
      }
      if (wrapper.equals(TESTCONTAINERS)) {
        return true;
      }
      target = "jdbc:" + target.substring("jdbc:".length() + wrapper.length() + 1);
    }
    return false;
  }

  /** The subprotocol of {@code url} when it is a wrapping driver's, else null. */
  private static String wrapperOf(String url) {
    String subprotocol = subprotocolOrUnknown(url);
    boolean wraps = WRAPPERS.contains(subprotocol) || subprotocol.equals(TESTCONTAINERS);
    return wraps && url.length() > "jdbc:".length() + subprotocol.length() + 1 ? subprotocol : null;
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

  private static String joined(String general, String specific) {
    if (general == null) {
      return specific;
    }
    return specific == null ? general : general + "|" + specific;
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
        + ", namespace="
        + namespace
        + "}";
  }

  /** What a {@link DbUrlParser} found in a URL; blank values count as unknown. */
  static final class Builder {
    private final String url;
    private final Properties info;
    private String system;
    private String instance;
    private String authorityUser;
    private String parameterUser;
    private String host;
    private Integer port;
    private Namespace namespaceRule = Namespace.FIXED;
    private String schema;
    private String serverInstance;

    Builder(String system, String url, Properties info) {
      this.system = system;
      this.url = url;
      this.info = info;
    }

    /**
     * The first of the driver settings named {@code names} that is set: a URL parameter, else a
     * connect property (drivers let the URL win); null when none is.
     */
    String setting(String... names) {
      String value = url == null ? null : UrlText.param(url, names);
      for (int i = 0; value == null && info != null && i < names.length; i++) {
        value = UrlText.nonBlank(info.getProperty(names[i]));
      }
      return value;
    }

    Builder namespace(Namespace rule) {
      this.namespaceRule = rule;
      return this;
    }

    /** The schema given at connect, which qualifies a {@link Namespace#SCHEMA_QUALIFIED} one. */
    Builder schema(String schema) {
      this.schema = UrlText.nonBlank(schema);
      return this;
    }

    /** SQL Server's named instance, which qualifies the namespace. */
    Builder serverInstance(String serverInstance) {
      this.serverInstance = UrlText.nonBlank(serverInstance);
      return this;
    }

    private void noAddress() {
      host = null;
      port = null;
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
          dialect,
          namespaceRule,
          schema,
          serverInstance);
    }
  }
}

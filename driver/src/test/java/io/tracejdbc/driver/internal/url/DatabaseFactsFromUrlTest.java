package io.tracejdbc.driver.internal.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.tracejdbc.parser.SqlClassifier;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a connection's URL and connect properties tell about its database, before any query. */
class DatabaseFactsFromUrlTest {
  private static final String PROPERTIES_PASSWORD = "PropsSecret";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
  # url                                                    | system     | instance          | user  | host    | port  | peerAddress    | password
  jdbc:sqlite:app.db                                       | sqlite     | app.db            | -     | -       | -     | -              | -
  jdbc:sqlite:/abs/path/app.db?journal_mode=WAL            | sqlite     | /abs/path/app.db  | -     | -       | -     | -              | -
  jdbc:sqlite::memory:                                     | sqlite     | :memory:          | -     | -       | -     | -              | -
  jdbc:sqlite:file:memdb1?mode=memory&cache=shared         | sqlite     | memdb1            | -     | -       | -     | -              | -
  jdbc:sqlite:                                             | sqlite     | :memory:          | -     | -       | -     | -              | -
  jdbc:sqlite:enc.db?cipher=sqlcipher&password=CipherPw1   | sqlite     | enc.db            | -     | -       | -     | -              | CipherPw1

  jdbc:h2:mem:test;DB_CLOSE_DELAY=-1                       | h2         | test              | -     | -       | -     | -              | -
  jdbc:h2:mem:                                             | h2         | -                 | -     | -       | -     | -              | -
  jdbc:h2:file:/data/db                                    | h2         | /data/db          | -     | -       | -     | -              | -
  jdbc:h2:~/test                                           | h2         | ~/test            | -     | -       | -     | -              | -
  jdbc:h2:./db;USER=sa;PASSWORD=H2Secret                   | h2         | ./db              | sa    | -       | -     | -              | H2Secret
  jdbc:h2:tcp://localhost:9092/~/test                      | h2         | ~/test            | -     | localhost | 9092 | localhost:9092 | -
  jdbc:h2:tcp://localhost/mem:shared;USER=sa               | h2         | shared            | sa    | localhost | 9092 | localhost:9092 | -
  jdbc:h2:ssl://host/db                                    | h2         | db                | -     | host    | 9092  | host:9092      | -

  jdbc:postgresql://127.0.0.1:5432/test                    | postgresql | test              | -     | 127.0.0.1 | 5432 | 127.0.0.1:5432 | -
  jdbc:postgresql://host/db?user=u&password=PgSecret       | postgresql | db                | u     | host    | 5432  | host:5432      | PgSecret
  jdbc:postgresql:db                                       | postgresql | db                | -     | localhost | 5432 | localhost:5432 | -
  jdbc:postgresql://h1:5432,h2:5433/db                     | postgresql | db                | -     | h1      | 5432  | h1:5432        | -
  jdbc:postgresql://[::1]:5432/db                          | postgresql | db                | -     | ::1     | 5432  | [::1]:5432     | -
  jdbc:postgresql://host/                                  | postgresql | -                 | -     | host    | 5432  | host:5432      | -
  jdbc:postgresql://DB.Example.COM:6432/Shop               | postgresql | Shop              | -     | DB.Example.COM | 6432 | DB.Example.COM:6432 | -
  jdbc:postgresql://host/db?user=a%40b&password=Pg%26Pw    | postgresql | db                | a@b   | host    | 5432  | host:5432      | Pg%26Pw
  jdbc:postgresql://host:notaport/db                       | postgresql | db                | -     | host    | -     | host           | -
  jdbc:postgresql://host:99999/db                          | postgresql | db                | -     | host    | -     | host           | -

  jdbc:mysql://host:3306/db?user=u&password=MySecret       | mysql      | db                | u     | host    | 3306  | host:3306      | MySecret
  jdbc:mysql://u:MySecret@host/db                          | mysql      | db                | u     | host    | 3306  | host:3306      | MySecret
  jdbc:mysql://host/db?password=MySecret&userName=Bob      | mysql      | db                | Bob   | host    | 3306  | host:3306      | MySecret
  jdbc:mariadb://127.0.0.1:3306/test                       | mariadb    | test              | -     | 127.0.0.1 | 3306 | 127.0.0.1:3306 | -
  jdbc:mariadb:loadbalance://h1,h2/db                      | mariadb    | db                | -     | h1      | 3306  | h1:3306        | -
  jdbc:mysql:replication://h1:3306,h2:3307/db              | mysql      | db                | -     | h1      | 3306  | h1:3306        | -
  jdbc:mysql://[h1:3310,h2:3307]/db                        | mysql      | db                | -     | h1      | 3310  | h1:3310        | -
  jdbc:mysql://address=(host=h)(port=3307)/db              | mysql      | db                | -     | h       | 3307  | h:3307         | -
  jdbc:mysql://address=(host=h)(port=3307)(password=AddrPw)/db | mysql  | db                | -     | h       | 3307  | h:3307         | AddrPw
  jdbc:mysql://(host=h,port=3308)/db                       | mysql      | db                | -     | h       | 3308  | h:3308         | -
  jdbc:mysql:aws://c1.cluster.rds.amazonaws.com:3306/app   | mysql      | app               | -     | c1.cluster.rds.amazonaws.com | 3306 | c1.cluster.rds.amazonaws.com:3306 | -
  jdbc:mysql+srv://_mysql._tcp.example.com/db              | mysql      | db                | -     | _mysql._tcp.example.com | - | _mysql._tcp.example.com | -

  jdbc:sqlserver://host:1433;databaseName=db;user=u;password=MsSecret | mssql | db          | u     | host    | 1433  | host:1433      | MsSecret
  jdbc:sqlserver://host\\instance;database=db              | mssql      | db                | -     | host    | -     | host           | -
  jdbc:sqlserver://host\\instance:1500;database=db         | mssql      | db                | -     | host    | 1500  | host:1500      | -
  jdbc:sqlserver://;serverName=host;databaseName=db        | mssql      | db                | -     | host    | 1433  | host:1433      | -
  jdbc:sqlserver://host;user={u;1};password={Ms;Pw}}x}     | mssql      | -                 | u;1   | host    | 1433  | host:1433      | Ms;Pw}}x
  jdbc:jtds:sqlserver://host:1433/db                       | mssql      | db                | -     | host    | 1433  | host:1433      | -
  jdbc:jtds:sybase://host/db;user=sa;password=SybPw        | sybase     | db                | sa    | host    | 7100  | host:7100      | SybPw

  jdbc:oracle:thin:@host:1521:orcl                         | oracle     | orcl              | -     | host    | 1521  | host:1521      | -
  jdbc:oracle:thin:@//host:1521/service                    | oracle     | service           | -     | host    | 1521  | host:1521      | -
  jdbc:oracle:thin:@host/service                           | oracle     | service           | -     | host    | 1521  | host:1521      | -
  jdbc:oracle:thin:scott/tiger@host:1521:orcl              | oracle     | orcl              | scott | host    | 1521  | host:1521      | tiger
  jdbc:oracle:thin:scott/"ti@ger"@//host/svc               | oracle     | svc               | scott | host    | 1521  | host:1521      | ti@ger
  jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=h)(PORT=1522))(CONNECT_DATA=(SERVICE_NAME=svc))) | oracle | svc | - | h | 1522 | h:1522 | -
  jdbc:oracle:oci:@tns_alias                               | oracle     | tns_alias         | -     | -       | -     | -              | -

  jdbc:db2://host:50000/db                                 | db2        | db                | -     | host    | 50000 | host:50000     | -
  jdbc:db2://host/db:user=u;password=Db2Secret;            | db2        | db                | u     | host    | 50000 | host:50000     | Db2Secret
  jdbc:derby:memory:db;create=true                         | derby      | db                | -     | -       | -     | -              | -
  jdbc:derby://host:1527/db                                | derby      | db                | -     | host    | 1527  | host:1527      | -
  jdbc:derby://host/db;user=u;password=DerbyPw             | derby      | db                | u     | host    | 1527  | host:1527      | DerbyPw
  jdbc:hsqldb:mem:db                                       | hsqldb     | db                | -     | -       | -     | -              | -
  jdbc:hsqldb:hsql://host/db                               | hsqldb     | db                | -     | host    | 9001  | host:9001      | -

  jdbc:aws-wrapper:mariadb://u:AwsPw@db.example:3307/shop  | mariadb    | shop              | u     | db.example | 3307 | db.example:3307 | AwsPw
  jdbc:aws-wrapper:postgresql://c1.rds.amazonaws.com/app   | postgresql | app               | -     | c1.rds.amazonaws.com | 5432 | c1.rds.amazonaws.com:5432 | -
  jdbc:p6spy:mysql://host/db?user=u&password=P6Pw          | mysql      | db                | u     | host    | 3306  | host:3306      | P6Pw
  jdbc:log4jdbc:sqlserver://host;databaseName=db           | mssql      | db                | -     | host    | 1433  | host:1433      | -
  jdbc:otel:h2:mem:traced                                  | h2         | traced            | -     | -       | -     | -              | -
  jdbc:tc:postgresql:15:///db?TC_INITSCRIPT=init.sql       | postgresql | db                | -     | -       | -     | -              | -
  jdbc:tc:mysql:8.0.36://somehost:3306/db?user=u           | mysql      | db                | u     | -       | -     | -              | -
  jdbc:tc:postgis:16-3.4:///gis                            | postgresql | gis               | -     | -       | -     | -              | -
  jdbc:tc:mariadb:///db                                    | mariadb    | db                | -     | -       | -     | -              | -
  jdbc:p6spy:tc:mariadb:11:///db                           | mariadb    | db                | -     | -       | -     | -              | -
  jdbc:p6spy:                                              | p6spy      | -                 | -     | -       | -     | -              | -
  jdbc:clickhouse://host:8123/default                      | clickhouse | default           | -     | host    | 8123  | host:8123      | -
  jdbc:redshift://c1.redshift.amazonaws.com:5439/dev       | redshift   | dev               | -     | c1.redshift.amazonaws.com | 5439 | c1.redshift.amazonaws.com:5439 | -

  jdbc:foo://host:1234/db?x=y                              | foo        | db                | -     | host    | 1234  | host:1234      | -
  jdbc:foo://u:FooPw@host/db                               | foo        | db                | u     | host    | -     | host           | FooPw
  jdbc:foo:whatever                                        | foo        | -                 | -     | -       | -     | -              | -
  not a jdbc url                                           | other_sql  | -                 | -     | -       | -     | -              | -
  """)
  void readsTheDatabaseFromTheUrl(
      String url,
      String system,
      String instance,
      String user,
      String host,
      Integer port,
      String peerAddress,
      String password) {
    DbInfo db = DbInfo.parse(url, propertiesWithOnlyAPassword());

    assertThat(db.system).as("system").isEqualTo(system);
    assertThat(db.instance).as("instance").isEqualTo(instance);
    assertThat(db.user).as("user").isEqualTo(user);
    assertThat(db.host).as("host").isEqualTo(host);
    assertThat(db.port).as("port").isEqualTo(port);
    assertThat(db.peerAddress).as("peerAddress").isEqualTo(peerAddress);
    assertNoFieldHolds(db, PROPERTIES_PASSWORD);
    if (password != null) {
      assertNoFieldHolds(db, password);
      assertNoFieldHolds(db, URLDecoder.decode(password, StandardCharsets.UTF_8));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "jdbc:mysql://host/db, MYSQL",
    "jdbc:mysql+srv://_mysql._tcp.example.com/db, MYSQL",
    "jdbc:mariadb:loadbalance://h1/db, MYSQL",
    "jdbc:postgresql://host/db, POSTGRESQL",
    "jdbc:sqlite:app.db, SQLITE",
    "jdbc:sqlserver://host;databaseName=db, SQLSERVER",
    "jdbc:jtds:sybase://host/db, SQLSERVER",
    "jdbc:h2:mem:db, STANDARD",
    "jdbc:aws-wrapper:mariadb://host/db, MYSQL",
    "jdbc:p6spy:postgresql://host/db, POSTGRESQL",
    "jdbc:log4jdbc:sqlite:app.db, SQLITE",
    "jdbc:tc:mysql:8:///db, MYSQL",
    "jdbc:tc:timescaledb:latest-pg16:///db, POSTGRESQL",
    "jdbc:tc:sqlserver:2022-latest:///db, SQLSERVER",
    "jdbc:clickhouse://host/db, UNKNOWN",
    "jdbc:snowflake://acct.snowflakecomputing.com/?db=shop, UNKNOWN",
    "jdbc:redshift://host:5439/dev, UNKNOWN",
    "jdbc:aws-wrapper:foo://host/db, UNKNOWN",
    "jdbc:foo://host/db, UNKNOWN",
    "not a jdbc url, UNKNOWN"
  })
  void theDialectIsThatOfTheDatabaseBehindAnyWrapper(String url, SqlClassifier.Dialect dialect) {
    assertThat(DbInfo.parse(url, null).dialect).isEqualTo(dialect);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = "=>",
      nullValues = "-",
      textBlock =
          """
  jdbc:postgresql://h/shop?user=app                        => shop|app
  jdbc:postgresql://h/shop?currentSchema=sales,public&user=app => shop|sales
  jdbc:postgresql://h/shop?currentSchema=%22Sales%22       => shop|Sales
  jdbc:postgresql://h/shop                                 => shop
  jdbc:postgresql://h/?user=app                            => app
  jdbc:p6spy:postgresql://h/shop?user=app                  => shop|app
  jdbc:mysql://h/shop?user=app                             => shop
  jdbc:mariadb://h/shop                                    => shop
  jdbc:sqlserver://h;databaseName=db                       => db
  jdbc:sqlserver://h\\inst;databaseName=db                 => inst|db
  jdbc:sqlserver://h;instanceName=inst;databaseName=db     => inst|db
  jdbc:jtds:sqlserver://h/db;instance=inst                 => inst|db
  jdbc:sqlite:app.db                                       => app.db
  jdbc:h2:mem:test                                         => test
  jdbc:foo://host/db                                       => db
  """)
  void theNamespaceIsWhatTheConventionsSayForTheSystem(String url, String namespace) {
    assertThat(DbInfo.parse(url, null).namespace).isEqualTo(namespace);
  }

  @Test
  void postgresqlsSchemaMayBeAConnectProperty() {
    Properties info = new Properties();
    info.setProperty("user", "app");
    info.setProperty("currentSchema", "sales");

    assertThat(DbInfo.parse("jdbc:postgresql://h/shop", info).namespace).isEqualTo("shop|sales");
    assertThat(DbInfo.parse("jdbc:postgresql://h/shop?currentSchema=hr", info).namespace)
        .as("the URL wins, as with pgjdbc")
        .isEqualTo("shop|hr");
  }

  @Test
  void setCatalogSwitchesTheDatabaseWhereTheCatalogIsTheDatabase() {
    for (String url :
        new String[] {
          "jdbc:mysql://h/shop", "jdbc:mariadb://h/shop", "jdbc:sqlserver://h;database=shop"
        }) {
      DbInfo db = DbInfo.parse(url, null);
      DbInfo switched = db.afterSetCatalog("hr");
      assertThat(switched.instance).as(url).isEqualTo("hr");
      assertThat(switched.namespace).as(url).isEqualTo("hr");
      assertThat(switched.host).as(url).isEqualTo("h");
      assertThat(db.instance).as("the facts before").isEqualTo("shop");
      assertThat(db.afterSetSchema("hr")).as(url).isSameAs(db);
      assertThat(db.afterSetCatalog(null)).as("a null catalog keeps the database").isSameAs(db);
    }
  }

  @Test
  void setSchemaSwitchesTheDatabaseWhereTheDriverIsToldSo() {
    for (String url :
        new String[] {
          "jdbc:mysql://h/shop?databaseTerm=SCHEMA", "jdbc:mariadb://h/shop?useCatalogTerm=Schema"
        }) {
      DbInfo db = DbInfo.parse(url, null);
      assertThat(db.afterSetSchema("hr").instance).as(url).isEqualTo("hr");
      assertThat(db.afterSetCatalog("hr")).as(url).isSameAs(db);
    }
  }

  @Test
  void setSchemaQualifiesPostgresqlsNamespace() {
    DbInfo db = DbInfo.parse("jdbc:postgresql://h/shop?user=app", null);

    DbInfo switched = db.afterSetSchema("sales");

    assertThat(switched.namespace).isEqualTo("shop|sales");
    assertThat(switched.instance).isEqualTo("shop");
    assertThat(db.afterSetCatalog("other")).isSameAs(db);
  }

  @Test
  void elsewhereNeitherCallChangesTheFacts() {
    for (String url : new String[] {"jdbc:h2:mem:t", "jdbc:sqlite:app.db", "jdbc:foo://h/db"}) {
      DbInfo db = DbInfo.parse(url, null);
      assertThat(db.afterSetCatalog("x")).as(url).isSameAs(db);
      assertThat(db.afterSetSchema("x")).as(url).isSameAs(db);
    }
  }

  @Test
  void propertiesUserWinsOverTheUrl() {
    Properties info = new Properties();
    info.setProperty("user", "fromProperties");

    DbInfo db = DbInfo.parse("jdbc:mysql://fromAuthority:pw@host/db?user=fromUrl", info);

    assertThat(db.user).isEqualTo("fromProperties");
  }

  @Test
  void upperCaseUserPropertyCounts() {
    Properties info = new Properties();
    info.setProperty("USER", "SA");

    assertThat(DbInfo.parse("jdbc:h2:mem:test", info).user).isEqualTo("SA");
  }

  @Test
  void blankPropertiesUserLeavesTheUrlUser() {
    Properties info = new Properties();
    info.setProperty("user", "");

    assertThat(DbInfo.parse("jdbc:postgresql://host/db?user=u", info).user).isEqualTo("u");
  }

  @Test
  void urlParameterUserWinsOverAuthorityUser() {
    assertThat(DbInfo.parse("jdbc:mysql://fromAuthority@host/db?user=fromUrl", null).user)
        .isEqualTo("fromUrl");
  }

  @Test
  void nullUrlIsAnUnknownSystem() {
    DbInfo db = DbInfo.parse(null, null);

    assertThat(db.system).isEqualTo(DbInfo.UNKNOWN_SYSTEM);
    assertThat(db.host).isNull();
  }

  @Test
  void neitherParseNorRedactThrowsOnMangledUrls() {
    for (String url : mangledUrls()) {
      assertThatCode(
              () -> {
                DbInfo db = DbInfo.parse(url, null);
                assertThat(db).isNotNull();
                assertThat(db.system).isNotNull();
                DbInfo.redact(url);
              })
          .as(url)
          .doesNotThrowAnyException();
    }
  }

  private static Properties propertiesWithOnlyAPassword() {
    Properties info = new Properties();
    info.setProperty("password", PROPERTIES_PASSWORD);
    return info;
  }

  private static void assertNoFieldHolds(DbInfo db, String secret) {
    Stream.of(db.system, db.instance, db.user, db.host, db.peerAddress, db.toString())
        .filter(Objects::nonNull)
        .forEach(field -> assertThat(field).as("a field of %s", db).doesNotContain(secret));
  }

  /** Known URL forms cut, spliced and sprinkled with URL syntax, plus plain noise. */
  private static List<String> mangledUrls() {
    String[] seeds = {
      "jdbc:sqlite:file:memdb1?mode=memory&cache=shared",
      "jdbc:h2:tcp://localhost:9092/~/test;USER=sa;PASSWORD=x",
      "jdbc:postgresql://[::1]:5432,h2:5433/db?user=u&password=p",
      "jdbc:mysql://u:p@address=(host=h)(port=3307)/db",
      "jdbc:mysql://[h1:3306,h2:3307]/db",
      "jdbc:sqlserver://host\\inst:1;serverName=h;password={a;b}}c}",
      "jdbc:oracle:thin:scott/\"ti@ger\"@(DESCRIPTION=(ADDRESS=(HOST=h)(PORT=1522)))",
      "jdbc:oracle:thin:@[::1]:1521:orcl",
      "jdbc:db2://host:50000/db:user=u;password=p;",
      "jdbc:derby://host:1527/memory:db;create=true",
      "jdbc:hsqldb:hsqls://host/db",
      "jdbc:jtds:sybase://host/db",
      "jdbc:foo://u:p@host:1234/db?x=%zz%4",
    };
    String syntax = ":/@[](){};?&=%\\\"', .";
    Random random = new Random(42);
    List<String> urls = new ArrayList<>(List.of("", "jdbc:", "jdbc::", "jdbc:oracle:", "%"));
    for (int i = 0; i < 600; i++) {
      StringBuilder url = new StringBuilder(seeds[random.nextInt(seeds.length)]);
      for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
        int at = random.nextInt(url.length() + 1);
        switch (random.nextInt(4)) {
          case 0 -> url.setLength(at);
          case 1 -> url.insert(at, syntax.charAt(random.nextInt(syntax.length())));
          case 2 -> url.delete(at, Math.min(url.length(), at + 1 + random.nextInt(5)));
          default -> url.insert(at, url.substring(random.nextInt(url.length() + 1)));
        }
      }
      urls.add(url.toString());
    }
    for (int i = 0; i < 200; i++) {
      StringBuilder noise = new StringBuilder("jdbc:");
      for (int n = random.nextInt(40); n > 0; n--) {
        noise.append(
            random.nextBoolean()
                ? syntax.charAt(random.nextInt(syntax.length()))
                : (char) random.nextInt(0x3000));
      }
      urls.add(noise.toString());
    }
    return urls;
  }
}

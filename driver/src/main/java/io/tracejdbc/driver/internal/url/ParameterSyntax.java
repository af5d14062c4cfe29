package io.tracejdbc.driver.internal.url;

/**
 * Where a driver's URL puts its parameters: what opens the list and what separates the entries, as
 * the driver itself reads them. A separator inside a value of another syntax is part of the value:
 * PostgreSQL reads {@code ?ApplicationName=a;b=c} as one parameter, SQL Server {@code ;a=x?b=c&d=e}
 * as one.
 */
final class ParameterSyntax {
  /** {@code ?} opens, {@code &} separates: PostgreSQL, MySQL, MariaDB, SQLite, Oracle, ... */
  static final ParameterSyntax QUERY = new ParameterSyntax('?', "&", false, false);

  /** {@code ;} opens and separates: jTDS, Derby, HSQLDB. */
  static final ParameterSyntax SEMICOLON = new ParameterSyntax(';', ";", false, false);

  /** SQL Server's: {@code ;} opens and separates, a {@code {braced}} value may hold {@code ;}. */
  static final ParameterSyntax SQLSERVER = new ParameterSyntax(';', ";", true, false);

  /** H2's: {@code ;} opens and separates, {@code \;} is a semicolon of the value. */
  static final ParameterSyntax H2 = new ParameterSyntax(';', ";", false, true);

  /** Db2's: {@code :} after the database opens, {@code ;} separates (and ends) the entries. */
  static final ParameterSyntax DB2 = new ParameterSyntax(':', ";", false, false);

  /** A driver whose syntax is not known: any of {@code ?}, {@code &} and {@code ;}. */
  static final ParameterSyntax ANY = new ParameterSyntax('?', "?&;", false, false);

  /** What opens the parameters; a later entry takes it over when the first is taken out. */
  final char opener;

  private final String separators;
  private final boolean bracedValues;
  private final boolean backslashEscapes;

  private ParameterSyntax(
      char opener, String separators, boolean bracedValues, boolean backslashEscapes) {
    this.opener = opener;
    this.separators = separators;
    this.bracedValues = bracedValues;
    this.backslashEscapes = backslashEscapes;
  }

  /** The index of the character that opens the parameters of {@code url}, or -1 when none does. */
  int opening(String url) {
    if (this == ANY) {
      return nextSeparator(url, 0);
    }
    if (this == DB2) {
      int database = indexOfIgnoreCase(url, "db2:");
      if (database < 0) {
        return -1;
      }
      int from = database + 4;
      if (url.startsWith("//", from)) {
        from = url.indexOf('/', from + 2);
        if (from < 0) {
          return -1;
        }
      }
      return url.indexOf(':', from);
    }
    return url.indexOf(opener);
  }

  /**
   * The index of the next separator at or after {@code from}, the start of an entry's name or
   * value, or -1: a braced value (SQL Server) or an escaped separator (H2) does not end the entry.
   */
  int nextSeparator(String url, int from) {
    for (int i = from; i < url.length(); i++) {
      char c = url.charAt(i);
      if (separators.indexOf(c) >= 0) {
        return i;
      }
      if (backslashEscapes && c == '\\') {
        i++;
      } else if (bracedValues && c == '{' && i > 0 && url.charAt(i - 1) == '=') {
        i = UrlText.paramValueEnd(url, i) - 1;
      }
    }
    return -1;
  }

  /** Whether an entry after {@code separator} takes over the opener of a dropped first entry. */
  boolean takesOverOpener(char separator) {
    return separator != opener && (this != ANY || separator == '&');
  }

  private static int indexOfIgnoreCase(String text, String part) {
    for (int i = 0; i + part.length() <= text.length(); i++) {
      if (text.regionMatches(true, i, part, 0, part.length())) {
        return i;
      }
    }
    return -1;
  }
}

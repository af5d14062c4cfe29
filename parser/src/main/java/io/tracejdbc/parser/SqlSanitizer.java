package io.tracejdbc.parser;

import java.util.Locale;
import java.util.Set;

/**
 * A one-pass lexer that turns SQL into its sanitized form: every literal becomes {@code ?},
 * comments are dropped, whitespace runs collapse to one space, {@code IN (?, ?, ...)} collapses to
 * {@code IN (?)}. Identifiers (quoted or not) and JDBC {@code ?} placeholders are kept.
 *
 * <p>Linear in the input and total: unterminated strings, quoted identifiers and comments run to
 * the end of the input.
 */
final class SqlSanitizer {
  /** Words after which a {@code +} or {@code -} starts a signed number rather than an operator. */
  private static final Set<String> EXPRESSION_KEYWORDS =
      words(
          "SELECT WHERE AND OR NOT ON WHEN THEN ELSE CASE RETURN VALUES SET BY LIMIT "
              + "OFFSET BETWEEN IN IS LIKE HAVING AS DEFAULT TO ANY ALL SOME FETCH FIRST NEXT "
              + "TOP DISTINCT");

  /** Words that, written right before a string, make the whole pair one literal. */
  private static final Set<String> TYPED_LITERAL_PREFIXES = Set.of("DATE", "TIME", "TIMESTAMP");

  private enum Last {
    NONE,
    WORD,
    OPERAND,
    SYMBOL
  }

  private final String sql;
  /** MySQL reads {@code "x"} as a string and {@code #} as the start of a comment. */
  private final boolean mysql;
  private final int length;
  private final StringBuilder out;
  private int pos;
  private boolean pendingSpace;
  private Last last = Last.NONE;
  private int lastWordStart;

  /**
   * Output index just after the {@code (} of an {@code IN (} list that so far holds only {@code
   * ?}s; -1 if none.
   */
  private int inListStart = -1;

  private SqlSanitizer(String sql, boolean mysql) {
    this.sql = sql;
    this.mysql = mysql;
    this.length = sql.length();
    this.out = new StringBuilder(Math.min(length, 1 << 16));
  }

  static String sanitize(String sql, SqlClassifier.Dialect dialect) {
    return new SqlSanitizer(sql, dialect == SqlClassifier.Dialect.MYSQL).run();
  }

  private String run() {
    while (pos < length) {
      char c = sql.charAt(pos);
      if (Character.isWhitespace(c)) {
        pos++;
        pendingSpace = true;
      } else if ((c == '-' && next(1) == '-') || (c == '#' && mysql)) {
        skipLineComment();
      } else if (c == '/' && next(1) == '*') {
        skipBlockComment();
      } else if (c == '\'' || (c == '"' && mysql)) {
        stringLiteral(c);
      } else if (c == '"' || c == '`') {
        quotedIdentifier(c);
      } else if (c == '[' && isIdentifierStart(next(1))) {
        quotedIdentifier(']');
      } else if (c == '$' && isDollarQuoteStart()) {
        dollarQuotedLiteral();
      } else if (c == '$' && isDigit(next(1))) {
        positionalParameter();
      } else if (isDigit(c) || (c == '.' && isDigit(next(1)) && last != Last.WORD)) {
        number(pos);
      } else if ((c == '-' || c == '+') && startsUnsignedNumber(pos + 1) && signIsUnary()) {
        number(pos + 1);
      } else if (isIdentifierStart(c)) {
        word();
      } else {
        symbol(c);
      }
    }
    return out.toString();
  }

  private char next(int offset) {
    int i = pos + offset;
    return i < length ? sql.charAt(i) : '\0';
  }

  private void skipLineComment() {
    int end = sql.indexOf('\n', pos);
    pos = end < 0 ? length : end;
    pendingSpace = true;
  }

  private void skipBlockComment() {
    int end = sql.indexOf("*/", pos + 2);
    pos = end < 0 ? length : end + 2;
    pendingSpace = true;
  }

  private void stringLiteral(char quote) {
    pos = endOfQuoted(pos + 1, quote, true);
    if (last == Last.WORD && isTypedLiteralPrefix()) {
      out.setLength(lastWordStart);
      pendingSpace = false;
    }
    literal();
  }

  /** Returns the index after the closing quote, or the end of input when there is none. */
  private int endOfQuoted(int from, char close, boolean backslashEscapes) {
    int i = from;
    while (i < length) {
      char c = sql.charAt(i);
      if (c == '\\' && backslashEscapes) {
        i += 2;
      } else if (c == close) {
        if (i + 1 < length && sql.charAt(i + 1) == close && close != ']') {
          i += 2;
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    return length;
  }

  private boolean isTypedLiteralPrefix() {
    return TYPED_LITERAL_PREFIXES.contains(lastWordUpperCase());
  }

  private String lastWordUpperCase() {
    return out.substring(lastWordStart).toUpperCase(Locale.ROOT);
  }

  private void quotedIdentifier(char close) {
    int start = pos;
    pos = endOfQuoted(pos + 1, close, false);
    flushSpace();
    out.append(sql, start, pos);
    last = Last.OPERAND;
    inListStart = -1;
  }

  /** {@code $$} or {@code $tag$}; not {@code $1}, a positional parameter. */
  private boolean isDollarQuoteStart() {
    int i = pos + 1;
    if (i < length && sql.charAt(i) == '$') {
      return true;
    }
    if (i >= length || !isIdentifierStart(sql.charAt(i))) {
      return false;
    }
    while (i < length && isIdentifierPartWithoutDollar(sql.charAt(i))) {
      i++;
    }
    return i < length && sql.charAt(i) == '$';
  }

  private void dollarQuotedLiteral() {
    int tagEnd = sql.indexOf('$', pos + 1) + 1;
    String tag = sql.substring(pos, tagEnd);
    int close = sql.indexOf(tag, tagEnd);
    pos = close < 0 ? length : close + tag.length();
    literal();
  }

  /** PostgreSQL's {@code $1}: a placeholder, kept like {@code ?}. */
  private void positionalParameter() {
    int start = pos;
    pos = skipDigits(pos + 1);
    flushSpace();
    out.append(sql, start, pos);
    last = Last.OPERAND;
    inListStart = -1;
  }

  private boolean startsUnsignedNumber(int i) {
    if (i >= length) {
      return false;
    }
    char c = sql.charAt(i);
    return isDigit(c) || (c == '.' && i + 1 < length && isDigit(sql.charAt(i + 1)));
  }

  private boolean signIsUnary() {
    switch (last) {
      case NONE:
        return true;
      case SYMBOL:
        char previous = out.charAt(out.length() - 1);
        return previous != ')' && previous != ']';
      case WORD:
        return EXPRESSION_KEYWORDS.contains(lastWordUpperCase());
      default:
        return false;
    }
  }

  /**
   * A number whose digits start at {@code digitsStart} (a sign, if any, sits at {@link #pos}):
   * integer, decimal, exponent or hexadecimal. Digits that run into letters ({@code 1st}) are an
   * identifier, as MySQL reads them.
   */
  private void number(int digitsStart) {
    int digitsEnd = skipDigits(digitsStart);
    int end = endOfNumber(digitsStart, digitsEnd);
    if (pos == digitsStart
        && end == digitsEnd
        && end < length
        && isIdentifierPart(sql.charAt(end))) {
      word();
      return;
    }
    pos = end;
    literal();
  }

  private int endOfNumber(int digitsStart, int digitsEnd) {
    if (digitsEnd == digitsStart + 1
        && sql.charAt(digitsStart) == '0'
        && digitsEnd + 1 < length
        && (sql.charAt(digitsEnd) | 0x20) == 'x'
        && isHexDigit(sql.charAt(digitsEnd + 1))) {
      int i = digitsEnd + 1;
      while (i < length && isHexDigit(sql.charAt(i))) {
        i++;
      }
      return i;
    }
    int i = digitsEnd;
    if (i < length && sql.charAt(i) == '.') {
      i = skipDigits(i + 1);
    }
    return endOfExponent(i);
  }

  private int endOfExponent(int i) {
    if (i >= length || (sql.charAt(i) | 0x20) != 'e') {
      return i;
    }
    int exponent = i + 1;
    if (exponent < length && (sql.charAt(exponent) == '+' || sql.charAt(exponent) == '-')) {
      exponent++;
    }
    return exponent < length && isDigit(sql.charAt(exponent)) ? skipDigits(exponent) : i;
  }

  private int skipDigits(int from) {
    int i = from;
    while (i < length && isDigit(sql.charAt(i))) {
      i++;
    }
    return i;
  }

  private void word() {
    int start = pos;
    while (pos < length && isIdentifierPart(sql.charAt(pos))) {
      pos++;
    }
    if (pos < length && sql.charAt(pos) == '\'' && isStringPrefix(start, pos)) {
      pos = endOfQuoted(pos + 1, '\'', true);
      literal();
      return;
    }
    flushSpace();
    lastWordStart = out.length();
    out.append(sql, start, pos);
    last = Last.WORD;
    inListStart = -1;
  }

  /**
   * {@code E'..'}, {@code N'..'}, {@code X'..'}, {@code B'..'} and MySQL's {@code _utf8mb4'..'}.
   */
  private boolean isStringPrefix(int start, int end) {
    if (sql.charAt(start) == '_') {
      return true;
    }
    if (end - start != 1) {
      return false;
    }
    char c = (char) (sql.charAt(start) | 0x20);
    return c == 'e' || c == 'n' || c == 'x' || c == 'b';
  }

  private void literal() {
    flushSpace();
    out.append('?');
    last = Last.OPERAND;
  }

  private void symbol(char c) {
    pos++;
    if (c == ')' && inListStart >= 0) {
      collapseInList();
    }
    boolean opensInList = c == '(' && last == Last.WORD && lastWordIsIn();
    if (c == '?') {
      literal();
      return;
    }
    flushSpace();
    out.append(c);
    last = Last.SYMBOL;
    if (opensInList) {
      inListStart = out.length();
    } else if (c != ',') {
      inListStart = -1;
    }
  }

  private boolean lastWordIsIn() {
    return out.length() - lastWordStart == 2
        && (out.charAt(lastWordStart) | 0x20) == 'i'
        && (out.charAt(lastWordStart + 1) | 0x20) == 'n';
  }

  /**
   * Called at the {@code )} of an {@code IN (} list whose content is only {@code ?}, commas and
   * spaces.
   */
  private void collapseInList() {
    if (out.length() > inListStart) {
      out.setLength(inListStart);
      out.append('?');
    }
    pendingSpace = false;
    inListStart = -1;
  }

  private void flushSpace() {
    if (pendingSpace && out.length() > 0) {
      out.append(' ');
    }
    pendingSpace = false;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHexDigit(char c) {
    return isDigit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
  }

  private static boolean isIdentifierStart(char c) {
    return Character.isLetter(c) || c == '_' || Character.isSurrogate(c);
  }

  private static boolean isIdentifierPart(char c) {
    return isIdentifierPartWithoutDollar(c) || c == '$';
  }

  private static boolean isIdentifierPartWithoutDollar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || Character.isSurrogate(c);
  }

  private static Set<String> words(String spaceSeparated) {
    return Set.of(spaceSeparated.split(" "));
  }
}

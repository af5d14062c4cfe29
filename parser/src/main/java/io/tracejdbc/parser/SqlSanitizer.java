package io.tracejdbc.parser;

import io.tracejdbc.parser.SqlClassifier.Dialect;

/**
 * A one-pass lexer that turns SQL into its sanitized form, reading quotes, backslashes, brackets
 * and comments as the dialect's database does: every literal becomes {@code ?}, comments are
 * dropped, whitespace runs collapse to one space, {@code IN (?, ?, ...)} collapses to {@code IN
 * (?)}. Identifiers (quoted or not) and placeholders ({@code ?}, {@code $1}, {@code :name}) are
 * kept. After {@code CREATE USER} or {@code ALTER ROLE} and the like, whose passwords may be
 * written unquoted, the rest of the text becomes one {@code ?}.
 *
 * <p>Linear in the input and total: unterminated strings, quoted identifiers and comments run to
 * the end of the input. The output is never longer than the input plus two characters.
 */
final class SqlSanitizer {
  private static final int NONE = 0;
  private static final int WORD = 1;
  private static final int OPERAND = 2;
  private static final int SYMBOL = 3;

  /** ASCII characters by what they start: the cases of {@link #run()}'s switch. */
  private static final byte[] START = new byte[128];

  private static final byte S_OTHER = 0;
  private static final byte S_SPACE = 1;
  private static final byte S_LETTER = 2;
  private static final byte S_DIGIT = 3;
  private static final byte S_QUOTE = 4;
  private static final byte S_DOUBLE_QUOTE = 5;
  private static final byte S_BACKTICK = 6;
  private static final byte S_BRACKET = 7;
  private static final byte S_MINUS = 8;
  private static final byte S_PLUS = 9;
  private static final byte S_SLASH = 10;
  private static final byte S_HASH = 11;
  private static final byte S_DOLLAR = 12;
  private static final byte S_DOT = 13;
  private static final byte S_QUESTION = 14;

  /** ASCII characters that continue an unquoted name: letters, digits, {@code _} and {@code $}. */
  private static final boolean[] NAME_PART = new boolean[128];

  static {
    for (char c = 'a'; c <= 'z'; c++) {
      START[c] = S_LETTER;
      START[c - 32] = S_LETTER;
      NAME_PART[c] = true;
      NAME_PART[c - 32] = true;
    }
    for (char c = '0'; c <= '9'; c++) {
      START[c] = S_DIGIT;
      NAME_PART[c] = true;
    }
    START['_'] = S_LETTER;
    NAME_PART['_'] = true;
    NAME_PART['$'] = true;
    for (char c : new char[] {' ', '\t', '\n', '\r', '\f', 0x0B, 0x1C, 0x1D, 0x1E, 0x1F}) {
      START[c] = S_SPACE;
    }
    START['\''] = S_QUOTE;
    START['"'] = S_DOUBLE_QUOTE;
    START['`'] = S_BACKTICK;
    START['['] = S_BRACKET;
    START['-'] = S_MINUS;
    START['+'] = S_PLUS;
    START['/'] = S_SLASH;
    START['#'] = S_HASH;
    START['$'] = S_DOLLAR;
    START['.'] = S_DOT;
    START['?'] = S_QUESTION;
  }

  private final String sql;
  private final char[] in;
  private final int length;
  private final char[] out;
  private int o;

  private final boolean mysql;
  private final boolean escapeStrings;
  private final boolean nestedComments;
  private final boolean bracketNames;
  private final boolean doubledBrackets;
  private final boolean moneyLiterals;
  private final boolean alternativeQuoting;

  private boolean pendingSpace;
  private int last = NONE;
  private char lastSymbol;
  private int lastWordStart;
  /** Output index just after an {@code IN (} whose list so far holds only {@code ?}; or -1. */
  private int inListStart = -1;
  private int statementWords;
  private boolean createOrAlter;
  /** Whether a literal or a comment was dropped: the output is not the input respaced. */
  private boolean removedText;

  SqlSanitizer(String sql, Dialect dialect) {
    this.sql = sql;
    this.in = sql.toCharArray();
    this.length = in.length;
    this.out = new char[length + 2];
    this.mysql = dialect == Dialect.MYSQL;
    this.escapeStrings = dialect == Dialect.POSTGRESQL || dialect == Dialect.STANDARD;
    this.nestedComments = !mysql && dialect != Dialect.SQLITE;
    this.bracketNames = dialect == Dialect.SQLSERVER || dialect == Dialect.SQLITE;
    this.doubledBrackets = dialect == Dialect.SQLSERVER;
    this.moneyLiterals = dialect == Dialect.SQLSERVER;
    this.alternativeQuoting = dialect == Dialect.STANDARD;
  }

  static String sanitize(String sql, Dialect dialect) {
    return new SqlSanitizer(sql, dialect).run();
  }

  /** Whether the last {@link #run()} dropped a literal or a comment. */
  boolean removedText() {
    return removedText;
  }

  String run() {
    final char[] in = this.in;
    final int length = this.length;
    int i = 0;
    while (i < length) {
      char c = in[i];
      if (c >= 128) {
        i = nonAscii(i, c);
        continue;
      }
      switch (START[c]) {
        case S_SPACE:
          pendingSpace = true;
          i++;
          break;
        case S_LETTER:
          i = word(i);
          break;
        case S_DIGIT:
          i = number(i, i);
          break;
        case S_QUOTE:
          i = string(i + 1, '\'', mysql);
          break;
        case S_DOUBLE_QUOTE:
          i = mysql ? string(i + 1, '"', true) : quotedName(i, '"', true);
          break;
        case S_BACKTICK:
          i = quotedName(i, '`', true);
          break;
        case S_BRACKET:
          i = bracketNames && bracketOpensName() ? quotedName(i, ']', doubledBrackets) : symbol(i);
          break;
        case S_MINUS:
          i = next(i) == '-' ? lineComment(i + 2) : sign(i);
          break;
        case S_PLUS:
          i = sign(i);
          break;
        case S_SLASH:
          i = next(i) == '*' ? blockComment(i) : symbol(i);
          break;
        case S_HASH:
          i = mysql ? lineComment(i + 1) : symbol(i);
          break;
        case S_DOLLAR:
          i = dollar(i);
          break;
        case S_DOT:
          i = isDigit(next(i)) && last != WORD ? number(i, i) : symbol(i);
          break;
        case S_QUESTION:
          placeholder();
          i++;
          break;
        default:
          i = symbol(i);
      }
    }
    return new String(out, 0, o);
  }

  private char next(int i) {
    return i + 1 < length ? in[i + 1] : '\0';
  }

  private int nonAscii(int i, char c) {
    if (Character.isWhitespace(c)) {
      pendingSpace = true;
      return i + 1;
    }
    return isNamePart(c) ? word(i) : symbol(i);
  }

  // ---- names and words

  private int word(int start) {
    flushSpace();
    final char[] in = this.in;
    final char[] out = this.out;
    int wordStart = o;
    int i = start;
    int j = wordStart;
    while (i < length) {
      char c = in[i];
      if (c < 128 ? NAME_PART[c] : isNamePart(c)) {
        out[j++] = c;
        i++;
      } else {
        break;
      }
    }
    o = j;
    if (i < length && (in[i] == '\'' || (mysql && in[i] == '"'))) {
      int end = prefixedStringEnd(wordStart, i);
      if (end >= 0) {
        o = wordStart;
        literal();
        return end;
      }
    }
    last = WORD;
    lastWordStart = wordStart;
    inListStart = -1;
    if (statementWords < 2 && userStatement()) {
      out[o++] = ' ';
      out[o++] = '?';
      removedText = true;
      return length;
    }
    return i;
  }

  /**
   * At the word just written: whether it is the {@code USER} or {@code ROLE} of a statement that
   * began {@code CREATE} or {@code ALTER}.
   */
  private boolean userStatement() {
    if (statementWords++ == 0) {
      createOrAlter = lastWordIs("create") || lastWordIs("alter");
      return false;
    }
    return createOrAlter && (lastWordIs("user") || lastWordIs("role"));
  }

  /**
   * The end of a string written right after the word at {@code wordStart} (at {@code quote}),
   * when that word is a string prefix ({@code N'..'}, {@code E'..'}, {@code X'..'}, {@code
   * B'..'}, MySQL's {@code _utf8mb4'..'}, Oracle's {@code q'[..]'}); else -1.
   */
  private int prefixedStringEnd(int wordStart, int quote) {
    int wordLength = o - wordStart;
    char first = (char) (out[wordStart] | 0x20);
    char close = in[quote];
    if (wordLength == 1) {
      switch (first) {
        case 'n':
        case 'x':
        case 'b':
          return endOfQuoted(quote + 1, close, mysql, true);
        case 'e':
          return endOfQuoted(quote + 1, close, mysql || escapeStrings, true);
        case 'q':
          return alternativeQuoting && close == '\'' ? alternativeQuoted(quote + 1) : -1;
        default:
          return -1;
      }
    }
    if (out[wordStart] == '_') {
      return endOfQuoted(quote + 1, close, mysql, true);
    }
    if (alternativeQuoting && close == '\'' && wordLength == 2 && first == 'n'
        && (out[wordStart + 1] | 0x20) == 'q') {
      return alternativeQuoted(quote + 1);
    }
    return -1;
  }

  /** Oracle's {@code q'[...]'}: the character after the quote picks the closing one. */
  private int alternativeQuoted(int from) {
    if (from < length) {
      char open = in[from];
      char close = open == '[' ? ']' : open == '{' ? '}' : open == '(' ? ')' : open == '<' ? '>'
          : open;
      for (int i = from + 1; i + 1 < length; i++) {
        if (in[i] == close && in[i + 1] == '\'') {
          return i + 2;
        }
      }
    }
    return length;
  }

  private int quotedName(int start, char close, boolean doubled) {
    int end = endOfQuoted(start + 1, close, false, doubled);
    flushSpace();
    System.arraycopy(in, start, out, o, end - start);
    o += end - start;
    last = OPERAND;
    inListStart = -1;
    return end;
  }

  /**
   * A bracket opens a name unless it follows {@code ARRAY}, or an operand with no space between:
   * {@code ARRAY[1]} and {@code tags[1]} are arrays.
   */
  private boolean bracketOpensName() {
    if (last == WORD && lastWordIs("array")) {
      return false;
    }
    if (pendingSpace) {
      return true;
    }
    return last == NONE
        || (last == SYMBOL && lastSymbol != ')' && lastSymbol != ']');
  }

  // ---- strings and comments

  private int string(int from, char quote, boolean backslashEscapes) {
    int end = endOfQuoted(from, quote, backslashEscapes, true);
    if (last == WORD && isTypedLiteralPrefix()) {
      o = lastWordStart;
      pendingSpace = false;
    }
    literal();
    return end;
  }

  /** The index after the closing quote, or the end of input when there is none. */
  private int endOfQuoted(int from, char close, boolean backslashEscapes, boolean doubled) {
    final char[] in = this.in;
    int i = from;
    while (i < length) {
      char c = in[i];
      if (c == close) {
        if (doubled && i + 1 < length && in[i + 1] == close) {
          i += 2;
        } else {
          return i + 1;
        }
      } else if (c == '\\' && backslashEscapes) {
        i += 2;
      } else {
        i++;
      }
    }
    return length;
  }

  /** {@code DATE '2024-01-01'}: the keyword and the string are one literal. */
  private boolean isTypedLiteralPrefix() {
    int wordLength = o - lastWordStart;
    return (wordLength == 4 && (lastWordIs("date") || lastWordIs("time")))
        || (wordLength == 9 && lastWordIs("timestamp"));
  }

  /** A comment whose text starts at {@code from}, up to the end of the line. */
  private int lineComment(int from) {
    int i = from;
    while (i < length && in[i] != '\n' && in[i] != '\r') {
      i++;
    }
    pendingSpace = true;
    removedText = true;
    return i;
  }

  private int blockComment(int start) {
    final char[] in = this.in;
    int depth = 1;
    int i = start + 2;
    while (i + 1 < length) {
      char c = in[i];
      if (c == '*' && in[i + 1] == '/') {
        i += 2;
        if (--depth == 0) {
          break;
        }
      } else if (c == '/' && in[i + 1] == '*' && nestedComments) {
        i += 2;
        depth++;
      } else {
        i++;
      }
    }
    pendingSpace = true;
    removedText = true;
    return depth == 0 ? i : length;
  }

  // ---- dollars: PostgreSQL's $$..$$ and $1, SQL Server's money, MySQL's names

  private int dollar(int start) {
    if (mysql) {
      return word(start);
    }
    char after = next(start);
    if (after == '$' || isNameStart(after)) {
      int tagEnd = dollarTagEnd(start);
      if (tagEnd > 0) {
        int close = sql.indexOf(sql.substring(start, tagEnd), tagEnd);
        literal();
        return close < 0 ? length : close + tagEnd - start;
      }
    }
    if (isDigit(after)) {
      int end = skipDigits(start + 1);
      if (moneyLiterals) {
        end = end < length && in[end] == '.' ? skipDigits(end + 1) : end;
        literal();
        return end;
      }
      flushSpace();
      System.arraycopy(in, start, out, o, end - start);
      o += end - start;
      last = OPERAND;
      inListStart = -1;
      return end;
    }
    return symbol(start);
  }

  /** The index after the tag of {@code $$} or {@code $tag$} at {@code start}; -1 if none. */
  private int dollarTagEnd(int start) {
    int i = start + 1;
    while (i < length && in[i] != '$') {
      char c = in[i];
      if (c == '$' || !(c < 128 ? NAME_PART[c] : isNamePart(c))) {
        return -1;
      }
      i++;
    }
    return i < length ? i + 1 : -1;
  }

  // ---- numbers

  /**
   * A number whose first digit (or dot) is at {@code digits}; a sign, if any, sits at {@code
   * start}. MySQL reads digits that run into letters ({@code 1st}, {@code 0b102}) as a name;
   * elsewhere the whole run is a value.
   */
  private int number(int start, int digits) {
    int end = numberEnd(digits);
    if (end > 0) {
      literal();
      return end;
    }
    if (start < digits) {
      return symbol(start);
    }
    return word(start);
  }

  /** The end of the number at {@code start}, or minus one when MySQL reads it as a name. */
  private int numberEnd(int start) {
    final char[] in = this.in;
    int i = start;
    boolean plainName = mysql && in[start] != '.';
    if (in[i] == '0' && i + 2 < length && isRadixDigit(in[i + 1], in[i + 2])) {
      char radix = (char) (in[i + 1] | 0x20);
      i += 2;
      while (i < length && (isRadixDigit(radix, in[i]) || (in[i] == '_' && !mysql))) {
        i++;
      }
    } else {
      i = digitsEnd(i);
      if (i < length && in[i] == '.') {
        plainName = false;
        i = digitsEnd(i + 1);
      }
      int exponent = exponentEnd(i);
      plainName &= exponent == i || in[i + 1] != '-' && in[i + 1] != '+';
      i = exponent;
    }
    if (i < length && (in[i] < 128 ? NAME_PART[in[i]] : isNamePart(in[i]))) {
      while (i < length && (in[i] < 128 ? NAME_PART[in[i]] : isNamePart(in[i]))) {
        i++;
      }
      return plainName ? -1 : i;
    }
    return i;
  }

  private static boolean isRadixDigit(char mark, char c) {
    switch (mark | 0x20) {
      case 'x':
        return isDigit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
      case 'b':
        return c == '0' || c == '1';
      case 'o':
        return c >= '0' && c <= '7';
      default:
        return false;
    }
  }

  /** Digits, with {@code _} between them outside MySQL ({@code 1_000_000}). */
  private int digitsEnd(int from) {
    int i = from;
    while (i < length && (isDigit(in[i]) || (in[i] == '_' && !mysql && i + 1 < length
        && isDigit(in[i + 1])))) {
      i++;
    }
    return i;
  }

  private int exponentEnd(int i) {
    if (i >= length || (in[i] | 0x20) != 'e') {
      return i;
    }
    int digits = i + 1;
    if (digits < length && (in[digits] == '+' || in[digits] == '-')) {
      digits++;
    }
    return digits < length && isDigit(in[digits]) ? skipDigits(digits) : i;
  }

  private int skipDigits(int from) {
    int i = from;
    while (i < length && isDigit(in[i])) {
      i++;
    }
    return i;
  }

  /** A {@code -} or {@code +}: part of a number where an operand is expected, else an operator. */
  private int sign(int start) {
    int digits = start + 1;
    if (digits < length && (isDigit(in[digits])
        || (in[digits] == '.' && isDigit(next(digits)))) && signIsUnary()) {
      return number(start, digits);
    }
    return symbol(start);
  }

  private boolean signIsUnary() {
    switch (last) {
      case NONE:
        return true;
      case SYMBOL:
        return lastSymbol != ')' && lastSymbol != ']';
      case WORD:
        return isExpressionKeyword();
      default:
        return false;
    }
  }

  /** Words after which a sign starts a signed number rather than a subtraction. */
  private boolean isExpressionKeyword() {
    switch (o - lastWordStart) {
      case 2:
        return lastWordIs("or") || lastWordIs("on") || lastWordIs("by") || lastWordIs("in")
            || lastWordIs("is") || lastWordIs("as") || lastWordIs("to");
      case 3:
        return lastWordIs("and") || lastWordIs("not") || lastWordIs("set") || lastWordIs("any")
            || lastWordIs("all") || lastWordIs("top");
      case 4:
        return lastWordIs("when") || lastWordIs("then") || lastWordIs("else")
            || lastWordIs("case") || lastWordIs("like") || lastWordIs("some")
            || lastWordIs("next");
      case 5:
        return lastWordIs("where") || lastWordIs("limit") || lastWordIs("fetch")
            || lastWordIs("first");
      case 6:
        return lastWordIs("select") || lastWordIs("return") || lastWordIs("values")
            || lastWordIs("offset") || lastWordIs("having");
      case 7:
        return lastWordIs("between") || lastWordIs("default");
      case 8:
        return lastWordIs("distinct");
      default:
        return false;
    }
  }

  // ---- output

  private void literal() {
    flushSpace();
    out[o++] = '?';
    last = OPERAND;
    removedText = true;
  }

  private void placeholder() {
    flushSpace();
    out[o++] = '?';
    last = OPERAND;
  }

  private int symbol(int i) {
    char c = in[i];
    if (c == ')' && inListStart >= 0) {
      collapseInList();
    }
    boolean opensInList = c == '(' && last == WORD && lastWordIs("in");
    flushSpace();
    out[o++] = c;
    last = SYMBOL;
    lastSymbol = c;
    if (opensInList) {
      inListStart = o;
    } else if (c != ',') {
      inListStart = -1;
    }
    if (c == ';') {
      statementWords = 0;
    }
    return i + 1;
  }

  /** At the {@code )} of an {@code IN (} list of only {@code ?}, commas and spaces. */
  private void collapseInList() {
    if (o > inListStart) {
      o = inListStart;
      out[o++] = '?';
    }
    pendingSpace = false;
    inListStart = -1;
  }

  private void flushSpace() {
    if (pendingSpace) {
      if (o > 0) {
        out[o++] = ' ';
      }
      pendingSpace = false;
    }
  }

  /** Whether the last word written is {@code lowerCase}, ignoring case. */
  private boolean lastWordIs(String lowerCase) {
    int n = lowerCase.length();
    if (o - lastWordStart != n) {
      return false;
    }
    for (int k = 0; k < n; k++) {
      if ((out[lastWordStart + k] | 0x20) != lowerCase.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isNameStart(char c) {
    return c < 128 ? START[c] == S_LETTER : Character.isLetter(c) || Character.isSurrogate(c);
  }

  private static boolean isNamePart(char c) {
    return c < 128 ? NAME_PART[c] : Character.isLetterOrDigit(c) || Character.isSurrogate(c);
  }
}

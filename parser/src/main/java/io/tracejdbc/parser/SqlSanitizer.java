package io.tracejdbc.parser;

import io.tracejdbc.parser.SqlClassifier.Dialect;

/**
 * A one-pass lexer that turns SQL into its sanitized form, reading quotes, backslashes, brackets
 * and comments as the dialect's database does: every literal becomes {@code ?}, comments are
 * dropped, whitespace runs collapse to one space, {@code IN (?, ?, ...)} collapses to {@code IN
 * (?)}. Identifiers (quoted or not) and placeholders ({@code ?}, {@code $1}, {@code :name}) are
 * kept. Passwords may be written unquoted: after {@code CREATE USER} or {@code ALTER ROLE} and the
 * like, and after {@code IDENTIFIED} or {@code PASSWORD =} in the other statements that set one
 * ({@code CREATE DATABASE LINK}, {@code GRANT}, {@code CREATE LOGIN}, ...), the rest of the text
 * becomes one {@code ?}.
 *
 * <p>Most characters are copied as they come, in one tight loop whose body stays small (copy,
 * space, or leave it), so the JIT compiles it the same way whatever the mix of statements; the
 * characters that may start a literal, a comment or a quoted name leave it, and what they need to
 * know of the tokens before them (a keyword, an operand) is read back from the output rather than
 * tracked per token.
 *
 * <p>Linear in the input and total: unterminated strings, quoted identifiers and comments run to
 * the end of the input. The output is never longer than the input plus two characters.
 */
final class SqlSanitizer {
  /**
   * Every character by what the main loop does with it: one load instead of a branch on ASCII,
   * which measured about a tenth faster (64 KB, filled once).
   */
  private static final byte[] KIND = new byte[65536];

  private static final byte COPY = 0;
  private static final byte SPACE = 1;
  private static final byte DIGIT = 2;
  private static final byte DOT = 3;
  private static final byte CLOSE = 4;
  private static final byte QUOTE = 5;
  private static final byte DOUBLE_QUOTE = 6;
  private static final byte BACKTICK = 7;
  private static final byte BRACKET = 8;
  private static final byte MINUS = 9;
  private static final byte PLUS = 10;
  private static final byte SLASH = 11;
  private static final byte HASH = 12;
  private static final byte DOLLAR = 13;
  private static final byte SEMICOLON = 14;

  /** ASCII characters that continue an unquoted name: letters, digits, {@code _} and {@code $}. */
  private static final boolean[] NAME_PART = new boolean[128];

  static {
    for (char c = '0'; c <= '9'; c++) {
      KIND[c] = DIGIT;
      NAME_PART[c] = true;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      NAME_PART[c] = true;
      NAME_PART[c - 32] = true;
    }
    NAME_PART['_'] = true;
    NAME_PART['$'] = true;
    for (char c : new char[] {' ', '\t', '\n', '\r', '\f', 0x0B, 0x1C, 0x1D, 0x1E, 0x1F}) {
      KIND[c] = SPACE;
    }
    KIND['.'] = DOT;
    KIND[')'] = CLOSE;
    KIND['\''] = QUOTE;
    KIND['"'] = DOUBLE_QUOTE;
    KIND['`'] = BACKTICK;
    KIND['['] = BRACKET;
    KIND['-'] = MINUS;
    KIND['+'] = PLUS;
    KIND['/'] = SLASH;
    KIND['#'] = HASH;
    KIND['$'] = DOLLAR;
    KIND[';'] = SEMICOLON;
    for (int c = 128; c < 65536; c++) {
      KIND[c] = Character.isWhitespace((char) c) ? SPACE : COPY;
    }
  }

  private final String sql;
  private final char[] in;
  private final int length;
  private final char[] out;

  /** The output's length. The main loop keeps it in a local, and stores it here for helpers. */
  private int o;

  private final boolean mysql;

  /** {@link Dialect#UNKNOWN}: every reading at once, the rest masked where they disagree. */
  private final boolean unknown;

  private final boolean escapeStrings;
  private final boolean nestedComments;
  private final boolean bracketNames;
  private final boolean doubledBrackets;
  private final boolean moneyLiterals;
  private final boolean alternativeQuoting;
  private final boolean slashComments;
  private final boolean continuedStrings;

  /** Whether a literal or a comment was dropped: the output is not the input respaced. */
  private boolean removedText;

  /** Whether a tab, newline or the like became a space. */
  private boolean respaced;

  private boolean severalStatements;

  SqlSanitizer(String sql, Dialect dialect) {
    this.sql = sql;
    this.in = sql.toCharArray();
    this.length = in.length;
    this.out = new char[length + 2];
    this.mysql = dialect == Dialect.MYSQL;
    this.unknown = dialect == Dialect.UNKNOWN;
    this.escapeStrings = dialect == Dialect.POSTGRESQL || dialect == Dialect.STANDARD || unknown;
    this.nestedComments = !mysql && dialect != Dialect.SQLITE;
    this.bracketNames = dialect == Dialect.SQLSERVER || dialect == Dialect.SQLITE;
    this.doubledBrackets = dialect == Dialect.SQLSERVER;
    this.moneyLiterals = dialect == Dialect.SQLSERVER || unknown;
    this.alternativeQuoting = dialect == Dialect.STANDARD || unknown;
    this.slashComments = dialect == Dialect.STANDARD;
    this.continuedStrings = escapeStrings;
  }

  static String sanitize(String sql, Dialect dialect) {
    return new SqlSanitizer(sql, dialect).run();
  }

  /** Whether {@link #run()} dropped a literal or a comment. */
  boolean removedText() {
    return removedText;
  }

  /** The sanitized text: {@code sql} itself when sanitizing changes nothing. */
  String run() {
    final char[] in = this.in;
    final char[] out = this.out;
    int i = 0;
    int o = 0;
    while (i < in.length) {
      char c = in[i];
      int kind = KIND[c];
      if (kind == COPY) {
        out[o++] = c;
        i++;
      } else if (kind == SPACE) {
        if (o > 0 && out[o - 1] != ' ') {
          out[o++] = ' ';
          respaced |= c != ' ';
        }
        i++;
      } else {
        this.o = o;
        i = token(kind, i);
        o = this.o;
      }
    }
    this.o = o > 0 && out[o - 1] == ' ' ? o - 1 : o;
    maskPasswords();
    return this.o == in.length && !removedText && !respaced ? sql : new String(out, 0, this.o);
  }

  /** Reads the token at {@code i} that is not copied as it is; returns the index after it. */
  private int token(int kind, int i) {
    switch (kind) {
      case DIGIT:
        return o > 0 && isNamePart(out[o - 1]) ? copy(i) : number(i, i);
      case DOT:
        return i + 1 < length && isDigit(in[i + 1]) && !isNamePart(lastCharBeforeSpace())
            ? number(i, i)
            : copy(i);
      case CLOSE:
        return o > 0 && (out[o - 1] == '?' || out[o - 1] == ' ') ? closeParenthesis(i) : copy(i);
      case QUOTE:
        return string(i, '\'');
      case DOUBLE_QUOTE:
        return mysql || unknown ? string(i, '"') : quotedName(i, '"', true);
      case BACKTICK:
        if (unknown && opensText(i + 1, closingQuote(i + 1, '`', false, true))) {
          return maskRest();
        }
        return quotedName(i, '`', true);
      case BRACKET:
        if (unknown && !bracketReadsAlike(i + 1)) {
          return maskRest();
        }
        return bracketNames && bracketOpensName() ? quotedName(i, ']', doubledBrackets) : copy(i);
      case MINUS:
        return i + 1 < length && in[i + 1] == '-' ? unknownLineComment(i, i + 2) : sign(i);
      case PLUS:
        return sign(i);
      case SLASH:
        if (unknown && i + 1 < length && in[i + 1] == '/') {
          return unknownLineComment(i, i + 2);
        }
        if (slashComments && i + 1 < length && in[i + 1] == '/') {
          return lineComment(i + 2);
        }
        return i + 1 < length && in[i + 1] == '*' ? blockComment(i) : copy(i);
      case HASH:
        if (unknown) {
          return unknownLineComment(i, i + 1);
        }
        return mysql ? lineComment(i + 1) : copy(i);
      case DOLLAR:
        return mysql || (o > 0 && isNamePart(out[o - 1])) ? copy(i) : dollar(i);
      case SEMICOLON:
        severalStatements = true;
        return copy(i);
      default:
        return copy(i);
    }
  }

  private int copy(int i) {
    out[o++] = in[i];
    return i + 1;
  }

  private void literal() {
    out[o++] = '?';
    removedText = true;
  }

  /** The rest of the text, where the readings of {@link Dialect#UNKNOWN} part: one {@code ?}. */
  private int maskRest() {
    literal();
    return length;
  }

  /**
   * Whether {@code [from, to)} holds what would open a string, quoted name or comment if it were
   * read as code: what some database reads as code there cannot be kept as it is.
   */
  private boolean opensText(int from, int to) {
    int end = Math.min(to, length);
    for (int i = from; i < end; i++) {
      if (opensTextAt(i, end)) {
        return true;
      }
    }
    return false;
  }

  private boolean opensTextAt(int i, int end) {
    char c = in[i];
    if (c == '\'' || c == '"' || c == '`' || c == '[' || c == '#' || c == '$') {
      return true;
    }
    char next = i + 1 < end ? in[i + 1] : ' ';
    return (c == '-' && next == '-') || (c == '/' && (next == '*' || next == '/'));
  }

  /**
   * A comment to the end of the line for {@link Dialect#UNKNOWN} (for the others, {@code --} only);
   * the comment marker is at {@code start}, its text at {@code from}. Where some database reads the
   * line as code ({@code #} outside MySQL, {@code --x} in MySQL, {@code //} outside H2 and
   * Snowflake) and it holds what would open a string or comment there, the rest is masked.
   */
  private int unknownLineComment(int start, int from) {
    if (!unknown) {
      return lineComment(from);
    }
    int end = from;
    while (end < length && in[end] != '\n' && in[end] != '\r') {
      end++;
    }
    boolean alwaysComment = in[start] == '-' && (from >= length || in[from] <= ' ');
    return !alwaysComment && opensText(from, end) ? maskRest() : lineComment(from);
  }

  /**
   * Whether the text of a bracket from {@code from} to the first {@code ]} reads alike as a quoted
   * name (SQL Server, SQLite) and as code: nothing in it opens text, but strings that also end in
   * it.
   */
  private boolean bracketReadsAlike(int from) {
    int close = from;
    while (close < length && in[close] != ']') {
      close++;
    }
    int i = from;
    while (i < close) {
      if (in[i] == '\'') {
        i = endOfQuoted(i + 1, '\'', false, true);
        if (i > close) {
          return false;
        }
      } else if (opensTextAt(i, close)) {
        return false;
      } else {
        i++;
      }
    }
    return true;
  }

  /** A space, unless the output is empty or already ends with one. */
  private void space() {
    if (o > 0 && out[o - 1] != ' ') {
      out[o++] = ' ';
    }
  }

  // ---- strings and quoted names

  /** A string at {@code i}, with the prefix ({@code N}, {@code E}, ...) or keyword before it. */
  private int string(int i, char quote) {
    if (o > 0 && isNamePart(out[o - 1])) {
      int wordStart = wordStart(o);
      int end = prefixedStringEnd(wordStart, i);
      if (end >= 0) {
        o = wordStart;
        literal();
        return end;
      }
    }
    int end = stringEnd(i + 1, quote, mysql);
    int wordEnd = o > 0 && out[o - 1] == ' ' ? o - 1 : o;
    int wordStart = wordStart(wordEnd);
    if (isTypedLiteralPrefix(wordStart, wordEnd)) {
      o = wordStart;
    }
    literal();
    return end;
  }

  /**
   * The end of a string at {@code quote} written right after the word at {@code wordStart} of the
   * output, when that word is a string prefix ({@code N'..'}, {@code E'..'}, {@code X'..'}, {@code
   * B'..'}, MySQL's {@code _utf8mb4'..'}, Oracle's {@code q'[..]'}); else -1.
   */
  private int prefixedStringEnd(int wordStart, int quote) {
    int wordLength = o - wordStart;
    char close = in[quote];
    if (out[wordStart] == '_') {
      return stringEnd(quote + 1, close, mysql);
    }
    char first = (char) (out[wordStart] | 0x20);
    if (wordLength == 1) {
      switch (first) {
        case 'n':
        case 'x':
        case 'b':
          return stringEnd(quote + 1, close, mysql);
        case 'e':
          return stringEnd(quote + 1, close, mysql || escapeStrings);
        case 'q':
          return alternativeQuoting && close == '\'' ? alternativeQuotedEnd(quote + 1) : -1;
        default:
          return -1;
      }
    }
    if (alternativeQuoting
        && close == '\''
        && wordLength == 2
        && first == 'n'
        && (out[wordStart + 1] | 0x20) == 'q') {
      return alternativeQuotedEnd(quote + 1);
    }
    return -1;
  }

  /** Oracle's {@code q'[...]'}: the character after the quote picks the closing one. */
  private int alternativeQuotedEnd(int from) {
    int end = alternativeQuotedCloseEnd(from);
    return unknown && end != endOfQuoted(from, '\'', true, true) ? length : end;
  }

  private int alternativeQuotedCloseEnd(int from) {
    if (from < length) {
      char open = in[from];
      char close =
          open == '[' ? ']' : open == '{' ? '}' : open == '(' ? ')' : open == '<' ? '>' : open;
      for (int i = from + 1; i + 1 < length; i++) {
        if (in[i] == close && in[i + 1] == '\'') {
          return i + 2;
        }
      }
    }
    return length;
  }

  /**
   * The index after a string whose text starts at {@code from}, with its continuations: PostgreSQL
   * and the standard read {@code 'a'}, whitespace holding a newline, and {@code 'b'} as one string,
   * read throughout as its first part is ({@code E'a'} newline {@code 'it\\'s'}).
   */
  private int stringEnd(int from, char close, boolean backslashEscapes) {
    int end = endOfQuoted(from, close, backslashEscapes, true);
    if (continuedStrings && close == '\'') {
      int next;
      while (end < length && (next = continuationQuote(end)) >= 0) {
        end = endOfQuoted(next + 1, close, backslashEscapes, true);
      }
    }
    return end;
  }

  /**
   * The quote that continues a string ended at {@code from}: after spaces and {@code --} comments
   * holding at least one newline, as PostgreSQL's lexer reads them; else -1.
   */
  private int continuationQuote(int from) {
    boolean newline = false;
    for (int i = from; i < length; i++) {
      char c = in[i];
      if (c == '\n' || c == '\r') {
        newline = true;
      } else if (c == '-' && i + 1 < length && in[i + 1] == '-') {
        while (i + 1 < length && in[i + 1] != '\n' && in[i + 1] != '\r') {
          i++;
        }
      } else if (c != ' ' && c != '\t' && c != '\f' && c != 0x0B) {
        return c == '\'' && newline ? i : -1;
      }
    }
    return -1;
  }

  /**
   * The index after the closing quote, or the end of input when there is none. For {@link
   * Dialect#UNKNOWN}, the end of input too when the readings with and without backslash escapes, or
   * as a triple-quoted string, end it at different places.
   */
  private int endOfQuoted(int from, char close, boolean backslashEscapes, boolean doubled) {
    int end = closingQuote(from, close, backslashEscapes, doubled);
    if (unknown
        && (end != closingQuote(from, close, !backslashEscapes, doubled)
            || end != tripleQuotedEnd(from, close, end))) {
      return length;
    }
    return end;
  }

  /**
   * Where a string that opens with three quotes ends when read as triple-quoted (BigQuery, Spark):
   * the index after the next three quotes; {@code end} for a string that does not open so.
   */
  private int tripleQuotedEnd(int from, char close, int end) {
    if (from + 1 >= length || in[from] != close || in[from + 1] != close) {
      return end;
    }
    String quotes = new String(new char[] {close, close, close});
    int closing = sql.indexOf(quotes, from + 2);
    return closing < 0 ? length : closing + 3;
  }

  private int closingQuote(int from, char close, boolean backslashEscapes, boolean doubled) {
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
  private boolean isTypedLiteralPrefix(int wordStart, int wordEnd) {
    int wordLength = wordEnd - wordStart;
    return (wordLength == 4 && (is(wordStart, "date") || is(wordStart, "time")))
        || (wordLength == 9 && is(wordStart, "timestamp"));
  }

  /** A quoted name, copied as it is up to its closing quote (or the end of input). */
  private int quotedName(int start, char close, boolean doubled) {
    final char[] in = this.in;
    final char[] out = this.out;
    int o = this.o;
    out[o++] = in[start];
    int i = start + 1;
    while (i < in.length) {
      char c = in[i++];
      out[o++] = c;
      if (c == close) {
        if (!doubled || i >= in.length || in[i] != close) {
          break;
        }
        out[o++] = in[i++];
      }
    }
    this.o = o;
    return i;
  }

  /**
   * A bracket opens a name unless it follows {@code ARRAY}, or an operand with no space between:
   * {@code ARRAY[1]} and {@code tags[1]} are arrays.
   */
  private boolean bracketOpensName() {
    if (o == 0) {
      return true;
    }
    char before = out[o - 1];
    if (before == ' ') {
      int wordStart = wordStart(o - 1);
      return !(o - 1 - wordStart == 5 && is(wordStart, "array"));
    }
    return !isNamePart(before)
        && before != '?'
        && before != '"'
        && before != '`'
        && before != ')'
        && before != ']';
  }

  // ---- comments

  /** A comment whose text starts at {@code from}, up to the end of the line. */
  private int lineComment(int from) {
    int i = from;
    while (i < length && in[i] != '\n' && in[i] != '\r') {
      i++;
    }
    space();
    removedText = true;
    return i;
  }

  private int blockComment(int start) {
    int end = blockCommentEnd(start, nestedComments);
    if (unknown && end != blockCommentEnd(start, !nestedComments)) {
      space();
      return maskRest();
    }
    space();
    removedText = true;
    return end;
  }

  /** The index after the comment at {@code start}, or the end of input when it is not closed. */
  private int blockCommentEnd(int start, boolean nestedComments) {
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
    return depth == 0 ? i : length;
  }

  // ---- dollars: PostgreSQL's $$..$$ and $1, SQL Server's money

  private int dollar(int start) {
    char after = start + 1 < length ? in[start + 1] : '\0';
    if (after == '$' || (isNamePart(after) && !isDigit(after))) {
      int tagEnd = dollarTagEnd(start);
      if (tagEnd > 0) {
        int close = sql.indexOf(sql.substring(start, tagEnd), tagEnd);
        if (unknown && opensText(tagEnd, close < 0 ? length : close)) {
          return maskRest();
        }
        literal();
        return close < 0 ? length : close + tagEnd - start;
      }
    }
    if (isDigit(after)) {
      int end = skipDigits(start + 1);
      if (moneyLiterals) {
        literal();
        return end < length && in[end] == '.' ? skipDigits(end + 1) : end;
      }
      System.arraycopy(in, start, out, o, end - start);
      o += end - start;
      return end;
    }
    return copy(start);
  }

  /** The index after the tag of {@code $$} or {@code $tag$} at {@code start}; -1 if none. */
  private int dollarTagEnd(int start) {
    int i = start + 1;
    while (i < length && in[i] != '$') {
      if (!isNamePart(in[i])) {
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
      return copy(start);
    }
    end = start;
    while (end < length && isNamePart(in[end])) {
      end++;
    }
    System.arraycopy(in, start, out, o, end - start);
    o += end - start;
    return end;
  }

  /** The end of the number at {@code start}, or -1 when MySQL reads it as a name. */
  private int numberEnd(int start) {
    final char[] in = this.in;
    int i = start;
    boolean plainName = mysql && in[start] != '.';
    if (in[i] == '0' && i + 2 < length && isRadixDigit(in[i + 1], in[i + 2])) {
      char radix = in[i + 1];
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
      plainName &= exponent == i || (in[i + 1] != '-' && in[i + 1] != '+');
      i = exponent;
    }
    if (i < length && isNamePart(in[i])) {
      while (i < length && isNamePart(in[i])) {
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
    while (i < length
        && (isDigit(in[i]) || (in[i] == '_' && !mysql && i + 1 < length && isDigit(in[i + 1])))) {
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
    if (digits < length
        && (isDigit(in[digits])
            || (in[digits] == '.' && digits + 1 < length && isDigit(in[digits + 1])))
        && signIsUnary()) {
      return number(start, digits);
    }
    return copy(start);
  }

  /** Whether the output so far ends where an operand is expected: not after one. */
  private boolean signIsUnary() {
    int end = o > 0 && out[o - 1] == ' ' ? o - 1 : o;
    if (end == 0) {
      return true;
    }
    char before = out[end - 1];
    if (isNamePart(before)) {
      return isExpressionKeyword(wordStart(end), end);
    }
    return before != ')' && before != ']' && before != '?' && before != '"' && before != '`';
  }

  /** Words after which a sign starts a signed number rather than a subtraction. */
  private boolean isExpressionKeyword(int start, int end) {
    switch (end - start) {
      case 2:
        return is(start, "or")
            || is(start, "on")
            || is(start, "by")
            || is(start, "in")
            || is(start, "is")
            || is(start, "as")
            || is(start, "to");
      case 3:
        return is(start, "and")
            || is(start, "not")
            || is(start, "set")
            || is(start, "any")
            || is(start, "all")
            || is(start, "top");
      case 4:
        return is(start, "when")
            || is(start, "then")
            || is(start, "else")
            || is(start, "case")
            || is(start, "like")
            || is(start, "some")
            || is(start, "next");
      case 5:
        return is(start, "where") || is(start, "limit") || is(start, "fetch") || is(start, "first");
      case 6:
        return is(start, "select")
            || is(start, "return")
            || is(start, "values")
            || is(start, "offset")
            || is(start, "having");
      case 7:
        return is(start, "between") || is(start, "default");
      case 8:
        return is(start, "distinct");
      default:
        return false;
    }
  }

  // ---- read back from the output

  /**
   * A {@code )}; one that closes an {@code IN (} list of only {@code ?}, commas and spaces
   * collapses the list to {@code IN (?)}.
   */
  private int closeParenthesis(int i) {
    int j = o;
    boolean placeholder = false;
    while (j > 0 && (out[j - 1] == '?' || out[j - 1] == ',' || out[j - 1] == ' ')) {
      placeholder |= out[j - 1] == '?';
      j--;
    }
    if (placeholder && j > 0 && out[j - 1] == '(' && followsIn(j - 1)) {
      o = j;
      out[o++] = '?';
    }
    return copy(i);
  }

  /** Whether the {@code (} at {@code open} of the output follows the word {@code IN}. */
  private boolean followsIn(int open) {
    int end = open > 0 && out[open - 1] == ' ' ? open - 1 : open;
    return end >= 2 && wordStart(end) == end - 2 && is(end - 2, "in");
  }

  private char lastCharBeforeSpace() {
    int end = o > 0 && out[o - 1] == ' ' ? o - 1 : o;
    return end == 0 ? ' ' : out[end - 1];
  }

  /** The start of the word of the output that ends at {@code end}. */
  private int wordStart(int end) {
    int start = end;
    while (start > 0 && isNamePart(out[start - 1])) {
      start--;
    }
    return start;
  }

  /** Whether the output at {@code start} reads {@code lowerCase}, ignoring case. */
  private boolean is(int start, String lowerCase) {
    for (int k = 0; k < lowerCase.length(); k++) {
      if ((out[start + k] | 0x20) != lowerCase.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Masks passwords, which may be written unquoted: in each statement that may set one, the rest of
   * the output becomes one {@code ?} after {@code CREATE USER}, {@code ALTER USER}, {@code CREATE
   * ROLE} or {@code ALTER ROLE} ({@code IDENTIFIED BY secret}, {@code PASSWORD secret}), and after
   * the first {@code IDENTIFIED} or {@code PASSWORD =} elsewhere (Oracle's {@code CREATE DATABASE
   * LINK ... IDENTIFIED BY secret} and {@code GRANT ... IDENTIFIED BY secret}, SQL Server's {@code
   * CREATE LOGIN ... PASSWORD = ...}). Only statements led by a verb that sets passwords are read
   * through, so the statements applications run cost one word.
   */
  private void maskPasswords() {
    int start = 0;
    while (start >= 0) {
      int end = severalStatements ? indexOf(';', start) : -1;
      if (maskPasswordIn(start, end < 0 ? o : end)) {
        return;
      }
      start = end < 0 ? -1 : end + 1;
    }
  }

  /** Masks a password in the statement at [start, end) of the output; whether it did. */
  private boolean maskPasswordIn(int start, int end) {
    int verb = start < o && out[start] == ' ' ? start + 1 : start;
    int verbEnd = wordEnd(verb);
    if (!setsPasswords(verb, verbEnd)) {
      return false;
    }
    boolean createOrAlter =
        (verbEnd - verb == 6 && is(verb, "create")) || (verbEnd - verb == 5 && is(verb, "alter"));
    if (createOrAlter && verbEnd < o && out[verbEnd] == ' ') {
      int kind = verbEnd + 1;
      int kindEnd = wordEnd(kind);
      if (kindEnd - kind == 4 && (is(kind, "user") || is(kind, "role"))) {
        return maskAfter(kindEnd);
      }
    }
    for (int i = verbEnd; i < end; i++) {
      if (isNamePart(out[i]) && !isNamePart(out[i - 1])) {
        int wordEnd = wordEnd(i);
        if ((wordEnd - i == 10 && is(i, "identified"))
            || (wordEnd - i == 8 && is(i, "password") && followedByEquals(wordEnd))) {
          return maskAfter(wordEnd);
        }
        i = wordEnd;
      }
    }
    return false;
  }

  /** CREATE, ALTER, GRANT, SET (Oracle's SET ROLE), ADMINISTER (Oracle's key store). */
  private boolean setsPasswords(int start, int end) {
    switch (end - start) {
      case 3:
        return is(start, "set");
      case 5:
        return is(start, "alter") || is(start, "grant");
      case 6:
        return is(start, "create");
      case 10:
        return is(start, "administer");
      default:
        return false;
    }
  }

  private boolean followedByEquals(int wordEnd) {
    int next = wordEnd < o && out[wordEnd] == ' ' ? wordEnd + 1 : wordEnd;
    return next < o && out[next] == '=';
  }

  /** The output ends after the word ending at {@code wordEnd}, with one {@code ?}. */
  private boolean maskAfter(int wordEnd) {
    o = wordEnd;
    out[o++] = ' ';
    out[o++] = '?';
    removedText = true;
    return true;
  }

  private int wordEnd(int start) {
    int end = start;
    while (end < o && isNamePart(out[end])) {
      end++;
    }
    return end;
  }

  private int indexOf(char c, int from) {
    for (int i = from; i < o; i++) {
      if (out[i] == c) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isNamePart(char c) {
    return c < 128 ? NAME_PART[c] : Character.isLetterOrDigit(c) || Character.isSurrogate(c);
  }
}

package io.tracejdbc.parser;

import java.util.Locale;

/**
 * A cursor over the tokens of sanitized SQL (words, quoted names, single-character symbols), for a
 * recursive-descent reader that gives up where it is not certain: the {@code expect} methods throw
 * {@link Uncertain}.
 */
abstract class TokenCursor {
  /** Thrown, without a stack trace, where the reader is not certain. */
  static final class Uncertain extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Uncertain() {
      super(null, null, false, false);
    }
  }

  static final Uncertain UNCERTAIN = new Uncertain();

  final String sql;
  private final int length;
  private int pos;

  /** The current token: [start, end) of {@link #sql}; start == end at the end. */
  private int start;

  private int end;

  /** The end of the token before the current one. */
  private int previousEnd;

  TokenCursor(String sql) {
    this.sql = sql;
    this.length = sql.length();
    advance();
  }

  final boolean atEnd() {
    return start == end;
  }

  final void advance() {
    previousEnd = end;
    int i = pos;
    while (i < length && sql.charAt(i) == ' ') {
      i++;
    }
    start = i;
    if (i < length) {
      char c = sql.charAt(i);
      if (isNamePart(c)) {
        while (i < length && isNamePart(sql.charAt(i))) {
          i++;
        }
      } else if (c == '"' || c == '`') {
        i = quotedEnd(i, c);
      } else {
        i++;
      }
    }
    end = i;
    pos = i;
  }

  private int quotedEnd(int open, char quote) {
    int i = open + 1;
    while (i < length) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < length && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    throw UNCERTAIN;
  }

  final boolean isWordToken() {
    return start < end && isNamePart(sql.charAt(start)) && !Character.isDigit(sql.charAt(start));
  }

  final boolean isQuoted() {
    return start < end && (sql.charAt(start) == '"' || sql.charAt(start) == '`');
  }

  /** The word of {@code words} (or {@code ","}) the current token is, ignoring case; or null. */
  final String wordIn(String[] words) {
    for (String word : words) {
      if (isWord(word)) {
        return word;
      }
    }
    return null;
  }

  /** Consumes the current token, which must be a word; returns it in lower case. */
  final String word() {
    if (!isWordToken()) {
      throw UNCERTAIN;
    }
    String word = sql.substring(start, end).toLowerCase(Locale.ROOT);
    advance();
    return word;
  }

  /** Whether the current token is {@code lowerCase} (ASCII), ignoring case. */
  final boolean isWord(String lowerCase) {
    if (end - start != lowerCase.length()) {
      return false;
    }
    for (int k = 0; k < lowerCase.length(); k++) {
      char c = sql.charAt(start + k);
      char expected = lowerCase.charAt(k);
      if (c != expected && (c | 0x20) != expected) {
        return false;
      }
    }
    return true;
  }

  /** Whether the token after the current one is the word {@code lowerCase}, ignoring case. */
  final boolean nextIsWord(String lowerCase) {
    int current = start;
    int currentEnd = end;
    int currentPrevious = previousEnd;
    advance();
    boolean is = isWord(lowerCase);
    pos = currentEnd;
    start = current;
    end = currentEnd;
    previousEnd = currentPrevious;
    return is;
  }

  /** Whether the token after the current one is {@code symbol}. */
  final boolean nextIsSymbol(char symbol) {
    int i = end;
    while (i < length && sql.charAt(i) == ' ') {
      i++;
    }
    return i < length && sql.charAt(i) == symbol;
  }

  final boolean skipWord(String lowerCase) {
    if (isWord(lowerCase)) {
      advance();
      return true;
    }
    return false;
  }

  final void expectWord(String lowerCase) {
    if (!skipWord(lowerCase)) {
      throw UNCERTAIN;
    }
  }

  final boolean isSymbol(char symbol) {
    return end - start == 1 && sql.charAt(start) == symbol;
  }

  final boolean skipSymbol(char symbol) {
    if (isSymbol(symbol)) {
      advance();
      return true;
    }
    return false;
  }

  final void expectSymbol(char symbol) {
    if (!skipSymbol(symbol)) {
      throw UNCERTAIN;
    }
  }

  private static boolean isNamePart(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '$'
        || (c >= 128 && (Character.isLetterOrDigit(c) || Character.isSurrogate(c)));
  }

  /**
   * A possibly qualified, possibly quoted name ({@code "public"."users"}, {@code public . users}),
   * with Oracle's database link if any ({@code employees@remote}): as written, without the spaces
   * around its dots, as JSqlParser reports it.
   */
  final QueryShape.Name name() {
    int nameStart = start;
    nameAsWritten();
    boolean qualified = false;
    boolean spaced = false;
    while (isSymbol('.')) {
      spaced |= start != previousEnd;
      advance();
      spaced |= start != previousEnd;
      nameAsWritten();
      qualified = true;
    }
    if (isSymbol('@') && start == previousEnd) {
      char last = sql.charAt(start - 1);
      if (last == '"' || last == '`') {
        // JSqlParser cannot read a quoted name with a link
        throw UNCERTAIN;
      }
      advance();
      if (start != previousEnd || !isWordToken()) {
        throw UNCERTAIN;
      }
      advance();
      while (isSymbol('.')) {
        spaced |= start != previousEnd;
        advance();
        spaced |= start != previousEnd;
        if (!isWordToken()) {
          throw UNCERTAIN;
        }
        advance();
      }
    }
    if (isSymbol(':') || isSymbol('@')) {
      // JSqlParser reads "a :b" as a name in parts, as Informix's database:table, and "a @b" or
      // "a@b@c" in ways of its own
      throw UNCERTAIN;
    }
    String written = sql.substring(nameStart, previousEnd);
    return new QueryShape.Name(spaced ? withoutSpacesAroundDots(written) : written, qualified);
  }

  /** {@code a . "b c"} as {@code a."b c"}: the spaces outside quotes go. */
  private static String withoutSpacesAroundDots(String name) {
    StringBuilder out = new StringBuilder(name.length());
    char quote = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '`') {
        quote = c;
      } else if (c == ' ') {
        continue;
      }
      out.append(c);
    }
    return out.toString();
  }

  /** One part of a name: a word or a quoted name; returns it as written. */
  final String nameAsWritten() {
    if (!isWordToken() && !isQuoted()) {
      throw UNCERTAIN;
    }
    String part = sql.substring(start, end);
    advance();
    return part;
  }
}

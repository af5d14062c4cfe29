package io.tracejdbc.parser;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A cursor over the tokens of sanitized SQL (words, quoted identifiers and single-character
 * symbols), with the few look-ups {@link KeywordClassifier} needs. Literals are already {@code ?}.
 */
final class SqlTokens {
  private enum Kind {
    WORD,
    QUOTED,
    SYMBOL,
    END
  }

  private final String sql;
  private int pos;
  private Kind kind;
  private int start;
  private int end;

  SqlTokens(String sanitizedSql) {
    this.sql = sanitizedSql;
    advance();
  }

  /** Consumes the current token if it is a word, and returns it in lower case; else null. */
  String nextWordLowerCase() {
    if (kind != Kind.WORD) {
      return null;
    }
    String word = sql.substring(start, end).toLowerCase(Locale.ROOT);
    advance();
    return word;
  }

  /**
   * Consumes tokens up to and including the next word outside parentheses, and returns that word in
   * lower case; null at the end.
   */
  String nextTopLevelWordLowerCase() {
    int depth = 0;
    while (kind != Kind.END) {
      if (kind == Kind.WORD && depth == 0) {
        return nextWordLowerCase();
      }
      depth += depthChange();
      advance();
    }
    return null;
  }

  boolean skipWord(String word) {
    if (isWord(word)) {
      advance();
      return true;
    }
    return false;
  }

  void skipWords(Set<String> words) {
    while (kind == Kind.WORD
        && words.contains(sql.substring(start, end).toLowerCase(Locale.ROOT))) {
      advance();
    }
  }

  void skipSymbols(char symbol) {
    while (skipSymbol(symbol)) {
      continue;
    }
  }

  boolean skipSymbol(char symbol) {
    if (kind == Kind.SYMBOL && sql.charAt(start) == symbol) {
      advance();
      return true;
    }
    return false;
  }

  /**
   * Consumes a possibly qualified, possibly quoted name ({@code "public"."users"}, {@code public .
   * users}, Oracle's {@code employees@remote}) and returns it unquoted, without spaces; null if no
   * name is next.
   */
  String name() {
    if (kind != Kind.WORD && kind != Kind.QUOTED) {
      return null;
    }
    StringBuilder name = new StringBuilder(Identifiers.unquote(sql.substring(start, end)));
    int nameEnd = end;
    while (true) {
      int separator = skipSpace(nameEnd);
      char c = separator < sql.length() ? sql.charAt(separator) : ' ';
      if (c != '.' && !(c == '@' && separator == nameEnd)) {
        break;
      }
      int part = c == '.' ? skipSpace(separator + 1) : separator + 1;
      int partEnd = part < sql.length() ? endOfPart(part) : part;
      if (partEnd == part) {
        break;
      }
      name.append(c).append(Identifiers.unquote(sql.substring(part, partEnd)));
      nameEnd = partEnd;
    }
    pos = nameEnd;
    advance();
    return name.toString();
  }

  /**
   * Consumes the common table expressions of a {@code WITH} already read, up to the statement they
   * serve, and returns each one's query text by its name, unquoted in lower case; stops where the
   * text is not what they look like.
   */
  Map<String, String> commonTableExpressions() {
    Map<String, String> queries = new HashMap<>();
    skipWord("recursive");
    do {
      String name = name();
      if (name == null) {
        break;
      }
      if (kind == Kind.SYMBOL && sql.charAt(start) == '(') {
        skipParenthesised();
      }
      skipWord("as");
      skipWord("not");
      skipWord("materialized");
      if (kind != Kind.SYMBOL || sql.charAt(start) != '(') {
        break;
      }
      int open = start;
      int close = skipParenthesised();
      queries.put(name.toLowerCase(Locale.ROOT), sql.substring(open + 1, close));
    } while (skipSymbol(','));
    return queries;
  }

  /**
   * Consumes a parenthesised group whose {@code (} is current, and its {@code )}; returns where
   * that {@code )} is (the end of the text if none).
   */
  private int skipParenthesised() {
    int depth = 0;
    int close;
    do {
      close = start;
      depth += depthChange();
      advance();
    } while (depth > 0 && kind != Kind.END);
    return depth > 0 ? sql.length() : close;
  }

  /**
   * The name after {@code keyword} (and PostgreSQL's {@code ONLY}), if the keyword comes within the
   * next {@code limit} tokens.
   */
  String nameAfter(String keyword, int limit) {
    for (int i = 0; i < limit && kind != Kind.END; i++) {
      if (skipWord(keyword)) {
        skipWord("only");
        return name();
      }
      advance();
    }
    return null;
  }

  /**
   * The name after the first {@code FROM} outside parentheses, so not {@code EXTRACT(YEAR FROM x)};
   * where a query in parentheses follows it ({@code FROM (SELECT ... FROM t) x}), the name after
   * that query's own first {@code FROM}.
   */
  String nameAfterTopLevelFrom() {
    int depth = 0;
    int level = 0;
    while (kind != Kind.END && depth >= level) {
      if (depth == level && skipWord("from")) {
        while (kind == Kind.SYMBOL && sql.charAt(start) == '(') {
          advance();
          depth++;
        }
        if (depth > level && (isWord("select") || isWord("with"))) {
          level = depth;
          continue;
        }
        skipWord("only");
        return name();
      }
      depth += depthChange();
      advance();
    }
    return null;
  }

  private int skipSpace(int i) {
    return i < sql.length() && sql.charAt(i) == ' ' ? i + 1 : i;
  }

  private boolean isWord(String word) {
    return kind == Kind.WORD
        && end - start == word.length()
        && sql.regionMatches(true, start, word, 0, word.length());
  }

  private int depthChange() {
    if (kind != Kind.SYMBOL) {
      return 0;
    }
    char c = sql.charAt(start);
    return c == '(' ? 1 : c == ')' ? -1 : 0;
  }

  private void advance() {
    int length = sql.length();
    while (pos < length && sql.charAt(pos) == ' ') {
      pos++;
    }
    start = pos;
    if (pos >= length) {
      kind = Kind.END;
    } else {
      int partEnd = endOfPart(pos);
      if (partEnd > pos) {
        kind = isWordPart(sql.charAt(pos)) ? Kind.WORD : Kind.QUOTED;
        pos = partEnd;
      } else {
        kind = Kind.SYMBOL;
        pos++;
      }
    }
    end = pos;
  }

  /** The end of the word or quoted identifier starting at {@code i}; {@code i} if there is none. */
  private int endOfPart(int i) {
    int length = sql.length();
    char c = sql.charAt(i);
    if (isWordPart(c)) {
      int j = i;
      while (j < length && isWordPart(sql.charAt(j))) {
        j++;
      }
      return j;
    }
    if (c == '"' || c == '`' || (c == '[' && i + 1 < length && isWordPart(sql.charAt(i + 1)))) {
      int closing = sql.indexOf(c == '[' ? ']' : c, i + 1);
      return closing < 0 ? length : closing + 1;
    }
    return i;
  }

  private static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$' || Character.isSurrogate(c);
  }
}

package io.tracejdbc.parser;

import java.util.Locale;
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
   * Consumes a possibly qualified, possibly quoted name ({@code "public"."users"}) and returns it
   * unquoted; null if no name is next.
   */
  String name() {
    if (kind != Kind.WORD && kind != Kind.QUOTED) {
      return null;
    }
    int nameEnd = end;
    while (nameEnd + 1 < sql.length() && sql.charAt(nameEnd) == '.') {
      int partEnd = endOfPart(nameEnd + 1);
      if (partEnd == nameEnd + 1) {
        break;
      }
      nameEnd = partEnd;
    }
    String name = Identifiers.unquote(sql.substring(start, nameEnd));
    pos = nameEnd;
    advance();
    return name;
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
   * The name after the first {@code FROM} outside parentheses, so not {@code EXTRACT(YEAR FROM x)}.
   */
  String nameAfterTopLevelFrom() {
    int depth = 0;
    while (kind != Kind.END) {
      if (depth == 0 && skipWord("from")) {
        skipWord("only");
        return name();
      }
      depth += depthChange();
      advance();
    }
    return null;
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

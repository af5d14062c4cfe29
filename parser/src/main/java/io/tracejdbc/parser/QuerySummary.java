package io.tracejdbc.parser;

import static io.tracejdbc.parser.SummaryKeyword.Role.DDL_MODIFIER;
import static io.tracejdbc.parser.SummaryKeyword.Role.DML_MODIFIER;
import static io.tracejdbc.parser.SummaryKeyword.Role.LIST_END;
import static io.tracejdbc.parser.SummaryKeyword.Role.NESTED_VERB;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * OpenTelemetry's {@code db.query.summary} of sanitized SQL, by the rules of the stable database
 * conventions ("Generating a summary of the query"): every operation and every target, in the order
 * the text has them, as written, separated by one space, cut between parts to at most 255
 * characters. Also the stored procedure a call names.
 *
 * <p>Operations are the statements' leading keywords ({@code SELECT}, {@code CREATE TABLE}, {@code
 * SET}, ...), every nested {@code SELECT} and every data-modifying statement of a common table
 * expression; targets are what {@code FROM}, {@code JOIN}, {@code INTO}, {@code UPDATE}, {@code
 * USING} and the commas of a FROM list name, the objects a DDL statement names and the procedure a
 * call names. A common table expression is an anonymous table, not a target.
 *
 * <p>One pass over the tokens, with no allocation per token: the few keywords it tells apart are
 * looked up in place ({@link SummaryKeyword}).
 */
final class QuerySummary {
  /** The longest summary the conventions allow. */
  static final int MAX_LENGTH = 255;

  private final String text;
  private final String storedProcedure;

  private QuerySummary(String text, String storedProcedure) {
    this.text = text;
    this.storedProcedure = storedProcedure;
  }

  /** The summary; null when there is nothing to summarize. */
  String text() {
    return text;
  }

  /** The procedure that a string of one call statement calls, as written; else null. */
  String storedProcedure() {
    return storedProcedure;
  }

  /**
   * The summary of {@code sanitized}, of one statement or several; {@code tables} are the tables
   * the classification found: the targets of a statement read by its leading keyword alone.
   */
  static QuerySummary of(String sanitized, List<String> tables) {
    Walker walker = new Walker(tables);
    List<String> statements =
        sanitized.indexOf(';') < 0 ? List.of(sanitized) : StatementSplitter.split(sanitized);
    for (String statement : statements) {
      if (walker.full) {
        break;
      }
      walker.statement(statement);
    }
    String summary = walker.out.length() == 0 ? null : walker.out.toString();
    return new QuerySummary(summary, statements.size() == 1 ? walker.procedure : null);
  }

  /** The walk of one string: a small lexer over sanitized text and the summary it builds. */
  private static final class Walker {
    final StringBuilder out = new StringBuilder(64);
    boolean full;
    String procedure;

    private final List<String> tables;

    private String sql;
    private char[] chars;
    private int length;
    private int pos;

    /** The current token: [start, end) of sql; start == end at the end. */
    private int start;

    private int end;

    /** The keyword the current token is, or null. */
    private SummaryKeyword keyword;

    private int depth;

    /** Per depth: whether a FROM list (or an UPDATE's table list) is open there. */
    private boolean[] lists = new boolean[8];

    /** Per depth: whether the parentheses hold a query or FROM items, not an expression. */
    private boolean[] queries = new boolean[8];

    /** Whether the current token is where a FROM item goes (after FROM, JOIN, a comma). */
    private boolean itemExpected;

    /** The depth of a WITH clause whose definitions are being read, or -1. */
    private int withDepth;

    /** Names of common table expressions, lower case, unquoted; null while there are none. */
    private List<String> ctes;

    Walker(List<String> tables) {
      this.tables = tables;
    }

    void statement(String statement) {
      sql = statement;
      chars = statement.toCharArray();
      length = chars.length;
      pos = 0;
      depth = 0;
      withDepth = -1;
      lists[0] = false;
      queries[0] = true;
      itemExpected = false;
      ctes = null;
      advance();
      if (skipSymbol('{') && skipSymbol('?')) {
        skipSymbol('=');
      }
      if (isSymbol('(')) {
        query();
        return;
      }
      if (!isWord()) {
        return;
      }
      if (keyword == null) {
        if (KeywordClassifier.isVerb(sql.substring(start, end).toLowerCase(Locale.ROOT))) {
          other(null);
        }
        return;
      }
      switch (keyword) {
        case VALUES:
          emitAndAdvance();
          query();
          break;
        case SELECT:
        case WITH:
        case INSERT:
        case UPDATE:
        case DELETE:
        case MERGE:
        case UPSERT:
        case REPLACE:
          query();
          break;
        case TABLE:
          emitAndAdvance();
          target();
          break;
        case CALL:
        case EXEC:
        case EXECUTE:
          call();
          break;
        case CREATE:
        case DROP:
        case ALTER:
          ddl();
          break;
        case RENAME:
          rename();
          break;
        case TRUNCATE:
          truncate();
          break;
        case EXPLAIN:
        case DESCRIBE:
        case DESC:
          explain();
          break;
        default:
          if (KeywordClassifier.isVerb(keyword.name().toLowerCase(Locale.ROOT))) {
            other(keyword);
          }
      }
    }

    // ---- statements

    /** A query or DML statement, to its end: operations and targets clause by clause. */
    private void query() {
      boolean operationMayFollow = true;
      while (!atEnd() && !full) {
        boolean itemHere = itemExpected;
        itemExpected = false;
        if (isSymbol('(')) {
          open();
          operationMayFollow = true;
          if (itemHere && !isQueryStart()) {
            // FROM (t1), (t2) or a parenthesised join: FROM items at the new depth
            queries[depth] = true;
            lists[depth] = true;
            item();
          }
          continue;
        }
        boolean mayOperate = operationMayFollow;
        operationMayFollow = false;
        if (isSymbol(')')) {
          close();
          operationMayFollow = true;
        } else if (isSymbol(',')) {
          advance();
          if (lists[depth]) {
            item();
          } else if (withDepth == depth) {
            cteName();
          }
        } else if (keyword == null) {
          advance();
        } else if (keyword == SummaryKeyword.SELECT) {
          startQuery();
          emitAndAdvance();
        } else if (mayOperate && isNestedVerb()) {
          startQuery();
          dml();
        } else if (keyword == SummaryKeyword.WITH && isCteClause()) {
          lists[depth] = false;
          advance();
          skip(SummaryKeyword.RECURSIVE);
          withDepth = depth;
          cteName();
        } else if (!queries[depth]) {
          // an expression's words: EXTRACT(YEAR FROM d) reads no table
          advance();
        } else {
          clause();
        }
      }
    }

    /** A keyword at a query's depth: a FROM item follows, a target, or a FROM list ends. */
    private void clause() {
      switch (keyword) {
        case FROM:
        case JOIN:
        case APPLY:
          advance();
          lists[depth] = true;
          item();
          break;
        case STRAIGHT_JOIN:
          advance();
          if (lists[depth]) {
            item();
          }
          break;
        case INTO:
          advance();
          lists[depth] = false;
          intoTarget();
          break;
        case USING:
          advance();
          if (isName()) {
            lists[depth] = true;
            item();
          }
          break;
        case DISTINCT:
          advance();
          // IS DISTINCT FROM x compares, it does not read a table
          skip(SummaryKeyword.FROM);
          break;
        default:
          if (keyword.is(LIST_END)) {
            lists[depth] = false;
          }
          advance();
      }
    }

    /** A SELECT or a nested statement starts at this depth: the parentheses hold a query. */
    private void startQuery() {
      queries[depth] = true;
      lists[depth] = false;
      if (withDepth == depth) {
        withDepth = -1;
      }
    }

    /** INSERT, UPDATE, DELETE, MERGE, UPSERT or REPLACE at the current token: verb and table. */
    private void dml() {
      SummaryKeyword verb = keyword;
      emitAndAdvance();
      skipModifiers();
      if (verb == SummaryKeyword.UPDATE) {
        target();
        lists[depth] = true;
      } else if (verb == SummaryKeyword.DELETE) {
        if (keyword != SummaryKeyword.FROM && !namesBeforeFrom()) {
          target();
          lists[depth] = true;
        }
      } else {
        skip(SummaryKeyword.INTO);
        target();
      }
    }

    /** {@code CALL p(?)}, {@code EXEC p ?}, {@code EXECUTE s}: the verb and what it runs. */
    private void call() {
      // EXECUTE runs a prepared statement in PostgreSQL and MySQL: not a stored procedure there
      boolean procedureCall = keyword != SummaryKeyword.EXECUTE;
      emitAndAdvance();
      if (isName()) {
        String name = readName();
        emit(name);
        if (procedureCall) {
          procedure = name;
        }
      }
    }

    /**
     * CREATE, DROP or ALTER: the verb and the kind of object as one operation ({@code CREATE
     * TABLE}; modifiers such as {@code OR REPLACE} or {@code UNIQUE} left out), then the objects it
     * names; a table or view defined by a query has the query's summary after it.
     */
    private void ddl() {
      SummaryKeyword verb = keyword;
      String verbAsWritten = sql.substring(start, end);
      advance();
      int materialized = -1;
      while (keyword != null && keyword.is(DDL_MODIFIER)) {
        materialized = keyword == SummaryKeyword.MATERIALIZED ? start : -1;
        advance();
      }
      String kind = isWord() ? sql.substring(start, end).toLowerCase(Locale.ROOT) : null;
      if (kind == null || !KeywordClassifier.OBJECT_KINDS.contains(kind)) {
        emit(verbAsWritten);
        return;
      }
      int kindStart = materialized >= 0 && keyword == SummaryKeyword.VIEW ? materialized : start;
      advance();
      emit(verbAsWritten + ' ' + sql.substring(kindStart, endOfPrevious()));
      while (skip(SummaryKeyword.IF)
          || skip(SummaryKeyword.NOT)
          || skip(SummaryKeyword.EXISTS)
          || skip(SummaryKeyword.ONLY)
          || skip(SummaryKeyword.CONCURRENTLY)) {
        continue;
      }
      boolean index = kind.equals("index");
      if (!(index && keyword == SummaryKeyword.ON)) {
        target();
      }
      if (verb == SummaryKeyword.DROP) {
        while (skipSymbol(',')) {
          target();
        }
      } else if (verb == SummaryKeyword.CREATE && index) {
        if (skip(SummaryKeyword.ON)) {
          skip(SummaryKeyword.ONLY);
          target();
        }
      } else if (verb == SummaryKeyword.CREATE
          && (kind.equals("table") || kind.equals("view"))
          && skipToQuery()) {
        query();
      }
    }

    /** {@code RENAME TABLE a TO b[, c TO d]}: both names of each pair are targets. */
    private void rename() {
      int operationStart = start;
      advance();
      skip(SummaryKeyword.TABLE);
      emit(sql.substring(operationStart, endOfPrevious()));
      do {
        target();
        if (skip(SummaryKeyword.TO)) {
          target();
        }
      } while (skipSymbol(','));
    }

    /** {@code TRUNCATE [TABLE] [ONLY] t[, u]}. */
    private void truncate() {
      int operationStart = start;
      advance();
      skip(SummaryKeyword.TABLE);
      emit(sql.substring(operationStart, endOfPrevious()));
      while (skip(SummaryKeyword.ONLY) || skip(SummaryKeyword.IF) || skip(SummaryKeyword.EXISTS)) {
        continue;
      }
      do {
        target();
      } while (skipSymbol(','));
    }

    /** {@code EXPLAIN [options] statement}, and MySQL's {@code DESCRIBE t}. */
    private void explain() {
      boolean describe = keyword != SummaryKeyword.EXPLAIN;
      emitAndAdvance();
      if (describe && isName() && !isStatementStart()) {
        target();
        return;
      }
      while (!atEnd() && !isStatementStart()) {
        if (isSymbol('(')) {
          skipParentheses();
        } else {
          advance();
        }
      }
      if (!atEnd()) {
        query();
      }
    }

    /**
     * Every other statement whose leading keyword names it: that keyword ({@code START TRANSACTION}
     * and {@code RELEASE SAVEPOINT} as two), the database of {@code USE}, and every name that is
     * one of the classification's tables ({@code ANALYZE users}, {@code LOCK TABLES users WRITE}).
     */
    private void other(SummaryKeyword verb) {
      int operationStart = start;
      advance();
      if (verb == SummaryKeyword.START) {
        skip(SummaryKeyword.TRANSACTION);
      } else if (verb == SummaryKeyword.RELEASE) {
        skip(SummaryKeyword.SAVEPOINT);
      }
      emit(sql.substring(operationStart, endOfPrevious()));
      if (verb == SummaryKeyword.USE) {
        target();
        return;
      }
      while (!atEnd() && !full && !tables.isEmpty()) {
        if (isName()) {
          String name = readName();
          if (tables.contains(Identifiers.unquote(name))) {
            emit(name);
          }
        } else {
          advance();
        }
      }
    }

    // ---- parts

    /**
     * A FROM item at the current token: a table, view or table function (a target), or the {@code
     * (} of a subquery or of a parenthesised join, left to the walk.
     */
    private void item() {
      while (skip(SummaryKeyword.ONLY) || skip(SummaryKeyword.LATERAL)) {
        continue;
      }
      if (isSymbol('(')) {
        itemExpected = true;
      } else if (isName() && !isQueryStart()) {
        int nameStart = start;
        String name = readName();
        if (!isCte(name, nameStart)) {
          emit(name);
        }
      }
    }

    /** The table of a DML or DDL statement, if a name is next. */
    private void target() {
      if (isName()) {
        emit(readName());
      }
    }

    /** After INTO: a table, unless a variable ({@code INTO @v}, {@code INTO :v}) follows. */
    private void intoTarget() {
      while (skip(SummaryKeyword.TEMPORARY)
          || skip(SummaryKeyword.TEMP)
          || skip(SummaryKeyword.UNLOGGED)
          || skip(SummaryKeyword.TABLE)) {
        continue;
      }
      if (keyword != SummaryKeyword.OUTFILE && keyword != SummaryKeyword.DUMPFILE) {
        target();
      }
    }

    private boolean isCte(String name, int nameStart) {
      if (ctes == null || name.indexOf('.') >= 0 && !isQuotedAt(nameStart)) {
        return false;
      }
      return ctes.contains(Identifiers.unquote(name).toLowerCase(Locale.ROOT));
    }

    /** A CTE definition's name, remembered so that references to it are not targets. */
    private void cteName() {
      if (isName()) {
        if (ctes == null) {
          ctes = new ArrayList<>(2);
        }
        ctes.add(Identifiers.unquote(readName()).toLowerCase(Locale.ROOT));
      }
    }

    /**
     * At WITH: whether common table expressions follow, not SQL Server's table hints ({@code WITH
     * (NOLOCK)}). A clause such as {@code WITH ROLLUP} is taken for one too, harmlessly.
     */
    private boolean isCteClause() {
      int i = end;
      while (i < length && chars[i] == ' ') {
        i++;
      }
      return i < length && chars[i] != '(';
    }

    /**
     * At MySQL's {@code DELETE t1, t2 FROM t1 JOIN t2}: whether the names here precede a FROM that
     * names their tables.
     */
    private boolean namesBeforeFrom() {
      int mark = start;
      do {
        if (isName()) {
          readName();
        }
        if (skipSymbol('.')) {
          skipSymbol('*');
        }
      } while (skipSymbol(','));
      boolean from = keyword == SummaryKeyword.FROM;
      reset(mark);
      return from;
    }

    // ---- the summary

    private void emitAndAdvance() {
      emit(sql.substring(start, end));
      advance();
    }

    /** Appends a part if it fits; the first that does not ends the summary. */
    private void emit(String part) {
      if (full) {
        return;
      }
      int needed = out.length() == 0 ? part.length() : out.length() + 1 + part.length();
      if (needed > MAX_LENGTH) {
        full = true;
        return;
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(part);
    }

    // ---- depth

    private void open() {
      advance();
      depth++;
      if (depth == lists.length) {
        lists = Arrays.copyOf(lists, depth * 2);
        queries = Arrays.copyOf(queries, depth * 2);
      }
      lists[depth] = false;
      queries[depth] = false;
    }

    private void close() {
      advance();
      if (depth > 0) {
        if (withDepth == depth) {
          withDepth = -1;
        }
        depth--;
      }
    }

    private void skipParentheses() {
      int level = 0;
      do {
        if (isSymbol('(')) {
          level++;
        } else if (isSymbol(')')) {
          level--;
        }
        advance();
      } while (level > 0 && !atEnd());
    }

    /**
     * Skips to the query of {@code CREATE TABLE t AS SELECT ...} or {@code CREATE VIEW v AS (SELECT
     * ...)}, past column lists and options; false when there is none.
     */
    private boolean skipToQuery() {
      while (!atEnd()) {
        if (isQueryStart()) {
          return true;
        }
        if (isSymbol('(')) {
          int mark = start;
          advance();
          boolean query = isQueryStart();
          reset(mark);
          if (query) {
            return true;
          }
          skipParentheses();
        } else {
          advance();
        }
      }
      return false;
    }

    // ---- tokens

    private boolean atEnd() {
      return start == end;
    }

    private void advance() {
      final char[] chars = this.chars;
      int i = pos;
      while (i < length && chars[i] == ' ') {
        i++;
      }
      start = i;
      keyword = null;
      if (i < length) {
        char c = chars[i];
        if (isNamePart(c)) {
          // the keyword's hash, while its characters may be one's (ASCII letters and _)
          int hash = 0;
          boolean mayBeKeyword = true;
          do {
            mayBeKeyword &= c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
            hash = SummaryKeyword.step(hash, c);
            i++;
          } while (i < length && isNamePart(c = chars[i]));
          if (mayBeKeyword && i - start <= SummaryKeyword.MAX_LENGTH) {
            keyword = SummaryKeyword.find(chars, start, i, hash);
          }
        } else if (c == '#'
            && i + 1 < length
            && (chars[i + 1] == '#' || isNamePart(chars[i + 1]))) {
          // SQL Server's temporary tables, #t and ##t
          do {
            i++;
          } while (i < length && (chars[i] == '#' || isNamePart(chars[i])));
        } else if (c == '"' || c == '`') {
          i = quotedEnd(i, c);
        } else if (c == '[') {
          i = Math.max(bracketNameEnd(i), i + 1);
        } else {
          i++;
        }
      }
      end = i;
      pos = i;
    }

    /** Goes back to the token that started at {@code tokenStart}. */
    private void reset(int tokenStart) {
      pos = tokenStart;
      advance();
    }

    /**
     * The end of the name {@code [x]} at {@code open}; {@code open} when it is not one: unclosed
     * within the longest name SQL Server allows, or holding a {@code ?} (a subscript's literal).
     */
    private int bracketNameEnd(int open) {
      int limit = Math.min(length, open + 130);
      for (int i = open + 1; i < limit; i++) {
        if (chars[i] == ']') {
          return i > open + 1 ? i + 1 : open;
        }
        if (chars[i] == '?') {
          return open;
        }
      }
      return open;
    }

    private int quotedEnd(int open, char quote) {
      int i = open + 1;
      while (i < length) {
        if (chars[i] == quote) {
          if (i + 1 < length && chars[i + 1] == quote) {
            i += 2;
            continue;
          }
          return i + 1;
        }
        i++;
      }
      return length;
    }

    /** The end of the token before the current one. */
    private int endOfPrevious() {
      int i = start;
      while (i > 0 && chars[i - 1] == ' ') {
        i--;
      }
      return i;
    }

    private boolean isWord() {
      if (start == end) {
        return false;
      }
      char c = chars[start];
      return isNamePart(c) && !Character.isDigit(c) || c == '#' && end - start > 1;
    }

    private boolean isName() {
      return isWord() || start < end && isQuotedAt(start) && end - start > 1;
    }

    private boolean isQuotedAt(int i) {
      char c = chars[i];
      return c == '"' || c == '`' || c == '[';
    }

    private boolean isSymbol(char symbol) {
      return end - start == 1 && chars[start] == symbol;
    }

    private boolean skipSymbol(char symbol) {
      if (isSymbol(symbol)) {
        advance();
        return true;
      }
      return false;
    }

    private boolean skip(SummaryKeyword word) {
      if (keyword == word) {
        advance();
        return true;
      }
      return false;
    }

    /** Skips DML modifiers: {@code LOW_PRIORITY}, {@code OR REPLACE}, {@code TOP (?)}, ... */
    private void skipModifiers() {
      while (keyword != null && keyword.is(DML_MODIFIER)) {
        boolean top = keyword == SummaryKeyword.TOP;
        advance();
        if (top && isSymbol('(')) {
          skipParentheses();
        } else if (top) {
          advance();
        }
      }
    }

    /** A verb that starts a nested statement, not a function ({@code REPLACE(s, ?, ?)}). */
    private boolean isNestedVerb() {
      return keyword.is(NESTED_VERB) && !(end < length && chars[end] == '(');
    }

    /** Whether a query starts at the current token. */
    private boolean isQueryStart() {
      return keyword == SummaryKeyword.SELECT
          || keyword == SummaryKeyword.WITH
          || keyword == SummaryKeyword.VALUES;
    }

    /** Whether a statement that {@link #query()} walks starts at the current token. */
    private boolean isStatementStart() {
      return isQueryStart() || keyword != null && keyword.is(NESTED_VERB);
    }

    /** A possibly qualified, possibly quoted name, as written; consumes it. */
    private String readName() {
      int nameStart = start;
      advance();
      while (isSymbol('.') && start == endOfPrevious() && end < length && startsName(end)) {
        advance();
        advance();
      }
      return sql.substring(nameStart, endOfPrevious());
    }

    private boolean startsName(int i) {
      char c = chars[i];
      return isNamePart(c) || c == '"' || c == '`' || c == '[';
    }

    private static boolean isNamePart(char c) {
      return (c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '_'
          || c == '$'
          || (c >= 128 && (Character.isLetterOrDigit(c) || Character.isSurrogate(c)));
    }
  }
}

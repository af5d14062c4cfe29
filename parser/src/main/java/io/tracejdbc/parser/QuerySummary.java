package io.tracejdbc.parser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * OpenTelemetry's {@code db.query.summary} of sanitized SQL, by the rules of the stable database
 * conventions ("Generating a summary of the query"): every operation and every target, in the order
 * the text has them, as written, separated by one space, cut between parts to at most 255
 * characters. Also the stored procedure a {@code CALL} names.
 *
 * <p>Operations are the statements' leading keywords ({@code SELECT}, {@code INSERT}, {@code CREATE
 * TABLE}, {@code SET}, ...) and every nested {@code SELECT} (or data-modifying statement of a
 * common table expression); targets are the tables and views after {@code FROM}, {@code JOIN},
 * {@code INTO}, {@code UPDATE}, {@code USING}, in a comma-separated {@code FROM} list, the object a
 * DDL statement names and the procedure a call names. A common table expression's name is an
 * anonymous table, not a target.
 */
final class QuerySummary {
  /** The longest summary the conventions allow. */
  static final int MAX_LENGTH = 255;

  /** Statements that read or write rows, walked clause by clause. */
  private static final Set<String> QUERIES =
      Set.of(
          "select", "with", "values", "insert", "update", "delete", "merge", "upsert", "replace");

  /** Verbs that start a nested data-modifying statement after {@code (} or a CTE's {@code )}. */
  private static final Set<String> NESTED_VERBS =
      Set.of("insert", "update", "delete", "merge", "upsert", "replace");

  /** Calls: their target is the procedure (or, for {@code EXECUTE}, the prepared statement). */
  private static final Set<String> CALLS = Set.of("call", "exec", "execute");

  /** Verbs after which a statement follows: the statement is walked too. */
  private static final Set<String> EXPLAINS = Set.of("explain", "describe", "desc");

  /** Words that end a FROM list (or an UPDATE's table list) at its own depth. */
  private static final Set<String> LIST_ENDS =
      Set.of(
          "where",
          "group",
          "having",
          "order",
          "limit",
          "offset",
          "fetch",
          "for",
          "window",
          "union",
          "intersect",
          "except",
          "minus",
          "returning",
          "set",
          "values",
          "value",
          "select",
          "insert",
          "update",
          "delete",
          "merge",
          "when",
          "then",
          "qualify",
          "connect",
          "start",
          "output",
          "default",
          "duplicate",
          "conflict",
          "do",
          "into",
          "lock",
          "option");

  /** Words between a DML verb and its table. */
  private static final Set<String> DML_MODIFIERS =
      Set.of(
          "low_priority",
          "high_priority",
          "delayed",
          "ignore",
          "quick",
          "only",
          "or",
          "replace",
          "rollback",
          "abort",
          "fail",
          "top");

  /** Words between {@code CREATE}/{@code DROP}/{@code ALTER} and the kind of object. */
  private static final Set<String> DDL_MODIFIERS =
      Set.of(
          "or",
          "replace",
          "unique",
          "temp",
          "temporary",
          "virtual",
          "global",
          "local",
          "unlogged",
          "memory",
          "cached",
          "external",
          "force",
          "recursive",
          "online",
          "offline",
          "materialized",
          "fulltext",
          "spatial",
          "clustered",
          "nonclustered",
          "bitmap",
          "public");

  /** Kinds of object whose DDL may define them by a query ({@code AS SELECT ...}). */
  private static final Set<String> QUERY_OBJECTS = Set.of("table", "view");

  private final String text;
  private final String storedProcedure;

  private QuerySummary(String text, String storedProcedure) {
    this.text = text;
    this.storedProcedure = storedProcedure;
  }

  /** The summary; null when it would be empty. */
  String text() {
    return text;
  }

  /** The procedure of a string that is one call, as written; else null. */
  String storedProcedure() {
    return storedProcedure;
  }

  /**
   * The summary of {@code sanitized}, of one statement or several; {@code tables} are the tables
   * the classification found, the targets of statements read by their keywords alone.
   */
  static QuerySummary of(String sanitized, List<String> tables) {
    List<String> statements = StatementSplitter.split(sanitized);
    Walker walker = new Walker(tables);
    for (String statement : statements) {
      if (walker.full) {
        break;
      }
      walker.statement(statement);
    }
    String procedure = statements.size() == 1 ? walker.procedure : null;
    return new QuerySummary(walker.out.length() == 0 ? null : walker.out.toString(), procedure);
  }

  /** The walk of one string: a small lexer over sanitized text and the summary it builds. */
  private static final class Walker {
    final StringBuilder out = new StringBuilder(64);
    boolean full;
    String procedure;

    private final List<String> tables;

    private String sql;
    private int length;
    private int pos;

    /** The current token: [start, end) of sql; start == end at the end. */
    private int start;

    private int end;

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
      length = statement.length();
      pos = 0;
      depth = 0;
      withDepth = -1;
      lists[0] = false;
      queries[0] = true;
      itemExpected = false;
      ctes = null;
      advance();
      if (isSymbol('{')) {
        advance();
        if (isSymbol('?')) {
          advance();
          if (isSymbol('=')) {
            advance();
          }
        }
      }
      if (isSymbol('(')) {
        query();
        return;
      }
      if (!isWord()) {
        return;
      }
      String verb = lowerCase();
      if (verb.equals("values")) {
        emitAndAdvance();
        query();
      } else if (QUERIES.contains(verb)) {
        query();
      } else if (CALLS.contains(verb)) {
        call(verb);
      } else if (verb.equals("create") || verb.equals("drop") || verb.equals("alter")) {
        ddl(verb);
      } else if (verb.equals("rename")) {
        rename();
      } else if (verb.equals("table")) {
        emitAndAdvance();
        target();
      } else if (verb.equals("truncate")) {
        truncate();
      } else if (EXPLAINS.contains(verb)) {
        explain(verb);
      } else if (KeywordClassifier.isVerb(verb)) {
        other(verb);
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
        } else if (!isWord()) {
          advance();
        } else if (isKeyword("select")) {
          startQuery();
          emitAndAdvance();
        } else if (mayOperate && isNestedVerb()) {
          startQuery();
          dml();
        } else if (isKeyword("with") && isCteClause()) {
          lists[depth] = false;
          advance();
          skipKeyword("recursive");
          withDepth = depth;
          cteName();
        } else if (!queries[depth]) {
          // an expression's words: EXTRACT(YEAR FROM d) reads no table
          advance();
        } else if (isKeyword("from") || isKeyword("join") || isKeyword("apply")) {
          advance();
          lists[depth] = true;
          item();
        } else if (isKeyword("straight_join") && lists[depth]) {
          advance();
          item();
        } else if (isKeyword("into")) {
          advance();
          lists[depth] = false;
          intoTarget();
        } else if (isKeyword("using")) {
          advance();
          if (isName()) {
            lists[depth] = true;
            item();
          }
        } else if (isKeyword("distinct")) {
          advance();
          // IS DISTINCT FROM x compares, it does not read a table
          skipKeyword("from");
        } else {
          if (lists[depth] && LIST_ENDS.contains(lowerCase())) {
            lists[depth] = false;
          }
          advance();
        }
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
      String verb = lowerCase();
      emitAndAdvance();
      skipModifiers();
      switch (verb) {
        case "update":
          target();
          lists[depth] = true;
          break;
        case "delete":
          if (!isKeyword("from") && !namesBeforeFrom()) {
            target();
            lists[depth] = true;
          }
          break;
        default:
          skipKeyword("into");
          target();
      }
    }

    /** {@code CALL p(?)}, {@code EXEC p ?}, {@code EXECUTE s}: the verb and what it runs. */
    private void call(String verb) {
      emitAndAdvance();
      if (isName()) {
        String name = readName();
        emit(name);
        if (!verb.equals("execute")) {
          procedure = name;
        }
      }
    }

    /**
     * CREATE, DROP or ALTER: the verb and the kind of object as one operation ({@code CREATE
     * TABLE}, modifiers such as {@code OR REPLACE} left out), then the objects it names; a table or
     * view defined by a query has the query's summary after it.
     */
    private void ddl(String verb) {
      String verbWritten = sql.substring(start, end);
      advance();
      int kindStart = -1;
      while (isWord() && DDL_MODIFIERS.contains(lowerCase())) {
        kindStart = isKeyword("materialized") ? start : -1;
        advance();
      }
      String kind = isWord() ? lowerCase() : null;
      if (kind == null || !KeywordClassifier.OBJECT_KINDS.contains(kind)) {
        emit(verbWritten);
        return;
      }
      if (kindStart < 0 || !kind.equals("view")) {
        kindStart = start;
      }
      advance();
      emit(verbWritten + ' ' + sql.substring(kindStart, endOfPrevious()));
      skipWords("if", "not", "exists", "only", "concurrently");
      if (!(kind.equals("index") && isKeyword("on"))) {
        target();
      }
      if (verb.equals("drop")) {
        while (skipSymbol(',')) {
          target();
        }
      } else if (verb.equals("create") && kind.equals("index")) {
        if (skipKeyword("on")) {
          skipKeyword("only");
          target();
        }
      } else if (verb.equals("create") && QUERY_OBJECTS.contains(kind) && skipToQuery()) {
        query();
      }
    }

    /** {@code RENAME TABLE a TO b[, c TO d]}: both names of each pair are targets. */
    private void rename() {
      int operationStart = start;
      advance();
      skipKeyword("table");
      emit(sql.substring(operationStart, endOfPrevious()));
      do {
        target();
        if (skipKeyword("to")) {
          target();
        }
      } while (skipSymbol(','));
    }

    /** {@code TRUNCATE [TABLE] [ONLY] t[, u]}. */
    private void truncate() {
      int operationStart = start;
      advance();
      skipKeyword("table");
      emit(sql.substring(operationStart, endOfPrevious()));
      skipWords("only", "if", "exists");
      target();
      while (skipSymbol(',')) {
        target();
      }
    }

    /** {@code EXPLAIN [options] statement}, and MySQL's {@code DESCRIBE t}. */
    private void explain(String verb) {
      emitAndAdvance();
      if (!verb.equals("explain") && !isQueryStart() && isName()) {
        target();
        return;
      }
      while (!atEnd() && !(isWord() && QUERIES.contains(lowerCase()))) {
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
     * Every other known statement: its leading keyword ({@code START TRANSACTION} and {@code
     * RELEASE SAVEPOINT} as two), the database of {@code USE}, and every name that is one of the
     * classification's tables ({@code ANALYZE users}, {@code LOCK TABLES users WRITE}).
     */
    private void other(String verb) {
      int operationStart = start;
      advance();
      if (verb.equals("start")) {
        skipKeyword("transaction");
      } else if (verb.equals("release")) {
        skipKeyword("savepoint");
      }
      emit(sql.substring(operationStart, endOfPrevious()));
      if (verb.equals("use")) {
        target();
        return;
      }
      while (!atEnd() && !tables.isEmpty()) {
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
      skipWords("only", "lateral");
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
      skipWords("temporary", "temp", "unlogged", "table");
      if (!isKeyword("outfile") && !isKeyword("dumpfile")) {
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
     * At MySQL's {@code DELETE t1, t2 FROM t1 JOIN t2}: whether the names here precede a FROM that
     * names their tables.
     */
    private boolean namesBeforeFrom() {
      int savedPos = pos;
      int savedStart = start;
      int savedEnd = end;
      do {
        if (isName()) {
          readName();
        }
        if (skipSymbol('.')) {
          skipSymbol('*');
        }
      } while (skipSymbol(','));
      boolean from = isKeyword("from");
      pos = savedPos;
      start = savedStart;
      end = savedEnd;
      return from;
    }

    /** At WITH: whether a common table expression follows ({@code name [(...)] AS}). */
    private boolean isCteClause() {
      int savedPos = pos;
      int savedStart = start;
      int savedEnd = end;
      advance();
      skipKeyword("recursive");
      boolean cte = isName();
      if (cte) {
        readName();
        if (isSymbol('(')) {
          skipParentheses();
        }
        cte = isKeyword("as");
      }
      pos = savedPos;
      start = savedStart;
      end = savedEnd;
      return cte;
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
          int savedPos = pos;
          int savedStart = start;
          int savedEnd = end;
          advance();
          boolean query = isQueryStart();
          pos = savedPos;
          start = savedStart;
          end = savedEnd;
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
        } else if (c == '[' && isBracketName(i)) {
          i = sql.indexOf(']', i) + 1;
        } else {
          i++;
        }
      }
      end = i;
      pos = i;
    }

    /** {@code [x]} is a name unless it holds a {@code ?}, as a subscript's replaced literal. */
    private boolean isBracketName(int open) {
      int close = sql.indexOf(']', open + 1);
      if (close <= open + 1) {
        return false;
      }
      int mark = sql.indexOf('?', open + 1);
      return mark < 0 || mark > close;
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
      return length;
    }

    /** The end of the token before the current one. */
    private int endOfPrevious() {
      int i = start;
      while (i > 0 && sql.charAt(i - 1) == ' ') {
        i--;
      }
      return i;
    }

    private boolean isWord() {
      return start < end && isNamePart(sql.charAt(start)) && !Character.isDigit(sql.charAt(start));
    }

    private boolean isName() {
      return isWord() || start < end && isQuotedAt(start) && end - start > 1;
    }

    private boolean isQuotedAt(int i) {
      char c = sql.charAt(i);
      return c == '"' || c == '`' || c == '[';
    }

    private boolean isSymbol(char symbol) {
      return end - start == 1 && sql.charAt(start) == symbol;
    }

    private boolean isKeyword(String lowerCase) {
      return end - start == lowerCase.length()
          && sql.regionMatches(true, start, lowerCase, 0, lowerCase.length());
    }

    private boolean skipSymbol(char symbol) {
      if (isSymbol(symbol)) {
        advance();
        return true;
      }
      return false;
    }

    private boolean skipKeyword(String lowerCase) {
      if (isKeyword(lowerCase)) {
        advance();
        return true;
      }
      return false;
    }

    private void skipWords(String... words) {
      boolean skipped = true;
      while (skipped) {
        skipped = false;
        for (String word : words) {
          skipped |= skipKeyword(word);
        }
      }
    }

    /** Skips DML modifiers: {@code LOW_PRIORITY}, {@code OR REPLACE}, {@code TOP (?)}, ... */
    private void skipModifiers() {
      while (isWord() && DML_MODIFIERS.contains(lowerCase())) {
        boolean top = isKeyword("top");
        advance();
        if (top && isSymbol('(')) {
          skipParentheses();
        } else if (top) {
          advance();
        }
      }
    }

    private String lowerCase() {
      return sql.substring(start, end).toLowerCase(Locale.ROOT);
    }

    /** A verb that starts a nested statement, not a function ({@code REPLACE(s, ?, ?)}). */
    private boolean isNestedVerb() {
      return NESTED_VERBS.contains(lowerCase()) && !(end < length && sql.charAt(end) == '(');
    }

    /** Whether a query starts at the current token. */
    private boolean isQueryStart() {
      return isKeyword("select") || isKeyword("with") || isKeyword("values");
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
      char c = sql.charAt(i);
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

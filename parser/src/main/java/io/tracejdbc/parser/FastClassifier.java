package io.tracejdbc.parser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fast tier: classifies the statements applications mostly run (SELECT with joins, subqueries
 * and common table expressions, INSERT, UPDATE, DELETE, MERGE, CALL and the JDBC call escapes,
 * simple DDL, transaction control) in one walk of their sanitized tokens, with the answer
 * JSqlParser's tier gives: the same operation, the same first table (as {@link FirstTableFinder}
 * finds it) and the same tables. Where it is not certain of that (a construct it does not model, a
 * parenthesised start, an unknown verb) it declines, and JSqlParser decides.
 *
 * <p>A query is read into the little JSqlParser's first-table walk needs, a {@link QueryShape}, and
 * the walk then runs as {@link FirstTableFinder}'s does.
 */
final class FastClassifier extends TokenCursor {
  /** Words that end a select list, a FROM list or a join condition. */
  private static final String[] CLAUSES = {
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
    "into"
  };

  private static final String[] SET_OPERATIONS = {"union", "intersect", "except", "minus"};

  /** After a FROM list: a set operation, or a FROM or INTO that the fast tier cannot place. */
  private static final String[] SET_OPERATIONS_AND_FROM = concat(SET_OPERATIONS, "from", "into");

  private static final String[] CLAUSES_AND_FROM = concat(CLAUSES, "from");

  private static final String[] JOINS = {
    "join", "inner", "left", "right", "full", "cross", "natural", "straight_join"
  };

  /** What ends a join condition: a clause, the next join, or a comma and the next table. */
  private static final String[] JOIN_CONDITION_END = concat(concat(CLAUSES, JOINS), ",", "outer");

  /**
   * Words that end a FROM list by themselves; {@link #endOfFromList} knows those that need a second
   * word ({@code GROUP BY}, {@code START WITH}, {@code FOR UPDATE}, ...).
   */
  private static final String[] FROM_LIST_ENDS = {
    "where",
    "having",
    "limit",
    "offset",
    "fetch",
    "window",
    "union",
    "intersect",
    "except",
    "minus",
    "returning",
    "into",
    "qualify"
  };

  /** What {@code FOR} starts after a FROM list, when it ends the query: locking, XML, JSON. */
  private static final String[] AFTER_FOR = {
    "update", "share", "no", "key", "read", "fetch", "xml", "json", "browse"
  };

  /**
   * Words after a table name that are never its alias, to JSqlParser and the databases; other words
   * are, unless the word after them makes them a clause or a modifier (see {@link #isAlias}).
   */
  private static final String[] NOT_ALIASES =
      concat(
          concat(CLAUSES, JOINS),
          "on",
          "using",
          "outer",
          "set",
          "select",
          "with",
          "when",
          "tablesample",
          "force",
          "use",
          "output",
          "apply",
          "not",
          "pivot",
          "unpivot",
          "sample",
          "as",
          "qualify");

  private static final String[] FROM = {"from"};

  private static final String[] TEMPORARY = {
    "temp", "temporary", "global", "local", "unlogged", "memory", "cached"
  };

  private static final String[] NONE = {};

  /** Every table name as written, in order, for the tables JSqlParser's finder reports. */
  private final List<QueryShape.Name> names = new ArrayList<>();

  /** Common table expressions: the lower-case unquoted name to the query. */
  private final Map<String, QueryShape> ctes = new HashMap<>();

  /** Common table expression names as written: JSqlParser's finder leaves these out. */
  private final Set<String> cteNamesAsWritten = new HashSet<>();

  private FastClassifier(String sql) {
    super(sql);
  }

  /** The classification of one sanitized statement, or null where this tier is not certain. */
  static SqlInfo classify(String statement) {
    try {
      return new FastClassifier(statement).statement();
    } catch (Uncertain e) {
      return null;
    }
  }

  // ---- statements

  private SqlInfo statement() {
    if (isSymbol('{')) {
      return jdbcCall();
    }
    String verb = word();
    switch (verb) {
      case "select":
        return finish("select", query("select"));
      case "with":
        return with();
      case "insert":
        return insert("insert");
      case "replace":
      case "upsert":
        return insert(verb);
      case "update":
        return update();
      case "delete":
        return delete();
      case "merge":
        return merge();
      case "call":
        return new SqlInfo("call", List.of(), sql);
      case "create":
        return create();
      case "drop":
        return drop();
      case "alter":
        return alter();
      case "truncate":
        return truncate();
      case "commit":
      case "rollback":
      case "begin":
      case "set":
        return new SqlInfo(verb, List.of(), sql);
      case "savepoint":
        nameAsWritten();
        return end(new SqlInfo(verb, List.of(), sql));
      case "release":
        return new SqlInfo("release-savepoint", List.of(), sql);
      case "start":
        expectWord("transaction");
        return new SqlInfo("begin", List.of(), sql);
      default:
        throw UNCERTAIN;
    }
  }

  /** {@code {call p(?)}} and {@code {? = call f(?)}}: JSqlParser cannot read them. */
  private SqlInfo jdbcCall() {
    advance();
    if (isSymbol('?')) {
      advance();
      expectSymbol('=');
    }
    expectWord("call");
    return new SqlInfo("call", List.of(), sql);
  }

  /** {@code WITH [RECURSIVE] a AS (...), ...} and the statement they serve. */
  private SqlInfo with() {
    skipWord("recursive");
    do {
      String name = nameAsWritten();
      cteNamesAsWritten.add(name);
      if (isSymbol('(')) {
        skipParenthesised();
      }
      expectWord("as");
      skipWord("not");
      skipWord("materialized");
      expectSymbol('(');
      QueryShape body = query(word());
      expectSymbol(')');
      ctes.put(Identifiers.unquote(name).toLowerCase(Locale.ROOT), body);
    } while (skipSymbol(','));
    String verb = word();
    switch (verb) {
      case "select":
        return finish("select", query("select"));
      case "insert":
        return insert("insert");
      case "update":
        return update();
      case "delete":
        return delete();
      default:
        throw UNCERTAIN;
    }
  }

  private SqlInfo insert(String operation) {
    if (isWord("or")) {
      throw UNCERTAIN;
    }
    skipWord("ignore");
    expectWord("into");
    QueryShape.Name target = target();
    if (isSymbol('(')) {
      skipParenthesised();
    }
    if (isWord("select")) {
      query(null);
    } else if (!(skipWord("values")
        || skipWord("value")
        || skipWord("set")
        || (skipWord("default") && skipWord("values")))) {
      throw UNCERTAIN;
    }
    expression(NONE);
    return finish(operation, target);
  }

  private SqlInfo update() {
    if (isWord("low_priority")) {
      throw UNCERTAIN;
    }
    skipWord("ignore");
    QueryShape.Name target = target();
    alias();
    expectWord("set");
    if ("from".equals(expression(FROM))) {
      advance();
      fromList(new ArrayList<>());
      endOfFromList();
      expression(NONE);
    }
    return finish("update", target);
  }

  private SqlInfo delete() {
    expectWord("from");
    QueryShape.Name target = target();
    alias();
    if (skipWord("using")) {
      fromList(new ArrayList<>());
    }
    endOfFromList();
    expression(NONE);
    return finish("delete", target);
  }

  private SqlInfo merge() {
    expectWord("into");
    QueryShape.Name target = target();
    alias();
    expectWord("using");
    fromItem(new ArrayList<>());
    if (!isWord("on")) {
      throw UNCERTAIN;
    }
    expression(NONE);
    return finish("merge", target);
  }

  /** {@code CREATE TABLE} without references or a query, and {@code CREATE INDEX}. */
  private SqlInfo create() {
    if (skipWord("or")) {
      throw UNCERTAIN;
    }
    skipWord("unique");
    if (skipWord("index")) {
      skipWord("concurrently");
      while (!skipWord("on")) {
        word();
      }
      skipWord("only");
      return new SqlInfo("create-index", List.of(name().unquoted()), sql);
    }
    while (wordIn(TEMPORARY) != null) {
      advance();
    }
    expectWord("table");
    skipIfExists();
    QueryShape.Name table = name();
    if (!isSymbol('(')) {
      throw UNCERTAIN;
    }
    skipDefinitions();
    return new SqlInfo("create-table", List.of(table.unquoted()), sql);
  }

  private SqlInfo drop() {
    String kind = word();
    if (!kind.equals("table")
        && !kind.equals("view")
        && !kind.equals("index")
        && !kind.equals("sequence")) {
      throw UNCERTAIN;
    }
    skipIfExists();
    QueryShape.Name name = name();
    List<String> tables =
        kind.equals("table") || kind.equals("view") ? List.of(name.unquoted()) : List.of();
    return new SqlInfo("drop-" + kind, tables, sql);
  }

  private SqlInfo alter() {
    expectWord("table");
    skipIfExists();
    skipWord("only");
    QueryShape.Name table = name();
    skipDefinitions();
    return new SqlInfo("alter-table", List.of(table.unquoted()), sql);
  }

  private SqlInfo truncate() {
    skipWord("table");
    skipWord("only");
    QueryShape.Name table = name();
    if (!atEnd() && !isSymbol(',') && !isWordToken()) {
      throw UNCERTAIN;
    }
    return new SqlInfo("truncate", List.of(table.unquoted()), sql);
  }

  private void skipIfExists() {
    if (skipWord("if")) {
      skipWord("not");
      expectWord("exists");
    }
  }

  /**
   * The rest of a table definition or alteration, without what makes JSqlParser report more tables:
   * a reference, a query, a copied definition.
   */
  private void skipDefinitions() {
    while (!atEnd()) {
      if (isWord("references")
          || isWord("select")
          || isWord("as")
          || isWord("like")
          || isWord("inherits")
          || isWord("partition")) {
        throw UNCERTAIN;
      }
      advance();
    }
  }

  // ---- queries

  /**
   * A query whose first word ({@code select} or {@code with}) has been read, or, for {@code
   * firstWord} null, is next; up to the end of input or the {@code )} around it.
   */
  private QueryShape query(String firstWord) {
    String word = firstWord == null ? word() : firstWord;
    if (!word.equals("select")) {
      throw UNCERTAIN;
    }
    QueryShape query = new QueryShape();
    while (true) {
      List<Object> items = new ArrayList<>();
      query.selects.add(items);
      String stop = expression(CLAUSES_AND_FROM);
      if ("into".equals(stop)) {
        throw UNCERTAIN;
      }
      if ("from".equals(stop)) {
        advance();
        fromList(items);
        endOfFromList();
      }
      stop = expression(SET_OPERATIONS_AND_FROM);
      if (stop == null) {
        return query;
      }
      if (stop.equals("from") || stop.equals("into")) {
        throw UNCERTAIN;
      }
      advance();
      if (!skipWord("all")) {
        skipWord("distinct");
      }
      expectWord("select");
    }
  }

  /** Table references separated by commas and joins, each join with its condition. */
  private void fromList(List<Object> items) {
    fromItem(items);
    while (true) {
      if (skipSymbol(',')) {
        fromItem(items);
      } else if (wordIn(JOINS) != null || isWord("outer")) {
        while (!skipWord("join")) {
          if (wordIn(JOINS) == null && !isWord("outer")) {
            throw UNCERTAIN;
          }
          advance();
        }
        fromItem(items);
        if (skipWord("on")) {
          expression(JOIN_CONDITION_END);
        } else if (skipWord("using")) {
          expectSymbol('(');
          skipParenthesisedRest();
        }
      } else {
        return;
      }
    }
  }

  /**
   * Where a FROM list ends, what follows must end it: the end, a {@code )}, or a clause. Anything
   * else (a table modifier this tier does not read, a word it took for a clause) may hide tables.
   */
  private void endOfFromList() {
    if (atEnd() || isSymbol(')') || isSymbol(';') || wordIn(FROM_LIST_ENDS) != null) {
      return;
    }
    boolean clause =
        ((isWord("group") || isWord("order") || isWord("connect")) && nextIsWord("by"))
            || (isWord("start") && nextIsWord("with"))
            || (isWord("lock") && nextIsWord("in"))
            || (isWord("option") && nextIsSymbol('('))
            || (isWord("for") && forEndsQuery());
    if (!clause) {
      throw UNCERTAIN;
    }
  }

  private boolean forEndsQuery() {
    for (String word : AFTER_FOR) {
      if (nextIsWord(word)) {
        return true;
      }
    }
    return false;
  }

  /** A table, or a parenthesised query, with its alias and modifiers. */
  private void fromItem(List<Object> items) {
    if (skipSymbol('(')) {
      if (!isWord("select")) {
        throw UNCERTAIN;
      }
      items.add(query(null));
      expectSymbol(')');
    } else {
      if (isWord("lateral") || isWord("table") || isWord("values") || isWord("unnest")) {
        throw UNCERTAIN;
      }
      skipWord("only");
      items.add(tableName());
    }
    alias();
    tableModifiers();
    if (isSymbol('(')) {
      throw UNCERTAIN;
    }
  }

  /**
   * What may follow a table (and its alias) without naming another table, in any order: MySQL's
   * partitions ({@code PARTITION (p1) AS x}) and index hints ({@code USE INDEX FOR JOIN (i)}), SQL
   * Server's table hints ({@code WITH (NOLOCK)}), samples ({@code TABLESAMPLE SYSTEM (10)},
   * Oracle's {@code SAMPLE BLOCK (5) SEED (1)}), {@code PIVOT} and {@code UNPIVOT} with their
   * aliases. JSqlParser reads one of each at most, and not every form: where it cannot, this is
   * what the databases read.
   */
  private void tableModifiers() {
    while (true) {
      if (isWord("partition") && nextIsSymbol('(')) {
        advance();
        skipParenthesised();
        alias();
      } else if ((isWord("use") || isWord("force") || isWord("ignore"))
          && (nextIsWord("index") || nextIsWord("key"))) {
        advance();
        advance();
        if (skipWord("for") && !skipWord("join")) {
          if (!skipWord("order") && !skipWord("group")) {
            throw UNCERTAIN;
          }
          expectWord("by");
        }
        skipParenthesised();
      } else if (isWord("with") && nextIsSymbol('(')) {
        advance();
        skipParenthesised();
      } else if (skipWord("tablesample")) {
        if (isWordToken()) {
          advance();
        }
        skipParenthesised();
        if (skipWord("repeatable")) {
          skipParenthesised();
        }
      } else if (skipWord("sample")) {
        skipWord("block");
        skipParenthesised();
        if (skipWord("seed")) {
          skipParenthesised();
        }
      } else if (skipWord("pivot") || skipWord("unpivot")) {
        skipWord("xml");
        if (skipWord("include") || skipWord("exclude")) {
          expectWord("nulls");
        }
        skipParenthesised();
        alias();
      } else {
        return;
      }
    }
  }

  /** A table name in a FROM list, counted among the tables JSqlParser's finder reports. */
  private QueryShape.Name tableName() {
    QueryShape.Name name = name();
    if (isSymbol('(')) {
      throw UNCERTAIN;
    }
    names.add(name);
    return name;
  }

  /** The table an INSERT, UPDATE, DELETE or MERGE writes. */
  private QueryShape.Name target() {
    if (isWord("only")) {
      throw UNCERTAIN;
    }
    QueryShape.Name name = name();
    names.add(name);
    return name;
  }

  private void alias() {
    if (skipWord("as")) {
      nameAsWritten();
    } else if (isQuoted() || isAlias()) {
      advance();
    }
  }

  /**
   * Whether the current word is the alias of the table before it: a word that is not reserved is,
   * as JSqlParser and the databases read it ({@code FROM a value, b}), unless the next word makes
   * it a clause or a table modifier ({@code START WITH}, {@code PARTITION (p1)}, {@code KEY (id)}).
   */
  private boolean isAlias() {
    if (!isWordToken() || wordIn(NOT_ALIASES) != null) {
      return false;
    }
    if (isWord("start")) {
      return !nextIsWord("with");
    }
    if (isWord("connect") || isWord("indexed")) {
      return !nextIsWord("by");
    }
    if (isWord("lock")) {
      return !nextIsWord("in");
    }
    if (isWord("ignore")) {
      return !nextIsWord("index") && !nextIsWord("key");
    }
    if (isWord("default")) {
      return !nextIsWord("values");
    }
    if (isWord("option")
        || isWord("key")
        || isWord("partition")
        || isWord("value")
        || isWord("values")) {
      return !nextIsSymbol('(');
    }
    return true;
  }

  /**
   * Skips an expression up to, not including, a word of {@code stops} (or a {@code ,} when it holds
   * one) outside parentheses, the {@code )} that closes the enclosing one, or the end; reads the
   * queries in parentheses on the way. Returns the stop word, or null.
   */
  private String expression(String[] stops) {
    boolean afterDistinct = false;
    while (!atEnd()) {
      String stop = wordIn(stops);
      if (stop != null) {
        if (stop.equals("from") && afterDistinct) {
          throw UNCERTAIN;
        }
        return stop;
      }
      if (isWord("select")
          || isWord("with")
          || isSymbol('[')
          || isSymbol(']')
          || isSymbol('{')
          || isSymbol('}')
          || isSymbol(';')) {
        throw UNCERTAIN;
      }
      afterDistinct = isWord("distinct");
      if (skipSymbol('(')) {
        if (isWord("select")) {
          query(null);
        } else {
          expression(NONE);
        }
        expectSymbol(')');
      } else if (isSymbol(')')) {
        return null;
      } else {
        advance();
      }
    }
    return null;
  }

  private void skipParenthesised() {
    expectSymbol('(');
    skipParenthesisedRest();
  }

  /** Skips to the {@code )} matching an opening one just read, and past it. */
  private void skipParenthesisedRest() {
    int depth = 1;
    while (depth > 0) {
      if (atEnd() || isSymbol('[') || isSymbol('{')) {
        throw UNCERTAIN;
      }
      if (isWord("select")) {
        throw UNCERTAIN;
      }
      depth += isSymbol('(') ? 1 : isSymbol(')') ? -1 : 0;
      advance();
    }
  }

  /** The end of the statement: a query's tables, the first as JSqlParser's walk finds it. */
  private SqlInfo finish(String operation, QueryShape query) {
    return end(result(operation, query.firstTable(ctes)));
  }

  private SqlInfo finish(String operation, QueryShape.Name target) {
    return end(result(operation, target));
  }

  private SqlInfo end(SqlInfo info) {
    skipSymbol(';');
    if (!atEnd()) {
      throw UNCERTAIN;
    }
    return info;
  }

  private SqlInfo result(String operation, QueryShape.Name first) {
    Set<String> others = new TreeSet<>();
    for (QueryShape.Name name : names) {
      if (!cteNamesAsWritten.contains(name.written)) {
        others.add(name.unquoted());
      }
    }
    if (first == null && !others.isEmpty()) {
      // JSqlParser's tier would name the first of tables found in a way the walk does not model
      throw UNCERTAIN;
    }
    List<String> tables = new ArrayList<>(others.size() + 1);
    if (first != null) {
      tables.add(first.unquoted());
      others.remove(first.unquoted());
    }
    tables.addAll(others);
    return new SqlInfo(operation, tables, sql);
  }

  private static String[] concat(String[] words, String... more) {
    String[] all = new String[words.length + more.length];
    System.arraycopy(words, 0, all, 0, words.length);
    System.arraycopy(more, 0, all, words.length, more.length);
    return all;
  }
}

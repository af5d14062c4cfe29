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
 * finds it) and the same tables. Where it is not certain of that (a construct it does not model,
 * a parenthesised start, an unknown verb) it declines, and JSqlParser decides.
 *
 * <p>A query is read into the little JSqlParser's first-table walk needs: per SELECT, its FROM
 * items in order (a table name, or a nested query), and the queries of the common table
 * expressions; the walk then runs as {@link FirstTableFinder}'s does.
 */
final class FastClassifier {
  /** Thrown, without a stack trace, where the fast tier is not certain. */
  private static final class Uncertain extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Uncertain() {
      super(null, null, false, false);
    }
  }

  private static final Uncertain UNCERTAIN = new Uncertain();

  /** Words that end a select list, a FROM list or a join condition. */
  private static final String[] CLAUSES = {
    "where", "group", "having", "order", "limit", "offset", "fetch", "for", "window", "union",
    "intersect", "except", "minus", "returning", "into"
  };

  private static final String[] SET_OPERATIONS = {"union", "intersect", "except", "minus"};

  /** After a FROM list: a set operation, or a FROM that the fast tier cannot place. */
  private static final String[] SET_OPERATIONS_AND_FROM = concat(SET_OPERATIONS, "from");

  private static final String[] CLAUSES_AND_FROM = concat(CLAUSES, "from");

  private static final String[] JOINS = {
    "join", "inner", "left", "right", "full", "cross", "natural", "straight_join"
  };

  /** What ends a join condition: a clause, the next join, or a comma and the next table. */
  private static final String[] JOIN_CONDITION_END = concat(concat(CLAUSES, JOINS), ",");

  /** Words after a table name that are not its alias. */
  private static final String[] NOT_ALIASES = concat(concat(CLAUSES, JOINS), "on", "using",
      "outer", "set", "values", "value", "default", "select", "with", "when", "then", "partition",
      "tablesample", "force", "use", "ignore", "key", "output", "apply", "indexed", "not", "pivot",
      "unpivot", "sample", "as", "lock", "start", "connect", "option", "qualify");

  private static final String[] FROM = {"from"};

  private static final String[] TEMPORARY = {
    "temp", "temporary", "global", "local", "unlogged", "memory", "cached"
  };

  private static final String[] NONE = {};

  private final String sql;
  private final int length;
  private int pos;
  /** The current token: [start, end) of {@link #sql}; start == end at the end. */
  private int start;
  private int end;
  /** The end of the token before the current one. */
  private int previousEnd;

  /** Every table name as written, in order, for the tables JSqlParser's finder reports. */
  private final List<Name> names = new ArrayList<>();
  /** Common table expressions: the lower-case unquoted name to the query. */
  private final Map<String, Query> ctes = new HashMap<>();
  /** Common table expression names as written: JSqlParser's finder leaves these out. */
  private final Set<String> cteNamesAsWritten = new HashSet<>();

  private FastClassifier(String sql) {
    this.sql = sql;
    this.length = sql.length();
    advance();
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
      Query body = query(word());
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
    Name target = target();
    if (isSymbol('(')) {
      skipParenthesised();
    }
    if (isWord("select")) {
      query(null);
    } else if (!(skipWord("values") || skipWord("value") || skipWord("set")
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
    Name target = target();
    alias();
    expectWord("set");
    if ("from".equals(expression(FROM))) {
      advance();
      fromList(new ArrayList<>());
      expression(NONE);
    }
    return finish("update", target);
  }

  private SqlInfo delete() {
    expectWord("from");
    Name target = target();
    alias();
    if (skipWord("using")) {
      fromList(new ArrayList<>());
    }
    expression(NONE);
    return finish("delete", target);
  }

  private SqlInfo merge() {
    expectWord("into");
    Name target = target();
    alias();
    expectWord("using");
    fromItem(new ArrayList<>());
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
    Name table = name();
    if (!isSymbol('(')) {
      throw UNCERTAIN;
    }
    skipDefinitions();
    return new SqlInfo("create-table", List.of(table.unquoted()), sql);
  }

  private SqlInfo drop() {
    String kind = word();
    if (!kind.equals("table") && !kind.equals("view") && !kind.equals("index")
        && !kind.equals("sequence")) {
      throw UNCERTAIN;
    }
    skipIfExists();
    Name name = name();
    List<String> tables =
        kind.equals("table") || kind.equals("view") ? List.of(name.unquoted()) : List.of();
    return new SqlInfo("drop-" + kind, tables, sql);
  }

  private SqlInfo alter() {
    expectWord("table");
    skipIfExists();
    skipWord("only");
    Name table = name();
    skipDefinitions();
    return new SqlInfo("alter-table", List.of(table.unquoted()), sql);
  }

  private SqlInfo truncate() {
    skipWord("table");
    skipWord("only");
    return new SqlInfo("truncate", List.of(name().unquoted()), sql);
  }

  private void skipIfExists() {
    if (skipWord("if")) {
      skipWord("not");
      expectWord("exists");
    }
  }

  /**
   * The rest of a table definition or alteration, without what makes JSqlParser report more
   * tables: a reference, a query, a copied definition.
   */
  private void skipDefinitions() {
    while (start < end) {
      if (isWord("references") || isWord("select") || isWord("as") || isWord("like")
          || isWord("inherits") || isWord("partition")) {
        throw UNCERTAIN;
      }
      advance();
    }
  }

  // ---- queries

  /** What the first-table walk needs of a query: per SELECT, its FROM items in order. */
  private static final class Query {
    /** Per SELECT of a set operation: its FROM items, each a {@link Name} or a {@link Query}. */
    final List<List<Object>> selects = new ArrayList<>();
  }

  /**
   * A query whose first word ({@code select} or {@code with}) has been read, or, for {@code
   * firstWord} null, is next; up to the end of input or the {@code )} around it.
   */
  private Query query(String firstWord) {
    String word = firstWord == null ? word() : firstWord;
    if (!word.equals("select")) {
      throw UNCERTAIN;
    }
    Query query = new Query();
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
      }
      stop = expression(SET_OPERATIONS_AND_FROM);
      if (stop == null) {
        return query;
      }
      if (stop.equals("from")) {
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
      } else if (wordIn(JOINS) != null) {
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

  /** A table, or a parenthesised query, with its alias. */
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
    if (isSymbol('(')) {
      throw UNCERTAIN;
    }
  }

  /** A table name in a FROM list, counted among the tables JSqlParser's finder reports. */
  private Name tableName() {
    Name name = name();
    if (isSymbol('(')) {
      throw UNCERTAIN;
    }
    names.add(name);
    return name;
  }

  /** The table an INSERT, UPDATE, DELETE or MERGE writes. */
  private Name target() {
    if (isWord("only")) {
      throw UNCERTAIN;
    }
    Name name = name();
    names.add(name);
    return name;
  }

  private void alias() {
    if (skipWord("as")) {
      nameAsWritten();
    } else if (isQuoted() || (isWordToken() && wordIn(NOT_ALIASES) == null)) {
      advance();
    }
  }

  /**
   * Skips an expression up to, not including, a word of {@code stops} (or a {@code ,} when it
   * holds one) outside parentheses, the {@code )} that closes the enclosing one, or the end;
   * reads the queries in parentheses on the way. Returns the stop word, or null.
   */
  private String expression(String[] stops) {
    boolean afterDistinct = false;
    while (start < end) {
      String stop = wordIn(stops);
      if (stop != null) {
        if (stop.equals("from") && afterDistinct) {
          throw UNCERTAIN;
        }
        return stop;
      }
      if (isWord("select") || isWord("with") || isSymbol('[') || isSymbol(']')
          || isSymbol('{') || isSymbol('}') || isSymbol(';')) {
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
      if (start == end || isSymbol('[') || isSymbol('{')) {
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
  private SqlInfo finish(String operation, Query query) {
    return end(result(operation, firstTable(query, new HashSet<>())));
  }

  private SqlInfo finish(String operation, Name target) {
    return end(result(operation, target));
  }

  private SqlInfo end(SqlInfo info) {
    skipSymbol(';');
    if (start < end) {
      throw UNCERTAIN;
    }
    return info;
  }

  private SqlInfo result(String operation, Name first) {
    Set<String> others = new TreeSet<>();
    for (Name name : names) {
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

  /** {@link FirstTableFinder}'s walk: a name of a common table expression leads into it. */
  private Name firstTable(Query query, Set<String> entered) {
    for (List<Object> items : query.selects) {
      for (Object item : items) {
        Name table = item instanceof Query ? firstTable((Query) item, entered) : cte((Name) item,
            entered);
        if (table != null) {
          return table;
        }
      }
    }
    return null;
  }

  private Name cte(Name name, Set<String> entered) {
    String key = name.qualified ? null : Identifiers.unquote(name.written).toLowerCase(Locale.ROOT);
    if (key == null || !ctes.containsKey(key)) {
      return name;
    }
    return entered.add(key) ? firstTable(ctes.get(key), entered) : null;
  }

  // ---- names

  /** A possibly qualified, possibly quoted name, as written. */
  private static final class Name {
    final String written;
    final boolean qualified;

    Name(String written, boolean qualified) {
      this.written = written;
      this.qualified = qualified;
    }

    String unquoted() {
      return Identifiers.unquote(written);
    }
  }

  private Name name() {
    int nameStart = start;
    nameAsWritten();
    boolean qualified = false;
    while (isSymbol('.') && start == previousEnd) {
      advance();
      if (start != previousEnd) {
        throw UNCERTAIN;
      }
      nameAsWritten();
      qualified = true;
    }
    return new Name(sql.substring(nameStart, previousEnd), qualified);
  }

  /** One part of a name: a word or a quoted name; returns it as written. */
  private String nameAsWritten() {
    if (!isWordToken() && !isQuoted()) {
      throw UNCERTAIN;
    }
    String part = sql.substring(start, end);
    advance();
    return part;
  }

  // ---- tokens

  private void advance() {
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

  private boolean isWordToken() {
    return start < end && isNamePart(sql.charAt(start)) && !Character.isDigit(sql.charAt(start));
  }

  private boolean isQuoted() {
    return start < end && (sql.charAt(start) == '"' || sql.charAt(start) == '`');
  }

  /** The word of {@code words} (or {@code ","}) the current token is, ignoring case; or null. */
  private String wordIn(String[] words) {
    for (String word : words) {
      if (isWord(word)) {
        return word;
      }
    }
    return null;
  }

  /** Consumes the current token, which must be a word; returns it in lower case. */
  private String word() {
    if (!isWordToken()) {
      throw UNCERTAIN;
    }
    String word = sql.substring(start, end).toLowerCase(Locale.ROOT);
    advance();
    return word;
  }

  /** Whether the current token is {@code lowerCase} (ASCII), ignoring case. */
  private boolean isWord(String lowerCase) {
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

  private boolean skipWord(String lowerCase) {
    if (isWord(lowerCase)) {
      advance();
      return true;
    }
    return false;
  }

  private void expectWord(String lowerCase) {
    if (!skipWord(lowerCase)) {
      throw UNCERTAIN;
    }
  }

  private boolean isSymbol(char symbol) {
    return end - start == 1 && sql.charAt(start) == symbol;
  }

  private boolean skipSymbol(char symbol) {
    if (isSymbol(symbol)) {
      advance();
      return true;
    }
    return false;
  }

  private void expectSymbol(char symbol) {
    if (!skipSymbol(symbol)) {
      throw UNCERTAIN;
    }
  }

  private static boolean isNamePart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
        || c == '$' || (c >= 128 && (Character.isLetterOrDigit(c) || Character.isSurrogate(c)));
  }

  private static String[] concat(String[] words, String... more) {
    String[] all = new String[words.length + more.length];
    System.arraycopy(words, 0, all, 0, words.length);
    System.arraycopy(more, 0, all, words.length, more.length);
    return all;
  }
}

package io.tracejdbc.parser;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Classifies sanitized SQL by its keywords alone, for what JSqlParser cannot read or is too long to
 * parse cheaply. Names come only from fixed sets, so odd input cannot mint new operation names.
 */
final class KeywordClassifier {
  static final String TEXTCLAUSE = "textclause";

  /** Leading keywords that name a statement as they are. */
  private static final Set<String> VERBS =
      words(
          "select insert update delete merge upsert replace truncate call commit start "
              + "rollback savepoint begin end abort set show reset explain describe use grant "
              + "revoke comment values pragma vacuum analyze reindex checkpoint lock unlock "
              + "attach detach copy listen unlisten notify discard deallocate prepare execute "
              + "exec do refresh cluster optimize repair flush load rename declare fetch "
              + "close move kill purge import export");

  /** Kinds of object that {@code CREATE}, {@code DROP} and {@code ALTER} name. */
  static final Set<String> OBJECT_KINDS =
      words(
          "table index view materialized-view sequence schema database function "
              + "procedure trigger type extension domain role user synonym policy event rule "
              + "tablespace collation aggregate server publication subscription");

  /** Words between {@code CREATE}/{@code DROP}/{@code ALTER} and the kind of object. */
  private static final Set<String> DDL_MODIFIERS =
      words(
          "or replace unique temp temporary virtual global local unlogged memory cached "
              + "external force recursive definer online offline");

  /** Words between {@code INSERT}/{@code UPDATE}/{@code DELETE} and the table or {@code INTO}. */
  private static final Set<String> DML_MODIFIERS =
      words(
          "or replace ignore abort fail rollback low_priority high_priority delayed "
              + "quick only");

  private static final Set<String> WITH_BODIES = words("select insert update delete merge values");

  private final String sanitizedSql;
  private final SqlTokens tokens;

  /** The queries of the statement's common table expressions, by lower-case unquoted name. */
  private Map<String, String> ctes = Map.of();

  private KeywordClassifier(String sanitizedSql) {
    this.sanitizedSql = sanitizedSql;
    this.tokens = new SqlTokens(sanitizedSql);
  }

  static SqlInfo classify(String sanitizedSql) {
    return new KeywordClassifier(sanitizedSql).classify();
  }

  /** Whether {@code lowerCase} leads a statement this classifier names (not {@code textclause}). */
  static boolean isVerb(String lowerCase) {
    return VERBS.contains(lowerCase) || lowerCase.equals("release");
  }

  private SqlInfo classify() {
    skipJdbcEscapeAndParentheses();
    String verb = tokens.nextWordLowerCase();
    if (verb == null) {
      return result(TEXTCLAUSE, null);
    }
    if (verb.equals("with")) {
      ctes = tokens.commonTableExpressions();
      verb = mainVerbAfterWith();
      if (verb == null) {
        return result(TEXTCLAUSE, null);
      }
    }
    switch (verb) {
      case "create":
      case "drop":
      case "alter":
        return ddl(verb);
      case "insert":
      case "replace":
      case "merge":
      case "upsert":
        return result(verb, tokens.nameAfter("into", 8));
      case "update":
        tokens.skipWords(DML_MODIFIERS);
        return result(verb, tokens.name());
      case "delete":
        return result(verb, tokens.nameAfter("from", 8));
      case "select":
        return result(verb, firstTable(tokens, new HashSet<>()));
      case "truncate":
        tokens.skipWord("table");
        tokens.skipWord("only");
        return result(verb, tokens.name());
      case "start":
        return result(tokens.skipWord("transaction") ? "begin" : verb, null);
      case "begin":
        return result(verb, null);
      case "release":
        return result("release-savepoint", null);
      default:
        if (!VERBS.contains(verb)) {
          return result(TEXTCLAUSE, null);
        }
        String table = tokens.skipWord("table") || tokens.skipWord("tables") ? tokens.name() : null;
        return result(verb, table);
    }
  }

  /** {@code {call p(?)}}, {@code {? = call f(?)}} and {@code (SELECT ...) UNION ...}. */
  private void skipJdbcEscapeAndParentheses() {
    if (tokens.skipSymbol('{')) {
      if (tokens.skipSymbol('?')) {
        tokens.skipSymbol('=');
      }
    }
    tokens.skipSymbols('(');
  }

  /**
   * The first table of the query {@code query} reads, after its first {@code FROM}: a common table
   * expression's name leads into its query, once, as {@link FirstTableFinder} does.
   */
  private String firstTable(SqlTokens query, Set<String> entered) {
    String name = query.nameAfterTopLevelFrom();
    String key = name == null ? null : name.toLowerCase(Locale.ROOT);
    if (key == null || !ctes.containsKey(key)) {
      return name;
    }
    return entered.add(key) ? firstTable(new SqlTokens(ctes.get(key)), entered) : null;
  }

  /** The first of SELECT, INSERT, ... outside the parentheses of the CTE definitions. */
  private String mainVerbAfterWith() {
    String word;
    while ((word = tokens.nextTopLevelWordLowerCase()) != null) {
      if (WITH_BODIES.contains(word)) {
        return word;
      }
    }
    return null;
  }

  private SqlInfo ddl(String verb) {
    tokens.skipWords(DDL_MODIFIERS);
    String kind = tokens.nextWordLowerCase();
    if ("materialized".equals(kind) && tokens.skipWord("view")) {
      kind = "materialized-view";
    }
    if (kind == null || !OBJECT_KINDS.contains(kind)) {
      return result(verb, null);
    }
    String operation = verb + "-" + kind;
    switch (kind) {
      case "table":
      case "view":
      case "materialized-view":
        skipIfExists();
        tokens.skipWord("only");
        return result(operation, tokens.name());
      case "index":
        return result(operation, verb.equals("create") ? tokens.nameAfter("on", 8) : null);
      default:
        return result(operation, null);
    }
  }

  private void skipIfExists() {
    if (tokens.skipWord("if")) {
      tokens.skipWord("not");
      tokens.skipWord("exists");
    }
  }

  private SqlInfo result(String operation, String table) {
    return new SqlInfo(operation, table == null ? List.of() : List.of(table), sanitizedSql);
  }

  /** Normalizes a parser-reported object kind to one of {@link #OBJECT_KINDS}, or null. */
  static String objectKind(String words) {
    String kind = words.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
    return OBJECT_KINDS.contains(kind) ? kind : null;
  }

  private static Set<String> words(String spaceSeparated) {
    return Set.of(spaceSeparated.split(" "));
  }
}

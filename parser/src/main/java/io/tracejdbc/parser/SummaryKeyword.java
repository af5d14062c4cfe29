package io.tracejdbc.parser;

import java.util.Locale;

/**
 * The keywords {@link QuerySummary}'s walk tells apart, found in the text by a case-insensitive
 * lookup that allocates nothing, with the roles that group them.
 */
enum SummaryKeyword {
  // statements and the verbs of nested statements
  SELECT(Role.LIST_END),
  WITH,
  VALUES(Role.LIST_END),
  VALUE(Role.LIST_END),
  TABLE,
  INSERT(Role.LIST_END | Role.NESTED_VERB),
  UPDATE(Role.LIST_END | Role.NESTED_VERB),
  DELETE(Role.LIST_END | Role.NESTED_VERB),
  MERGE(Role.LIST_END | Role.NESTED_VERB),
  UPSERT(Role.NESTED_VERB),
  REPLACE(Role.NESTED_VERB | Role.DML_MODIFIER | Role.DDL_MODIFIER),
  CALL,
  EXEC,
  EXECUTE,
  CREATE,
  DROP,
  ALTER,
  RENAME,
  TRUNCATE,
  EXPLAIN,
  DESCRIBE,
  DESC,
  USE,
  START(Role.LIST_END),
  TRANSACTION,
  RELEASE,
  SAVEPOINT,
  // FROM items
  FROM,
  JOIN,
  APPLY,
  STRAIGHT_JOIN,
  INTO(Role.LIST_END),
  USING,
  ONLY(Role.DML_MODIFIER),
  LATERAL,
  DISTINCT,
  RECURSIVE(Role.DDL_MODIFIER),
  AS,
  ON,
  TO,
  // what ends a FROM list
  WHERE(Role.LIST_END),
  GROUP(Role.LIST_END),
  HAVING(Role.LIST_END),
  ORDER(Role.LIST_END),
  LIMIT(Role.LIST_END),
  OFFSET(Role.LIST_END),
  FETCH(Role.LIST_END),
  FOR(Role.LIST_END),
  WINDOW(Role.LIST_END),
  UNION(Role.LIST_END),
  INTERSECT(Role.LIST_END),
  EXCEPT(Role.LIST_END),
  MINUS(Role.LIST_END),
  RETURNING(Role.LIST_END),
  SET(Role.LIST_END),
  WHEN(Role.LIST_END),
  THEN(Role.LIST_END),
  QUALIFY(Role.LIST_END),
  CONNECT(Role.LIST_END),
  OUTPUT(Role.LIST_END),
  DEFAULT(Role.LIST_END),
  DUPLICATE(Role.LIST_END),
  CONFLICT(Role.LIST_END),
  DO(Role.LIST_END),
  LOCK(Role.LIST_END),
  OPTION(Role.LIST_END),
  // between a DML verb and its table
  LOW_PRIORITY(Role.DML_MODIFIER),
  HIGH_PRIORITY(Role.DML_MODIFIER),
  DELAYED(Role.DML_MODIFIER),
  IGNORE(Role.DML_MODIFIER),
  QUICK(Role.DML_MODIFIER),
  OR(Role.DML_MODIFIER | Role.DDL_MODIFIER),
  ROLLBACK(Role.DML_MODIFIER),
  ABORT(Role.DML_MODIFIER),
  FAIL(Role.DML_MODIFIER),
  TOP(Role.DML_MODIFIER),
  // between CREATE, DROP or ALTER and the kind of object
  UNIQUE(Role.DDL_MODIFIER),
  TEMP(Role.DDL_MODIFIER),
  TEMPORARY(Role.DDL_MODIFIER),
  VIRTUAL(Role.DDL_MODIFIER),
  GLOBAL(Role.DDL_MODIFIER),
  LOCAL(Role.DDL_MODIFIER),
  UNLOGGED(Role.DDL_MODIFIER),
  MEMORY(Role.DDL_MODIFIER),
  CACHED(Role.DDL_MODIFIER),
  EXTERNAL(Role.DDL_MODIFIER),
  FORCE(Role.DDL_MODIFIER),
  ONLINE(Role.DDL_MODIFIER),
  OFFLINE(Role.DDL_MODIFIER),
  MATERIALIZED(Role.DDL_MODIFIER),
  FULLTEXT(Role.DDL_MODIFIER),
  SPATIAL(Role.DDL_MODIFIER),
  CLUSTERED(Role.DDL_MODIFIER),
  NONCLUSTERED(Role.DDL_MODIFIER),
  BITMAP(Role.DDL_MODIFIER),
  PUBLIC(Role.DDL_MODIFIER),
  // after the kind of object, and after INTO
  IF,
  NOT,
  EXISTS,
  CONCURRENTLY,
  INDEX,
  VIEW,
  OUTFILE,
  DUMPFILE;

  /** Bits of {@link #roles}. */
  static final class Role {
    /** Ends a FROM list (or an UPDATE's table list) at its depth. */
    static final int LIST_END = 1;

    /** Starts a nested statement after {@code (} or a CTE's {@code )}. */
    static final int NESTED_VERB = 2;

    /** May stand between a DML verb and its table. */
    static final int DML_MODIFIER = 4;

    /** May stand between CREATE, DROP or ALTER and the kind of object. */
    static final int DDL_MODIFIER = 8;

    private Role() {}
  }

  private static final SummaryKeyword[] SLOTS = new SummaryKeyword[512];

  static {
    for (SummaryKeyword keyword : values()) {
      int hash = 0;
      for (int i = 0; i < keyword.word.length(); i++) {
        hash = step(hash, keyword.word.charAt(i));
      }
      int slot = slot(hash);
      while (SLOTS[slot] != null) {
        slot = (slot + 1) & (SLOTS.length - 1);
      }
      SLOTS[slot] = keyword;
    }
  }

  private final String word;
  private final int roles;

  SummaryKeyword() {
    this(0);
  }

  SummaryKeyword(int roles) {
    this.word = name().toLowerCase(Locale.ROOT);
    this.roles = roles;
  }

  boolean is(int role) {
    return (roles & role) != 0;
  }

  /** Words no keyword is longer than. */
  static final int MAX_LENGTH = 13;

  /**
   * One step of the case-insensitive hash of a word of ASCII letters and {@code _}, the only
   * characters keywords have: {@code hash = step(hash, c)} for each character.
   */
  static int step(int hash, char c) {
    return 31 * hash + (c | 0x20);
  }

  /**
   * The keyword {@code text[start, end)} is, ignoring case, given its {@link #step} hash; null if
   * none. The caller has checked that the word is ASCII letters and {@code _}, at most {@link
   * #MAX_LENGTH} long.
   */
  static SummaryKeyword find(char[] text, int start, int end, int hash) {
    int slot = slot(hash);
    SummaryKeyword keyword;
    while ((keyword = SLOTS[slot]) != null) {
      if (keyword.matches(text, start, end)) {
        return keyword;
      }
      slot = (slot + 1) & (SLOTS.length - 1);
    }
    return null;
  }

  private boolean matches(char[] text, int start, int end) {
    if (end - start != word.length()) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if ((text[start + i] | 0x20) != (word.charAt(i) | 0x20)) {
        return false;
      }
    }
    return true;
  }

  private static int slot(int hash) {
    return (hash ^ (hash >>> 9)) & (SLOTS.length - 1);
  }
}

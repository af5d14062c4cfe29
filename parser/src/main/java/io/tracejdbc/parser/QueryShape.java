package io.tracejdbc.parser;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What {@link FirstTableFinder}'s walk needs of a query, as the fast tier reads it: per SELECT of a
 * set operation, its FROM items in order, each a table name or a nested query.
 */
final class QueryShape {
  /** A possibly qualified, possibly quoted name, as written. */
  static final class Name {
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

  /** Per SELECT: its FROM items, each a {@link Name} or a {@link QueryShape}. */
  final List<List<Object>> selects = new ArrayList<>();

  /**
   * The first table as {@link FirstTableFinder} finds it: the first FROM item that gives one; a
   * name of a common table expression (of {@code ctes}, by lower-case unquoted name) leads into it,
   * once.
   */
  Name firstTable(Map<String, QueryShape> ctes) {
    return firstTable(this, ctes, new HashSet<>());
  }

  private static Name firstTable(
      QueryShape query, Map<String, QueryShape> ctes, Set<String> entered) {
    for (List<Object> items : query.selects) {
      for (Object item : items) {
        Name table =
            item instanceof QueryShape
                ? firstTable((QueryShape) item, ctes, entered)
                : cte((Name) item, ctes, entered);
        if (table != null) {
          return table;
        }
      }
    }
    return null;
  }

  private static Name cte(Name name, Map<String, QueryShape> ctes, Set<String> entered) {
    String key = name.qualified ? null : Identifiers.unquote(name.written).toLowerCase(Locale.ROOT);
    if (key == null || !ctes.containsKey(key)) {
      return name;
    }
    return entered.add(key) ? firstTable(ctes.get(key), ctes, entered) : null;
  }
}

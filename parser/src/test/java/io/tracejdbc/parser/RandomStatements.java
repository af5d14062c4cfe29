package io.tracejdbc.parser;

import java.util.Random;

/**
 * Random statements of the kinds applications run, as ORMs and people write them: selects with
 * joins, subqueries, common table expressions, set operations and pagination; inserts, updates,
 * deletes and merges in their dialects' forms; calls, DDL and transaction control. Seeded, so a
 * failure can be replayed.
 */
final class RandomStatements {
  private static final String[] TABLES = {
    "users", "orders", "order_lines", "book", "author", "\"PUBLIC\".\"BOOK\"", "\"AUTHOR\"",
    "`shop`.`orders`", "public.users", "s.t.u", "Events", "\"order\"", "dual", "kv"
  };
  private static final String[] COLUMNS = {
    "id",
    "name",
    "email",
    "total",
    "created_at",
    "status",
    "\"TITLE\"",
    "`qty`",
    "version",
    "author_id",
    "user_id"
  };
  private static final String[] ALIASES = {"u", "o", "b1_0", "a1_0", "x", "t2", "\"q\"", "sub"};
  private static final String[] FUNCTIONS = {"lower", "upper", "coalesce", "max", "count", "abs"};

  private final Random random;
  private int depth;

  RandomStatements(long seed) {
    this.random = new Random(seed);
  }

  String next() {
    depth = 0;
    String sql;
    switch (random.nextInt(20)) {
      case 0:
      case 1:
      case 2:
      case 3:
      case 4:
      case 5:
        sql = select();
        break;
      case 6:
        sql = withSelect();
        break;
      case 7:
        sql = select() + " " + pick("UNION", "UNION ALL", "EXCEPT", "INTERSECT") + " " + select();
        break;
      case 8:
      case 9:
        sql = insert();
        break;
      case 10:
      case 11:
        sql = update();
        break;
      case 12:
        sql = delete();
        break;
      case 13:
        sql = merge();
        break;
      case 14:
        sql = pick("CALL p(?, ?)", "{call refresh(?)}", "{? = call next_id(?)}", "call p()");
        break;
      case 15:
      case 16:
        sql = ddl();
        break;
      case 17:
        sql =
            pick(
                "COMMIT",
                "ROLLBACK",
                "SAVEPOINT sp1",
                "RELEASE SAVEPOINT sp1",
                "BEGIN",
                "START TRANSACTION",
                "SET search_path TO a, b",
                "SET x = ?",
                "ROLLBACK TO SAVEPOINT s",
                "SET TIME ZONE 'UTC'",
                "begin transaction",
                "commit work");
        break;
      default:
        sql = "WITH s AS (" + select() + ") " + pick(update(), delete(), insert());
    }
    return random.nextInt(4) == 0 ? sql.toLowerCase() : sql;
  }

  private String select() {
    depth++;
    StringBuilder sql = new StringBuilder("SELECT ");
    if (random.nextInt(6) == 0) {
      sql.append(pick("DISTINCT ", "ALL ", "TOP 10 ", "DISTINCT ON (id) "));
    }
    sql.append(selectList());
    if (random.nextInt(8) != 0) {
      sql.append(" FROM ").append(fromList());
    }
    if (random.nextBoolean()) {
      sql.append(" WHERE ").append(condition());
    }
    if (random.nextInt(5) == 0) {
      sql.append(" GROUP BY ").append(column());
      if (random.nextBoolean()) {
        sql.append(" HAVING count(*) > ?");
      }
    }
    if (random.nextInt(3) == 0) {
      sql.append(" ORDER BY ").append(column()).append(pick("", " DESC", " ASC NULLS LAST"));
    }
    if (random.nextInt(3) == 0) {
      sql.append(
          pick(
              " LIMIT ?",
              " LIMIT ? OFFSET ?",
              " OFFSET ? ROWS FETCH FIRST ? ROWS ONLY",
              " LIMIT 10",
              " FETCH NEXT 5 ROWS ONLY",
              " LIMIT ?, ?"));
    }
    if (depth == 1 && random.nextInt(8) == 0) {
      sql.append(
          pick(
              " FOR UPDATE",
              " FOR UPDATE SKIP LOCKED",
              " FOR SHARE",
              " FOR UPDATE NOWAIT",
              " FOR UPDATE OF x"));
    }
    depth--;
    return sql.toString();
  }

  private String withSelect() {
    String first = pick("recent", "\"a\"", "cte", "r");
    StringBuilder sql = new StringBuilder("WITH ");
    if (random.nextInt(4) == 0) {
      sql.append("RECURSIVE ")
          .append(first)
          .append("(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM ")
          .append(first)
          .append(" WHERE n < 10)");
    } else {
      sql.append(first).append(" AS (").append(select()).append(')');
    }
    if (random.nextBoolean()) {
      sql.append(", second AS (SELECT * FROM ")
          .append(first)
          .append(" JOIN ")
          .append(table())
          .append(" ON true)");
      first = pick(first, "second");
    }
    sql.append(" SELECT * FROM ").append(pick(first, table()));
    if (random.nextBoolean()) {
      sql.append(" JOIN ").append(pick(first, table())).append(" j ON j.id = ").append(column());
    }
    if (random.nextBoolean()) {
      sql.append(" WHERE ").append(condition());
    }
    return sql.toString();
  }

  private String selectList() {
    StringBuilder list = new StringBuilder();
    for (int n = 1 + random.nextInt(3); n > 0; n--) {
      if (list.length() > 0) {
        list.append(random.nextBoolean() ? ", " : ",");
      }
      switch (random.nextInt(8)) {
        case 0:
          list.append('*');
          break;
        case 1:
          list.append(pick(FUNCTIONS)).append('(').append(column()).append(')');
          break;
        case 2:
          list.append(depth < 2 ? "(" + select() + ")" : "?").append(" AS sub");
          break;
        case 3:
          list.append("CASE WHEN ").append(condition()).append(" THEN ? ELSE 'x' END");
          break;
        case 4:
          list.append(pick(ALIASES)).append('.').append(pick(COLUMNS));
          break;
        default:
          list.append(column()).append(pick("", " AS n", " total"));
      }
    }
    return list.toString();
  }

  private String fromList() {
    StringBuilder from = new StringBuilder(fromItem());
    for (int n = random.nextInt(3); n > 0; n--) {
      if (random.nextInt(4) == 0) {
        from.append(", ").append(fromItem());
      } else {
        String join =
            pick(
                "JOIN",
                "INNER JOIN",
                "LEFT JOIN",
                "LEFT OUTER JOIN",
                "RIGHT JOIN",
                "CROSS JOIN",
                "FULL OUTER JOIN",
                "NATURAL JOIN");
        from.append(' ').append(join).append(' ').append(fromItem());
        if (!join.startsWith("CROSS") && !join.startsWith("NATURAL")) {
          from.append(random.nextInt(5) == 0 ? " USING (id)" : " ON " + condition());
        }
      }
    }
    return from.toString();
  }

  private String fromItem() {
    if (depth < 2 && random.nextInt(6) == 0) {
      return "(" + select() + ") " + pick(ALIASES);
    }
    return table() + pick("", " " + pick(ALIASES), " AS " + pick(ALIASES), "");
  }

  private String condition() {
    switch (random.nextInt(12)) {
      case 0:
        return column() + " IN (?, ?, ?)";
      case 1:
        return depth < 2 ? column() + " IN (" + select() + ")" : column() + " = ?";
      case 2:
        return depth < 2 ? "EXISTS (" + select() + ")" : "true";
      case 3:
        return column() + " = ? AND " + condition();
      case 4:
        return "(" + condition() + " OR " + column() + " IS NULL)";
      case 5:
        return column() + " LIKE ? ESCAPE '!'";
      case 6:
        return column() + " BETWEEN 1 AND 10";
      case 7:
        return depth < 2 ? column() + " = (" + select() + ")" : column() + " <> ?";
      case 8:
        return pick(FUNCTIONS) + "(" + column() + ") >= -5.5";
      case 9:
        return column() + " = :name";
      default:
        return column()
            + pick(" = ?", " <> ?", " < 42", " = 'bob'", " >= now() - interval '1 day'");
    }
  }

  private String insert() {
    StringBuilder sql =
        new StringBuilder(
            pick(
                "INSERT INTO ",
                "INSERT INTO ",
                "INSERT IGNORE INTO ",
                "REPLACE INTO ",
                "insert into "));
    sql.append(table());
    if (random.nextInt(5) == 0) {
      return sql.append(random.nextBoolean() ? " DEFAULT VALUES" : " SET name = ?").toString();
    }
    sql.append(" (").append(pick(COLUMNS)).append(", ").append(pick(COLUMNS)).append(')');
    if (random.nextInt(4) == 0) {
      sql.append(' ').append(select());
    } else {
      sql.append(" VALUES (?, ")
          .append(pick("?", "'x'", "42", "(SELECT max(id) FROM users)"))
          .append(')');
      for (int n = random.nextInt(3); n > 0; n--) {
        sql.append(", (?, ?)");
      }
      sql.append(
          pick(
              "",
              "",
              " ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name",
              " ON CONFLICT DO NOTHING",
              " ON DUPLICATE KEY UPDATE name = VALUES(name)"));
    }
    if (random.nextInt(4) == 0) {
      sql.append(" RETURNING id");
    }
    return sql.toString();
  }

  private String update() {
    StringBuilder sql = new StringBuilder("UPDATE ").append(table());
    sql.append(pick("", " u", " AS x")).append(" SET ").append(pick(COLUMNS)).append(" = ?");
    if (random.nextBoolean()) {
      sql.append(", ")
          .append(pick(COLUMNS))
          .append(" = ")
          .append(depth < 2 ? "(" + select() + ")" : "version + 1");
    }
    if (random.nextInt(4) == 0) {
      sql.append(" FROM ").append(fromList());
    }
    if (random.nextInt(4) != 0) {
      sql.append(" WHERE ").append(condition());
    }
    if (random.nextInt(5) == 0) {
      sql.append(" RETURNING ").append(pick(COLUMNS));
    }
    return sql.toString();
  }

  private String delete() {
    StringBuilder sql = new StringBuilder("DELETE FROM ").append(table()).append(pick("", " d"));
    if (random.nextInt(5) == 0) {
      sql.append(" USING ").append(fromList());
    }
    if (random.nextInt(4) != 0) {
      sql.append(" WHERE ").append(condition());
    }
    if (random.nextInt(5) == 0) {
      sql.append(pick(" RETURNING *", " ORDER BY id LIMIT 10"));
    }
    return sql.toString();
  }

  private String merge() {
    return "MERGE INTO "
        + table()
        + " t USING "
        + (random.nextBoolean() ? table() : "(" + select() + ")")
        + " s ON (t.id = s.id)"
        + " WHEN MATCHED THEN UPDATE SET name = s.name"
        + " WHEN NOT MATCHED THEN INSERT (id, name) VALUES (s.id, s.name)";
  }

  private String ddl() {
    String table = table();
    switch (random.nextInt(9)) {
      case 0:
        return "CREATE TABLE "
            + pick("", "IF NOT EXISTS ")
            + table
            + " (id BIGINT NOT NULL, name VARCHAR(255), PRIMARY KEY (id))";
      case 1:
        return "create table "
            + table
            + " (id bigint, author_id bigint, foreign key (author_id)"
            + " references author)";
      case 2:
        return "CREATE " + pick("", "UNIQUE ") + "INDEX idx_a ON " + table + " (name)";
      case 3:
        return "DROP TABLE " + pick("", "IF EXISTS ") + table + pick("", " CASCADE");
      case 4:
        return "DROP " + pick("INDEX idx_a", "SEQUENCE seq_a", "VIEW v_a");
      case 5:
        return "ALTER TABLE "
            + table
            + pick(
                " ADD COLUMN age INT",
                " DROP COLUMN age",
                " RENAME TO people",
                " ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES author (id)");
      case 6:
        return "TRUNCATE " + pick("", "TABLE ") + table + pick("", ", orders", " RESTART IDENTITY");
      case 7:
        return "CREATE TEMP TABLE " + table + " (x INT)";
      default:
        return "CREATE VIEW v AS SELECT * FROM " + table;
    }
  }

  private String table() {
    return pick(TABLES);
  }

  private String column() {
    return random.nextBoolean() ? pick(COLUMNS) : pick(ALIASES) + "." + pick(COLUMNS);
  }

  private String pick(String... options) {
    return options[random.nextInt(options.length)];
  }
}

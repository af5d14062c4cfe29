package io.tracejdbc.parser;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.DescribeStatement;
import net.sf.jsqlparser.statement.ExplainStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.analyze.Analyze;
import net.sf.jsqlparser.statement.comment.Comment;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.lock.LockStatement;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.refresh.RefreshMaterializedViewStatement;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.TableStatement;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;

/**
 * Finds the first table a parsed statement touches: the target of a write or DDL statement, else
 * the first table of the first FROM clause. A reference to a CTE leads into the CTE's own query.
 * One instance per statement (it remembers the CTEs it has seen).
 */
final class FirstTableFinder {
  private final Map<String, Select> ctes = new HashMap<>();
  private final Set<String> ctesEntered = new HashSet<>();

  private FirstTableFinder() {}

  /**
   * The first table as JSqlParser holds it (quotes and all), or {@code null} when there is none.
   */
  static Table find(Statement statement) {
    return new FirstTableFinder().statement(statement);
  }

  private Table statement(Statement statement) {
    if (statement instanceof Select) {
      return select((Select) statement);
    }
    if (statement instanceof Insert) {
      return ((Insert) statement).getTable();
    }
    if (statement instanceof Update) {
      return ((Update) statement).getTable();
    }
    if (statement instanceof Delete) {
      Delete delete = (Delete) statement;
      return delete.getTable() != null ? delete.getTable() : first(delete.getTables());
    }
    if (statement instanceof Merge) {
      return ((Merge) statement).getTable();
    }
    if (statement instanceof Upsert) {
      return ((Upsert) statement).getTable();
    }
    if (statement instanceof CreateTable) {
      return ((CreateTable) statement).getTable();
    }
    if (statement instanceof CreateView) {
      return ((CreateView) statement).getView();
    }
    if (statement instanceof CreateIndex) {
      return ((CreateIndex) statement).getTable();
    }
    if (statement instanceof Alter) {
      return ((Alter) statement).getTable();
    }
    if (statement instanceof Drop) {
      return drop((Drop) statement);
    }
    if (statement instanceof Truncate) {
      Truncate truncate = (Truncate) statement;
      Table first = first(truncate.getTables());
      return first != null ? first : truncate.getTable();
    }
    if (statement instanceof Comment) {
      return ((Comment) statement).getTable();
    }
    if (statement instanceof Analyze) {
      return ((Analyze) statement).getTable();
    }
    if (statement instanceof DescribeStatement) {
      return ((DescribeStatement) statement).getTable();
    }
    if (statement instanceof LockStatement) {
      return ((LockStatement) statement).getTable();
    }
    if (statement instanceof RefreshMaterializedViewStatement) {
      return ((RefreshMaterializedViewStatement) statement).getView();
    }
    if (statement instanceof ExplainStatement) {
      Statement explained = ((ExplainStatement) statement).getStatement();
      return explained == null ? null : statement(explained);
    }
    return null;
  }

  /** Tables and views are tables here; indexes, sequences, schemas and the like are not. */
  private static Table drop(Drop drop) {
    String type = drop.getType() == null ? "" : drop.getType().toUpperCase(Locale.ROOT);
    return type.equals("TABLE") || type.endsWith("VIEW") ? drop.getName() : null;
  }

  private Table select(Select select) {
    List<WithItem<?>> withItems = select.getWithItemsList();
    if (withItems != null) {
      for (WithItem<?> item : withItems) {
        if (item.getAlias() != null && item.getSelect() != null) {
          ctes.put(cteKey(item.getAlias().getName()), item.getSelect());
        }
      }
    }
    if (select instanceof PlainSelect) {
      PlainSelect plain = (PlainSelect) select;
      Table table = fromItem(plain.getFromItem());
      return table != null ? table : joins(plain.getJoins());
    }
    if (select instanceof SetOperationList) {
      for (Select part : ((SetOperationList) select).getSelects()) {
        Table table = select(part);
        if (table != null) {
          return table;
        }
      }
      return null;
    }
    if (select instanceof ParenthesedSelect) {
      return select(((ParenthesedSelect) select).getSelect());
    }
    if (select instanceof TableStatement) {
      return ((TableStatement) select).getTable();
    }
    return null;
  }

  private Table fromItem(FromItem item) {
    if (item instanceof Table) {
      Table table = (Table) item;
      String key = cteKey(table.getName());
      if (table.getSchemaName() != null || !ctes.containsKey(key)) {
        return table;
      }
      return ctesEntered.add(key) ? select(ctes.get(key)) : null;
    }
    if (item instanceof ParenthesedSelect) {
      return select(((ParenthesedSelect) item).getSelect());
    }
    if (item instanceof ParenthesedFromItem) {
      ParenthesedFromItem parenthesed = (ParenthesedFromItem) item;
      Table table = fromItem(parenthesed.getFromItem());
      return table != null ? table : joins(parenthesed.getJoins());
    }
    return null;
  }

  private Table joins(List<Join> joins) {
    if (joins != null) {
      for (Join join : joins) {
        Table table = fromItem(join.getFromItem());
        if (table != null) {
          return table;
        }
      }
    }
    return null;
  }

  private static <T> T first(List<T> list) {
    return list == null || list.isEmpty() ? null : list.get(0);
  }

  private static String cteKey(String name) {
    return Identifiers.unquote(name).toLowerCase(Locale.ROOT);
  }
}

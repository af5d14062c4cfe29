package io.tracejdbc.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * The tables of a parsed statement, unquoted: the first one (from {@link FirstTableFinder}), then
 * the others JSqlParser's {@link TablesNamesFinder} reports, in alphabetical order (it reports them
 * in no useful one), without repeats.
 */
final class StatementTables {
  private StatementTables() {}

  static List<String> of(Statement statement) {
    Set<String> others = new TreeSet<>();
    if (readsOrWritesRows(statement)) {
      for (String table : othersOrNone(statement)) {
        others.add(Identifiers.unquote(table));
      }
    }
    List<String> tables = new ArrayList<>(others.size() + 1);
    Table first = FirstTableFinder.find(statement);
    if (first != null) {
      String name = Identifiers.unquote(first.getFullyQualifiedName());
      tables.add(name);
      others.remove(name);
    }
    tables.addAll(others);
    return tables;
  }

  /**
   * The statements whose every table name {@link TablesNamesFinder} reports is a table; on others
   * it also names indexes, sequences or grantees, or throws.
   */
  private static boolean readsOrWritesRows(Statement statement) {
    return statement instanceof Select
        || statement instanceof Insert
        || statement instanceof Update
        || statement instanceof Delete
        || statement instanceof Merge
        || statement instanceof Upsert
        || statement instanceof CreateTable
        || statement instanceof CreateView
        || statement instanceof Alter;
  }

  private static List<String> othersOrNone(Statement statement) {
    try {
      return new TablesNamesFinder<>().getTableList(statement);
    } catch (LinkageError e) {
      throw e;
    } catch (Throwable e) {
      return List.of();
    }
  }
}

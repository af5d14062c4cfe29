package io.tracejdbc.parser;

import java.util.Map;
import net.sf.jsqlparser.statement.Commit;
import net.sf.jsqlparser.statement.CreateFunctionalStatement;
import net.sf.jsqlparser.statement.DeclareStatement;
import net.sf.jsqlparser.statement.DescribeStatement;
import net.sf.jsqlparser.statement.DoStatement;
import net.sf.jsqlparser.statement.ExplainStatement;
import net.sf.jsqlparser.statement.PurgeStatement;
import net.sf.jsqlparser.statement.ResetStatement;
import net.sf.jsqlparser.statement.RollbackStatement;
import net.sf.jsqlparser.statement.SavepointStatement;
import net.sf.jsqlparser.statement.SetStatement;
import net.sf.jsqlparser.statement.ShowColumnsStatement;
import net.sf.jsqlparser.statement.ShowStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UseStatement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterSession;
import net.sf.jsqlparser.statement.alter.AlterSystemStatement;
import net.sf.jsqlparser.statement.alter.AlterType;
import net.sf.jsqlparser.statement.alter.RenameTableStatement;
import net.sf.jsqlparser.statement.alter.sequence.AlterSequence;
import net.sf.jsqlparser.statement.analyze.Analyze;
import net.sf.jsqlparser.statement.comment.Comment;
import net.sf.jsqlparser.statement.create.database.CreateDatabase;
import net.sf.jsqlparser.statement.create.domain.CreateDomain;
import net.sf.jsqlparser.statement.create.extension.CreateExtension;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.policy.CreatePolicy;
import net.sf.jsqlparser.statement.create.schema.CreateSchema;
import net.sf.jsqlparser.statement.create.sequence.CreateSequence;
import net.sf.jsqlparser.statement.create.synonym.CreateSynonym;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.trigger.CreateTrigger;
import net.sf.jsqlparser.statement.create.type.CreateType;
import net.sf.jsqlparser.statement.create.user.CreateUser;
import net.sf.jsqlparser.statement.create.view.AlterView;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.delete.ParenthesedDelete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.execute.Execute;
import net.sf.jsqlparser.statement.grant.Grant;
import net.sf.jsqlparser.statement.grant.Revoke;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.insert.ParenthesedInsert;
import net.sf.jsqlparser.statement.lock.LockStatement;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.refresh.RefreshMaterializedViewStatement;
import net.sf.jsqlparser.statement.role.AlterRole;
import net.sf.jsqlparser.statement.role.CreateRole;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.show.ShowIndexStatement;
import net.sf.jsqlparser.statement.show.ShowTablesStatement;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.ParenthesedUpdate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;

/**
 * The operation name of a statement JSqlParser has read: its kind, lower case, words joined by
 * {@code -}.
 */
final class StatementNames {
  private static final Map<Class<? extends Statement>, String> NAMES =
      Map.ofEntries(
          Map.entry(Values.class, "values"),
          Map.entry(Insert.class, "insert"),
          Map.entry(ParenthesedInsert.class, "insert"),
          Map.entry(Update.class, "update"),
          Map.entry(ParenthesedUpdate.class, "update"),
          Map.entry(Delete.class, "delete"),
          Map.entry(ParenthesedDelete.class, "delete"),
          Map.entry(Merge.class, "merge"),
          Map.entry(Truncate.class, "truncate"),
          Map.entry(CreateTable.class, "create-table"),
          Map.entry(CreateIndex.class, "create-index"),
          Map.entry(CreateSequence.class, "create-sequence"),
          Map.entry(CreateSchema.class, "create-schema"),
          Map.entry(CreateTrigger.class, "create-trigger"),
          Map.entry(CreateDatabase.class, "create-database"),
          Map.entry(CreateDomain.class, "create-domain"),
          Map.entry(CreateExtension.class, "create-extension"),
          Map.entry(CreatePolicy.class, "create-policy"),
          Map.entry(CreateSynonym.class, "create-synonym"),
          Map.entry(CreateType.class, "create-type"),
          Map.entry(CreateUser.class, "create-user"),
          Map.entry(CreateRole.class, "create-role"),
          Map.entry(Alter.class, "alter-table"),
          Map.entry(AlterView.class, "alter-view"),
          Map.entry(AlterSequence.class, "alter-sequence"),
          Map.entry(AlterSession.class, "alter-session"),
          Map.entry(AlterSystemStatement.class, "alter-system"),
          Map.entry(AlterType.class, "alter-type"),
          Map.entry(AlterRole.class, "alter-role"),
          Map.entry(RenameTableStatement.class, "rename-table"),
          Map.entry(Commit.class, "commit"),
          Map.entry(RollbackStatement.class, "rollback"),
          Map.entry(SavepointStatement.class, "savepoint"),
          Map.entry(SetStatement.class, "set"),
          Map.entry(ResetStatement.class, "reset"),
          Map.entry(ShowStatement.class, "show"),
          Map.entry(ShowColumnsStatement.class, "show"),
          Map.entry(ShowTablesStatement.class, "show"),
          Map.entry(ShowIndexStatement.class, "show"),
          Map.entry(UseStatement.class, "use"),
          Map.entry(ExplainStatement.class, "explain"),
          Map.entry(DescribeStatement.class, "describe"),
          Map.entry(Grant.class, "grant"),
          Map.entry(Revoke.class, "revoke"),
          Map.entry(Comment.class, "comment"),
          Map.entry(Analyze.class, "analyze"),
          Map.entry(LockStatement.class, "lock"),
          Map.entry(RefreshMaterializedViewStatement.class, "refresh"),
          Map.entry(DeclareStatement.class, "declare"),
          Map.entry(DoStatement.class, "do"),
          Map.entry(PurgeStatement.class, "purge"));

  private StatementNames() {}

  /** The operation name, or {@code null} for a kind this class does not name. */
  static String of(Statement statement) {
    String name = NAMES.get(statement.getClass());
    if (name != null) {
      return name;
    }
    if (statement instanceof Select) {
      return "select";
    }
    if (statement instanceof Upsert) {
      return upsert((Upsert) statement);
    }
    if (statement instanceof Drop) {
      Drop drop = (Drop) statement;
      return withKind("drop", (drop.isMaterialized() ? "materialized " : "") + drop.getType());
    }
    if (statement instanceof CreateView) {
      return ((CreateView) statement).isMaterialized() ? "create-materialized-view" : "create-view";
    }
    if (statement instanceof CreateFunctionalStatement) {
      return withKind("create", ((CreateFunctionalStatement) statement).getKind());
    }
    if (statement instanceof Execute) {
      return ((Execute) statement).getExecType() == Execute.ExecType.CALL ? "call" : "execute";
    }
    return null;
  }

  /** Named for the leading keyword: SQLite's {@code INSERT OR REPLACE} is an insert. */
  private static String upsert(Upsert upsert) {
    switch (upsert.getUpsertType()) {
      case UPSERT:
        return "upsert";
      case REPLACE:
      case REPLACE_SET:
        return "replace";
      default:
        return "insert";
    }
  }

  /** {@code drop-table}, or just {@code drop} for a kind of object outside the fixed set. */
  private static String withKind(String verb, String kindWords) {
    String kind = kindWords == null ? null : KeywordClassifier.objectKind(kindWords);
    return kind == null ? verb : verb + "-" + kind;
  }
}

package io.tracejdbc.benchmarks;

import io.tracejdbc.parser.SqlClassifier;
import io.tracejdbc.parser.SqlInfo;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The classifier alone, on statements it has never seen: {@code SqlClassifier.classify} on a common
 * statement shape whose text carries a new identifier every call (a column name or alias made from
 * a counter), so neither the text nor its sanitized form was ever classified before, whatever the
 * cache holds. Each call includes building that text, one concatenation of 90 to 310 characters.
 * JSqlParser's generated parser takes thousands of parses to be compiled (tens of seconds on a busy
 * machine), hence the long warmup.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 3, time = 2)
public class FirstSightBenchmark {
  /** A statement as applications send it; {@code #} marks where the counter goes. */
  public enum Shape {
    HIBERNATE_SELECT(
        "select order0_.id as id1_3_0_, customer1_.id as id1_0_1_,"
            + " order0_.status as status4_3_0_, order0_.total as total#_3_0_,"
            + " customer1_.name as name2_0_1_ from orders order0_ inner join customers customer1_"
            + " on order0_.customer_id=customer1_.id where order0_.status=?"
            + " order by order0_.created_at desc limit ? offset ?"),
    INSERT(
        "insert into order_lines (discount, order_id, product_id, quantity, unit_price, note_#,"
            + " id) values (?, ?, ?, ?, ?, ?, ?)"),
    UPDATE(
        "update orders set customer_id=?, status=?, total=?, updated_by_#=?, version=?"
            + " where id=? and version=?"),
    DELETE(
        "delete from order_lines where order_id=? and product_#_id in (?, ?, ?)"
            + " and created_at < ?"),
    CTE_SELECT(
        "with recent_orders as (select o.customer_id, count(*) as orders_#,"
            + " sum(o.total) as spent from orders o where o.created_at > ? group by o.customer_id)"
            + " select c.id, c.name, r.spent from customers c join recent_orders r"
            + " on r.customer_id = c.id order by r.spent desc limit ?"),
    INSERT_ON_CONFLICT(
        "insert into inventory (sku, warehouse_id, quantity, reserved_#)"
            + " values (?, ?, ?, ?) on conflict (sku, warehouse_id)"
            + " do update set quantity = inventory.quantity + excluded.quantity"),
    JOOQ_SELECT(
        "select \"public\".\"book\".\"id\", \"public\".\"book\".\"title\" as \"alias_#\","
            + " \"public\".\"author\".\"last_name\" from \"public\".\"book\" join \"public\".\"author\""
            + " on \"public\".\"book\".\"author_id\" = \"public\".\"author\".\"id\""
            + " where \"public\".\"book\".\"published_in\" > ? order by \"public\".\"book\".\"id\""
            + " offset ? rows fetch next ? rows only"),
    CORRELATED_SUBQUERY(
        "select c.id, c.name, (select max(o.created_at) from orders o"
            + " where o.customer_id = c.id and o.status <> ?) as last_order_# from customers c"
            + " where c.region = ? and exists (select 1 from invoices i where i.customer_id = c.id)");

    final String head;
    final String tail;

    Shape(String template) {
      int mark = template.indexOf('#');
      this.head = template.substring(0, mark);
      this.tail = template.substring(mark + 1);
    }

    /** This shape with {@code unique} where its template has {@code #}. */
    String text(long unique) {
      return head + unique + tail;
    }
  }

  /** Every shape when {@code -p shape} does not say otherwise. */
  @Param public Shape shape;

  private long unique;

  /**
   * Refuses a shape whose texts would share a cache entry (the counter read as a literal) or that
   * the classifier cannot read at all: either would measure something else than a first sight.
   */
  @Setup(Level.Trial)
  public void check() {
    SqlInfo first = SqlClassifier.classify(shape.text(Long.MAX_VALUE));
    SqlInfo second = SqlClassifier.classify(shape.text(Long.MAX_VALUE - 1));
    if (first.sanitizedSql().equals(second.sanitizedSql())) {
      throw new IllegalStateException(
          shape + ": the counter does not change the sanitized text " + first.sanitizedSql());
    }
    if (first.operation().equals("textclause")) {
      throw new IllegalStateException(
          shape + ": the classifier cannot read " + shape.text(Long.MAX_VALUE));
    }
  }

  @Benchmark
  public SqlInfo classify() {
    return SqlClassifier.classify(shape.text(unique++));
  }
}

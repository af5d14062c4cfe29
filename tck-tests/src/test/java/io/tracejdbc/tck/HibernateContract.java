package io.tracejdbc.tck;

import static io.tracejdbc.tck.Traces.isChildOf;
import static io.tracejdbc.tck.Traces.named;
import static io.tracejdbc.tck.Traces.operations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentracing.mock.MockSpan;
import io.opentracing.mock.MockTracer;
import io.tracejdbc.driver.TracingDriver;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hibernate ORM over a {@code jdbc:tracing:} URL: the seed's "Tracing under a Session", where the
 * session's connection carries the parent until the transaction ends.
 */
abstract class HibernateContract {
  final MockTracer tracer = new MockTracer();
  Database db;
  SessionFactory sessions;

  abstract Database database();

  /** Settings this database needs beyond the URL and credentials. */
  abstract Map<String, String> settings();

  /** Removes what the run created; called after the session factory is closed. */
  abstract void cleanUp() throws Exception;

  @BeforeEach
  void buildSessionFactory() {
    db = database();
    db.assumeAvailable();
    TracingDriver.init(tracer, true, false);
    Configuration configuration =
        new Configuration()
            .addAnnotatedClass(Customer.class)
            .addAnnotatedClass(Owner.class)
            .addAnnotatedClass(Pet.class)
            .setProperty("jakarta.persistence.jdbc.url", db.tracingUrl)
            .setProperty("hibernate.connection.pool_size", "1")
            .setProperty("hibernate.hbm2ddl.auto", "create-only");
    if (db.user != null) {
      configuration
          .setProperty("jakarta.persistence.jdbc.user", db.user)
          .setProperty("jakarta.persistence.jdbc.password", db.password);
    }
    settings().forEach(configuration::setProperty);
    sessions = configuration.buildSessionFactory();
  }

  @AfterEach
  void closeSessionFactory() throws Exception {
    if (sessions != null) {
      sessions.close();
      cleanUp();
    }
  }

  @Test
  void statementsUnderASessionAreChildrenOfItsSpanUntilCommit() {
    MockSpan parent = tracer.buildSpan("request").start();
    try (Session session = sessions.openSession()) {
      Transaction transaction = session.beginTransaction();
      session.doWork(connection -> TracingDriver.setParentSpan(connection, parent));
      session.persist(new Customer(1, "ada@example.com"));
      session.persist(new Customer(2, "bob@example.com"));
      session
          .createSelectionQuery("from Customer where email = :email", Customer.class)
          .setParameter("email", "ada@example.com")
          .getSingleResult();
      transaction.commit();

      session.beginTransaction();
      session.createSelectionQuery("from Customer", Customer.class).getResultList();
      session.getTransaction().commit();
    }
    parent.finish();

    assertThat(operations(tracer))
        .containsExactly("insert", "insert", "select", "commit", "request");
    assertThat(tracer.finishedSpans().subList(0, 4)).allMatch(span -> isChildOf(span, parent));
    assertThat(named(tracer, "insert"))
        .allSatisfy(
            span ->
                assertThat((String) span.tags().get("db.sql.table"))
                    .as("the table as written, qualified when Hibernate qualifies it")
                    .endsWith("tck_customer"));
  }

  @Test
  void anIntegrityViolationIsAnErrorSpanAndRollbackEndsTracing() {
    MockSpan parent = tracer.buildSpan("request").start();
    try (Session session = sessions.openSession()) {
      Transaction transaction = session.beginTransaction();
      session.doWork(connection -> TracingDriver.setParentSpan(connection, parent));
      session.persist(new Customer(1, "ada@example.com"));
      session.persist(new Customer(2, "ada@example.com"));
      assertThatThrownBy(session::flush).isInstanceOf(PersistenceException.class);
      transaction.rollback();
    }
    parent.finish();

    assertThat(operations(tracer)).containsExactly("insert", "insert", "rollback", "request");
    MockSpan failed = named(tracer, "insert").get(1);
    assertThat(failed.tags())
        .containsEntry("error", true)
        .containsEntry("db.error_code", db.duplicateKeyErrorCode);
    assertThat(tracer.finishedSpans().subList(0, 3)).allMatch(span -> isChildOf(span, parent));
  }

  @Test
  void aLazyCollectionLoadedInALoopIsFlaggedAsAnNPlusOneQuery() {
    try (Session session = sessions.openSession()) {
      session.beginTransaction();
      for (long id = 1; id <= 6; id++) {
        Owner owner = new Owner(id, "owner " + id);
        session.persist(owner);
        session.persist(new Pet(id, owner, "pet " + id));
      }
      session.getTransaction().commit();
    }
    MockSpan parent = tracer.buildSpan("GET /owners").start();
    try (Session session = sessions.openSession()) {
      Transaction transaction = session.beginTransaction();
      session.doWork(connection -> TracingDriver.setParentSpan(connection, parent));
      List<Owner> owners =
          session.createSelectionQuery("from Owner order by id", Owner.class).getResultList();
      for (Owner owner : owners) {
        assertThat(owner.pets).hasSize(1); // one lazy load of the collection per owner
      }
      transaction.commit();
    }
    parent.finish();

    List<MockSpan> selects = named(tracer, "select");
    assertThat(selects).hasSize(7);
    assertThat(selects)
        .extracting(span -> span.tags().get("tracejdbc.n_plus_one.count"))
        .containsExactly(null, null, null, null, null, 5, 6);
    assertThat(selects.get(6).tags()).containsEntry("tracejdbc.n_plus_one", true);
    assertThat(parent.logEntries()).hasSize(1);
    Map<String, ?> event = parent.logEntries().get(0).fields();
    assertThat(event.get("event")).isEqualTo("tracejdbc.n_plus_one");
    assertThat(event.get("db.operation")).isEqualTo("select");
    assertThat(event.get("db.statement")).isEqualTo(selects.get(6).tags().get("db.statement"));
    assertThat(event.get("tracejdbc.n_plus_one.threshold")).isEqualTo(5);
  }
}

package io.tracejdbc.spring.it.app;

import java.util.List;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small Boot web application as a user writes one, with nothing of tracejdbc in it: JdbcTemplate
 * on Boot's HikariCP, schema.sql at start-up, a transaction that commits and one that rolls back.
 */
@SpringBootApplication
public class Bookshop {
  @RestController
  static class Books {
    private final JdbcTemplate jdbc;
    private final Shelves shelves;

    Books(JdbcTemplate jdbc, Shelves shelves) {
      this.jdbc = jdbc;
      this.shelves = shelves;
    }

    @GetMapping("/books")
    List<String> titles() {
      return jdbc.queryForList("SELECT title FROM sbit_books ORDER BY id", String.class);
    }

    @PostMapping("/books")
    String add(@RequestParam String title) {
      shelves.add(title);
      return "added";
    }

    @PostMapping("/books/rejected")
    String addAndFail(@RequestParam String title) {
      shelves.addAndFail(title);
      return "unreachable";
    }

    @PostMapping("/books/numbered")
    String addNumbered(@RequestParam int id, @RequestParam String title) {
      jdbc.update("INSERT INTO sbit_books (id, title) VALUES (?, ?)", id, title);
      return "added";
    }

    @ExceptionHandler({IllegalStateException.class, DataAccessException.class})
    @ResponseStatus(HttpStatus.CONFLICT)
    String rejected(RuntimeException e) {
      return e.getMessage();
    }
  }

  @Service
  static class Shelves {
    private final JdbcTemplate jdbc;

    Shelves(JdbcTemplate jdbc) {
      this.jdbc = jdbc;
    }

    @Transactional
    public void add(String title) {
      jdbc.update("INSERT INTO sbit_books (title) VALUES (?)", title);
    }

    @Transactional
    public void addAndFail(String title) {
      jdbc.update("INSERT INTO sbit_books (title) VALUES (?)", title);
      throw new IllegalStateException("the shelf is full");
    }
  }
}

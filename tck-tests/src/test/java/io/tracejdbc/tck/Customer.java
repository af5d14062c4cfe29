package io.tracejdbc.tck;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The entity of the Hibernate runs. */
@Entity
@Table(name = "tck_customer")
class Customer {
  @Id Long id;

  @Column(unique = true, nullable = false)
  String email;

  Customer() {}

  Customer(long id, String email) {
    this.id = id;
    this.email = email;
  }
}

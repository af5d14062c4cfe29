package io.tracejdbc.tck;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An owner's pet: the lazy collection's elements. */
@Entity
@Table(name = "tck_pet")
class Pet {
  @Id Long id;

  String name;

  @ManyToOne(fetch = FetchType.LAZY)
  Owner owner;

  Pet() {}

  Pet(long id, Owner owner, String name) {
    this.id = id;
    this.owner = owner;
    this.name = name;
  }
}

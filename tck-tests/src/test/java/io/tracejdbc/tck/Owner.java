package io.tracejdbc.tck;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** An entity with a lazy collection, the source of N+1 queries. */
@Entity
@Table(name = "tck_owner")
class Owner {
  @Id Long id;

  String name;

  @OneToMany(mappedBy = "owner")
  List<Pet> pets = new ArrayList<>();

  Owner() {}

  Owner(long id, String name) {
    this.id = id;
    this.name = name;
  }
}

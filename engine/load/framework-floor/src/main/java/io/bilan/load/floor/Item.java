package io.bilan.load.floor;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;
import jakarta.validation.constraints.NotBlank;

/** One entity with one constraint, so that Hibernate ORM, Flyway and Hibernate Validator start as they do for the engine. */
@Entity
public class Item extends PanacheEntity {

    @NotBlank
    public String name;
}

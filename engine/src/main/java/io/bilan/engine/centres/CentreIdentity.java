package io.bilan.engine.centres;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** What a centre prints on the documents it hands over; its counsellors as a JSON list. */
@Entity
@Table(name = "centre_identity")
public class CentreIdentity extends PanacheEntityBase {

    @Id
    public String centre;

    @Column(nullable = false)
    public String name;

    public String address;

    @Column(name = "declaration_number")
    public String declarationNumber;

    public String certification;

    /** The counsellors' names and functions, a JSON list of {@link Centres.Counsellor}. */
    @Column(nullable = false)
    public String counsellors;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}

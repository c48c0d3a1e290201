package io.bilan.engine.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Responses given to an instrument in a case, and the report they were scored into. Never changed. */
@Entity
@Table(name = "case_administration")
public class CaseAdministration extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false)
    public String caseId;

    @Column(nullable = false)
    public String phase;

    @Column(name = "instrument_id", nullable = false)
    public String instrumentId;

    @Column(nullable = false)
    public String version;

    /** The digest of the package scored with: a later score pins this very package. */
    @Column(nullable = false)
    public String digest;

    @Column(nullable = false)
    public String language;

    /** The response set as JSON. */
    @Column(nullable = false)
    public String responses;

    /** The score report as JSON. */
    @Column(nullable = false)
    public String report;

    @Column(name = "administered_by", nullable = false)
    public String administeredBy;

    @Column(name = "administered_at", nullable = false)
    public OffsetDateTime administeredAt;
}

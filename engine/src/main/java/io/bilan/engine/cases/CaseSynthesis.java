package io.bilan.engine.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The synthesis document of a case: its content as JSON and where it stands. Frozen once approved. */
@Entity
@Table(name = "case_synthesis")
public class CaseSynthesis extends PanacheEntityBase {

    @Id
    @Column(name = "case_id")
    public String caseId;

    /** {@code draft}, {@code submitted}, {@code changes-requested} or {@code approved}. */
    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public String language;

    @Column(nullable = false)
    public String content;

    /** Incremented at each edit: an approval names the revision it approves. */
    @Column(nullable = false)
    public int revision;

    @Column(name = "change_request")
    public String changeRequest;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "approved_at")
    public OffsetDateTime approvedAt;

    /** SHA-256 of the approved content. */
    public String digest;
}

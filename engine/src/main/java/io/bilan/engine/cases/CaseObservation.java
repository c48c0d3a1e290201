package io.bilan.engine.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * An observation of a case: a grid that several observers rate independently in their browsers, stored as one
 * administration once they have all submitted, or once a counsellor closes it with those who have.
 */
@Entity
@Table(name = "case_observation")
public class CaseObservation extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "case_id", nullable = false)
    public String caseId;

    @Column(name = "instrument_id", nullable = false)
    public String instrumentId;

    @Column(nullable = false)
    public String version;

    /** The language of the report stored at the end. */
    @Column(nullable = false)
    public String lang;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Column(name = "closed_by")
    public String closedBy;

    /** The administration the ratings were stored as. */
    public Long administration;

    /** {@code open} while ratings are awaited, then {@code stored} (with its administration) or {@code cancelled}. */
    String status() {
        if (administration != null) {
            return "stored";
        }
        return closedAt == null ? "open" : "cancelled";
    }

    static List<CaseObservation> ofCase(String caseId) {
        return find("caseId = ?1 order by createdAt, id", caseId).list();
    }

    /** The observation with its row locked until the transaction ends: its completion runs alone. */
    static Optional<CaseObservation> locked(String id) {
        if (id == null || id.length() > 36) {
            return Optional.empty();
        }
        // A plain FOR UPDATE, which H2 and PostgreSQL both take; then the row as the lock holder sees it.
        getEntityManager().createNativeQuery("select id from case_observation where id = ?1 for update")
                .setParameter(1, id).getResultList();
        CaseObservation found = CaseObservation.findById(id);
        if (found != null) {
            getEntityManager().refresh(found);
        }
        return Optional.ofNullable(found);
    }
}

package io.bilan.engine.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

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

    /**
     * The sections the counsellor has written, comma-separated ({@code circumstances,options}): drafting again keeps
     * them. Section names, never their text.
     */
    @Column(nullable = false)
    public String edited = "";

    /** Which of the cases have an approved synthesis, in one query. */
    static Set<String> approvedAmong(Collection<String> caseIds) {
        return new HashSet<>(getEntityManager().createQuery("select s.caseId from CaseSynthesis s where s.caseId in ?1 "
                + "and s.status = ?2", String.class).setParameter(1, caseIds).setParameter(2, "approved")
                .getResultList());
    }

    static long deleteOfCase(String caseId) {
        return delete("caseId", caseId);
    }
}

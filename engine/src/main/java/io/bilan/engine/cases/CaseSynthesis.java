package io.bilan.engine.cases;

import io.bilan.engine.persistence.PersonalData;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
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

    /** Sealed with the case's key: see {@link PersonalData}. */
    @Transient
    private final PersonalData personal = new PersonalData();

    public String getContent() {
        return personal.open(caseId, "content", content);
    }

    public void setContent(String value) {
        content = personal.seal(caseId, "content", value);
    }

    public String getChangeRequest() {
        return personal.open(caseId, "changeRequest", changeRequest);
    }

    public void setChangeRequest(String value) {
        changeRequest = personal.seal(caseId, "changeRequest", value);
    }

    public String getApprovedBy() {
        return personal.open(caseId, "approvedBy", approvedBy);
    }

    public void setApprovedBy(String value) {
        approvedBy = personal.seal(caseId, "approvedBy", value);
    }

    /** Seals the fields set before the row knew its case. */
    @PrePersist
    void sealPending() {
        content = personal.sealPending(caseId, "content", content);
        changeRequest = personal.sealPending(caseId, "changeRequest", changeRequest);
        approvedBy = personal.sealPending(caseId, "approvedBy", approvedBy);
    }

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

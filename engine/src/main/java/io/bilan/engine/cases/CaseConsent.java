package io.bilan.engine.cases;

import io.bilan.engine.persistence.PersonalData;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The beneficiary's consent to share parts of their bilan with a third party. */
@Entity
@Table(name = "case_consent")
public class CaseConsent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false)
    public String caseId;

    @Column(nullable = false)
    public String recipient;

    /** Comma-separated parts: {@code synthesis}, {@code profile}, {@code results}. */
    @Column(nullable = false)
    public String shared;

    public String purpose;

    @Column(name = "given_by", nullable = false)
    public String givenBy;

    @Column(name = "given_at", nullable = false)
    public OffsetDateTime givenAt;

    @Column(name = "withdrawn_at")
    public OffsetDateTime withdrawnAt;

    /** Sealed with the case's key: see {@link PersonalData}. */
    @Transient
    private final PersonalData personal = new PersonalData();

    public String getRecipient() {
        return personal.open(caseId, "recipient", recipient);
    }

    public void setRecipient(String value) {
        recipient = personal.seal(caseId, "recipient", value);
    }

    public String getPurpose() {
        return personal.open(caseId, "purpose", purpose);
    }

    public void setPurpose(String value) {
        purpose = personal.seal(caseId, "purpose", value);
    }

    public String getGivenBy() {
        return personal.open(caseId, "givenBy", givenBy);
    }

    public void setGivenBy(String value) {
        givenBy = personal.seal(caseId, "givenBy", value);
    }

    /** Seals the fields set before the row knew its case. */
    @PrePersist
    void sealPending() {
        givenBy = personal.sealPending(caseId, "givenBy", givenBy);
        recipient = personal.sealPending(caseId, "recipient", recipient);
        purpose = personal.sealPending(caseId, "purpose", purpose);
    }

    /** The consents of a case, oldest first. */
    static List<CaseConsent> ofCase(String caseId) {
        return find("caseId = ?1 order by id", caseId).list();
    }

    /** The consent {@code id} if it belongs to the case. */
    static Optional<CaseConsent> inCase(String caseId, long id) {
        return CaseConsent.<CaseConsent>findByIdOptional(id).filter(c -> c.caseId.equals(caseId));
    }

    static long deleteOfCase(String caseId) {
        return delete("caseId", caseId);
    }
}

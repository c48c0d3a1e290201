package io.bilan.engine.cases;

import io.bilan.engine.http.PageRequest;
import io.bilan.engine.persistence.PersonalData;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * An invitation of a case's beneficiary to answer one instrument in a browser, and the draft of their answers until
 * they submit it. Only the SHA-256 of the link's token is kept; the draft is sealed with the case's key.
 */
@Entity
@Table(name = "case_invitation")
public class CaseInvitation extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "case_id", nullable = false)
    public String caseId;

    @Column(name = "token_hash", nullable = false)
    public String tokenHash;

    @Column(name = "instrument_id", nullable = false)
    public String instrumentId;

    @Column(nullable = false)
    public String version;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;

    @Column(name = "opened_at")
    public OffsetDateTime openedAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    /** The answers saved so far, as the JSON object of a response set's {@code answers}. */
    public String draft;

    @Column(name = "draft_saved_at")
    public OffsetDateTime draftSavedAt;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    /** The administration the submitted answers were stored as. */
    public Long administration;

    @Transient
    private final PersonalData personal = new PersonalData();

    public String getDraft() {
        return personal.open(caseId, "draft", draft);
    }

    public void setDraft(String value) {
        draft = personal.seal(caseId, "draft", value);
    }

    @PrePersist
    void sealPending() {
        draft = personal.sealPending(caseId, "draft", draft);
    }

    /** Where the invitation stands at {@code now}. */
    String status(OffsetDateTime now) {
        if (submittedAt != null) {
            return "submitted";
        }
        if (revokedAt != null) {
            return "revoked";
        }
        if (openedAt != null) {
            return "opened";
        }
        return expiresAt.isAfter(now) ? "pending" : "expired";
    }

    static Optional<CaseInvitation> byTokenHash(String hash) {
        return find("tokenHash", hash).firstResultOptional();
    }

    /** The invitation with its row locked until the transaction ends: a submission runs alone. */
    static Optional<CaseInvitation> locked(String id) {
        if (id == null || id.length() > 36) {
            return Optional.empty();
        }
        // A plain FOR UPDATE, which H2 and PostgreSQL both take; then the row as the lock holder sees it.
        getEntityManager().createNativeQuery("select id from case_invitation where id = ?1 for update")
                .setParameter(1, id).getResultList();
        CaseInvitation found = CaseInvitation.findById(id);
        if (found != null) {
            getEntityManager().refresh(found);
        }
        return Optional.ofNullable(found);
    }

    static List<CaseInvitation> ofCase(String caseId) {
        return find("caseId = ?1 order by createdAt, id", caseId).list();
    }

    /** The invitations of a case after the page's cursor (created at, id), oldest first, one more than its limit. */
    static List<CaseInvitation> pageOf(String caseId, PageRequest page) {
        if (page.after() == null) {
            return find("caseId = ?1 order by createdAt, id", caseId).range(0, page.limit()).list();
        }
        return find("caseId = ?1 and (createdAt > ?2 or (createdAt = ?2 and id > ?3)) order by createdAt, id", caseId,
                page.after().instant(0), page.after().text(1)).range(0, page.limit()).list();
    }

    /** The open invitations of a case to one instrument: a new one replaces them and keeps their draft. */
    static List<CaseInvitation> openOf(String caseId, String instrumentId) {
        return find("caseId = ?1 and instrumentId = ?2 and submittedAt is null and revokedAt is null "
                + "order by createdAt", caseId, instrumentId).list();
    }
}

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
import java.util.List;
import java.util.Optional;

/**
 * One observer of an observation: their single-use link, the browser session it opened (limited to this
 * observation) and their ratings. Only the SHA-256 of the link's token and of the session's secret are kept; the
 * ratings are sealed with the case's key.
 */
@Entity
@Table(name = "case_observer")
public class CaseObserver extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "observation_id", nullable = false)
    public String observationId;

    @Column(name = "case_id", nullable = false)
    public String caseId;

    /** The observer's id in the stored answers. */
    @Column(nullable = false)
    public String observer;

    /** The observer's place in the list the counsellor gave. */
    @Column(nullable = false)
    public int position;

    @Column(name = "token_hash", nullable = false)
    public String tokenHash;

    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;

    @Column(name = "opened_at")
    public OffsetDateTime openedAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    @Column(name = "session_hash")
    public String sessionHash;

    @Column(name = "csrf_token")
    public String csrfToken;

    @Column(name = "session_expires_at")
    public OffsetDateTime sessionExpiresAt;

    /** The ratings so far as a JSON object {@code {"<criterion>": rating}}. */
    public String ratings;

    @Column(name = "saved_at")
    public OffsetDateTime savedAt;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Transient
    private final PersonalData personal = new PersonalData();

    public String getRatings() {
        return personal.open(caseId, "ratings", ratings);
    }

    public void setRatings(String value) {
        ratings = personal.seal(caseId, "ratings", value);
    }

    @PrePersist
    void sealPending() {
        ratings = personal.sealPending(caseId, "ratings", ratings);
    }

    /** Where the observer stands at {@code now}: pending, opened, submitted, revoked or expired. */
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

    static Optional<CaseObserver> byTokenHash(String hash) {
        return find("tokenHash", hash).firstResultOptional();
    }

    static Optional<CaseObserver> bySessionHash(String hash) {
        return find("sessionHash", hash).firstResultOptional();
    }

    static List<CaseObserver> ofObservation(String observationId) {
        return find("observationId = ?1 order by position", observationId).list();
    }
}

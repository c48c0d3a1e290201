package io.bilan.engine.security;

import io.bilan.engine.persistence.PersonalData;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.OffsetDateTime;

/**
 * A person's session in a browser, opened by an invitation link. Only the SHA-256 of the cookie's secret is kept; the
 * subject (who the person is for the API) is sealed with the case's key.
 */
@Entity
@Table(name = "browser_session")
public class BrowserSession extends PanacheEntityBase {

    @Id
    @Column(name = "id_hash")
    public String idHash;

    @Column(name = "case_id", nullable = false)
    public String caseId;

    @Column(nullable = false)
    public String centre;

    @Column(nullable = false)
    public String subject;

    @Column(name = "csrf_token", nullable = false)
    public String csrfToken;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;

    @Column(name = "ended_at")
    public OffsetDateTime endedAt;

    @Transient
    private final PersonalData personal = new PersonalData();

    public String getSubject() {
        return personal.open(caseId, "subject", subject);
    }

    public void setSubject(String value) {
        subject = personal.seal(caseId, "subject", value);
    }

    @PrePersist
    void sealPending() {
        subject = personal.sealPending(caseId, "subject", subject);
    }
}

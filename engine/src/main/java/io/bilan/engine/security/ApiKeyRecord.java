package io.bilan.engine.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A stored API key: its public id, the SHA-256 of its secret, and what it may do. */
@Entity
@Table(name = "api_key")
public class ApiKeyRecord extends PanacheEntityBase {

    @Id
    @Column(name = "key_id")
    public String keyId;

    @Column(name = "secret_hash", nullable = false)
    public String secretHash;

    @Column(nullable = false)
    public String name;

    /** Comma-separated roles. */
    @Column(nullable = false)
    public String roles;

    public String centre;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    /** Why it was revoked, when the engine revoked it (a beneficiary's key replaced, its case erased). */
    @Column(name = "revoked_reason")
    public String revokedReason;
}

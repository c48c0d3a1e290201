package io.bilan.engine.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A person of a centre's staff who signs in to the pages: their email, their password's hash, their roles. */
@Entity
@Table(name = "staff_account")
public class StaffAccount extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String centre;

    /** Lower-cased. */
    @Column(nullable = false)
    public String email;

    @Column(nullable = false)
    public String name;

    /** Comma-separated roles. */
    @Column(nullable = false)
    public String roles;

    /** Argon2id, in the PHC string format ({@link PasswordHash}). */
    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    /** Set with a one-time password: the person chooses their own at the next sign-in. */
    @Column(name = "must_change_password", nullable = false)
    public boolean mustChangePassword;

    @Column(name = "password_set_at", nullable = false)
    public OffsetDateTime passwordSetAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "disabled_by")
    public String disabledBy;

    @Column(name = "disabled_at")
    public OffsetDateTime disabledAt;
}

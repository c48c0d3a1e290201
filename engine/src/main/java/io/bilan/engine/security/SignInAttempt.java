package io.bilan.engine.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A sign-in attempt counting against an account ({@code account}) or a network address ({@code address}). */
@Entity
@Table(name = "sign_in_attempt")
public class SignInAttempt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String scope;

    /** A keyed hash of the email typed or of the address. */
    @Column(name = "subject_hash", nullable = false)
    public String subjectHash;

    @Column(name = "attempted_at", nullable = false)
    public OffsetDateTime attemptedAt;
}

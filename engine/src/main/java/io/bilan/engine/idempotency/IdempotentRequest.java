package io.bilan.engine.idempotency;

import io.bilan.engine.persistence.Keyring;
import io.bilan.engine.persistence.PersonalData;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.io.Serializable;
import java.time.OffsetDateTime;

/** A request made with an Idempotency-Key, and the response it got. */
@Entity
@Table(name = "idempotent_request")
public class IdempotentRequest extends PanacheEntityBase {

    @EmbeddedId
    public Id id;

    /** Method and path, e.g. {@code POST /api/v1/api-keys}: a key belongs to one operation. */
    @Column(nullable = false)
    public String operation;

    /** SHA-256 of the body: the same key with another body is a client error, not a retry. */
    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(nullable = false)
    public int status;

    public String location;

    /** The response body as JSON, without what must not be kept (a new key's secret). */
    public byte[] body;

    /** What the response belongs to (a case's id), erased with it; null when it belongs to nothing in particular. */
    public String scope;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** The body is sealed with the key of the case it belongs to (none when the scope is null): see {@link PersonalData}. */
    @Transient
    private final PersonalData personal = new PersonalData();

    public byte[] getBody() {
        return personal.open(scope, "body", body);
    }

    public void setBody(byte[] value) {
        body = personal.seal(scope, "body", value);
    }

    /** Seals the fields set before the row knew its case. */
    @PrePersist
    void sealPending() {
        body = personal.sealPending(scope, "body", body);
    }

    /** Erases the responses kept for what {@code scope} names (e.g. a case being erased); returns how many. */
    public static long deleteScope(String scope) {
        return delete("scope", scope);
    }

    /**
     * Keys are per caller: two callers may pick the same one. The caller (a beneficiary's subject, for one) is stored
     * as a keyed hash, {@code hmac:<hex>}: see {@link #of}.
     */
    @Embeddable
    public record Id(@Column(name = "caller") String caller,
            @Column(name = "idempotency_key") String key) implements Serializable {

        /** The id of the request {@code caller} made with {@code key}. */
        public static Id of(String caller, String key) {
            return new Id(HASHED + Keyring.get().lookupHash(caller), key);
        }
    }

    /** What a hashed caller starts with. */
    public static final String HASHED = "hmac:";
}

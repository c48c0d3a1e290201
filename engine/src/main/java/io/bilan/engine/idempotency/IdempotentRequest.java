package io.bilan.engine.idempotency;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
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

    /** Erases the responses kept for what {@code scope} names (e.g. a case being erased); returns how many. */
    public static long deleteScope(String scope) {
        return delete("scope", scope);
    }

    /** Keys are per caller: two callers may pick the same one. */
    @Embeddable
    public record Id(@Column(name = "caller") String caller,
            @Column(name = "idempotency_key") String key) implements Serializable {
    }
}

package io.bilan.engine.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Where responses to idempotent requests are kept; writes join the transaction of the change they record. */
@ApplicationScoped
public class IdempotencyStore {

    public Optional<IdempotentRequest> find(IdempotentRequest.Id id) {
        return IdempotentRequest.findByIdOptional(id);
    }

    /** Stores the record now, so that a concurrent request with the same key fails here, before its change commits. */
    public void save(IdempotentRequest request) {
        request.persistAndFlush();
    }
}

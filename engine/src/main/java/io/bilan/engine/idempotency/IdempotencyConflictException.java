package io.bilan.engine.idempotency;

/** An Idempotency-Key reused for another request, or sent twice at the same moment. */
public class IdempotencyConflictException extends RuntimeException {

    private final String code;
    private final int status;

    IdempotencyConflictException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}

package io.bilan.runtime.scoring;

import io.bilan.runtime.problem.ValidationCode;

/**
 * Scoring failed because of the package, not the responses: the script threw, hit a sandbox limit, or
 * returned something invalid, or a Java scorer failed. The call fails; the runtime stays healthy.
 */
public final class ScoringException extends RuntimeException {

    private final String code;

    public ScoringException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ScoringException(String code, String message) {
        this(code, message, null);
    }

    /** A failure with a code of the catalogue. */
    public ScoringException(ValidationCode code, String message, Throwable cause) {
        this(code.code(), message, cause);
    }

    /** A failure with a code of the catalogue. */
    public ScoringException(ValidationCode code, String message) {
        this(code.code(), message, null);
    }

    /**
     * A stable code: {@code script-error}, {@code script-time-limit}, {@code script-statement-limit},
     * {@code script-memory-limit}, {@code script-stack-overflow}, {@code script-busy},
     * {@code invalid-script-result}, {@code scorer-error}, {@code invalid-scorer-result} (the
     * {@link ValidationCode}s of stage SCORING).
     */
    public String code() {
        return code;
    }
}

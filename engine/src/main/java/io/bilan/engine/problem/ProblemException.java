package io.bilan.engine.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request the engine answers with a problem of the catalogue: {@link ProblemMapper} turns it into RFC 9457
 * {@code application/problem+json} with the type's status and title, this detail, and the errors and headers
 * given.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final transient List<ProblemDetails.Error> errors;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, null, null);
    }

    /** @param errors every problem of the input, each with a JSON Pointer where it applies; may be null */
    public ProblemException(ProblemType type, String detail, List<ProblemDetails.Error> errors) {
        this(type, detail, errors, null);
    }

    public ProblemException(ProblemType type, String detail, List<ProblemDetails.Error> errors, Throwable cause) {
        super(detail, cause);
        this.type = type;
        this.errors = errors == null ? null : List.copyOf(errors);
    }

    /** Adds a response header, such as {@code Retry-After}. */
    public ProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public ProblemType type() {
        return type;
    }

    /** The sentence of {@code detail}; by default the message. */
    public String detail() {
        return getMessage();
    }

    /** Every problem of the input, or null. */
    public List<ProblemDetails.Error> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }

    /** One error of the input, at a JSON Pointer ({@code /roles/0}) or a parameter's name. */
    public static ProblemDetails.Error error(String pointer, String code, String message) {
        return new ProblemDetails.Error(code, pointer, message, null, "error");
    }
}

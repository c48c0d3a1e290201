package io.bilan.engine.problem;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every problem the engine answers with: a stable type ({@code urn:bilan:problem:<code>}) a client can act on,
 * its HTTP status and its title. {@code docs/problems.md} says what each means and how to fix it.
 */
public enum ProblemType {

    /** A request body or parameter breaks a rule of the API; {@code errors} lists each rule broken. */
    INVALID_REQUEST("invalid-request", 400, "Invalid request"),
    /** The body is not JSON, or not of the expected shape. */
    MALFORMED_JSON("malformed-json", 400, "Malformed JSON"),
    /** The response set does not fit the instrument. */
    INVALID_RESPONSE("invalid-response", 400, "Invalid response set"),
    /** The package has errors and was not published. */
    INVALID_PACKAGE("invalid-package", 400, "Invalid instrument package"),
    /** The package is not a zip that can be read safely. */
    UNREADABLE_PACKAGE("unreadable-package", 400, "Unreadable instrument package"),
    /** A batch cannot be scored at all: its header cannot be read. */
    INVALID_BATCH("invalid-batch", 400, "Invalid batch"),
    /** A package over the configured size. */
    PACKAGE_TOO_LARGE("package-too-large", 413, "Package too large"),
    /** A data set with more rows than the statistics hold in memory. */
    DATA_SET_TOO_LARGE("data-set-too-large", 413, "Data set too large"),
    /** A request body over the endpoint's limit. */
    BODY_TOO_LARGE("body-too-large", 413, "Request body too large"),
    /** A body sent in chunks to an endpoint that reads it whole. */
    LENGTH_REQUIRED("length-required", 411, "Length Required"),
    /** The version is already published with other content. */
    VERSION_CONFLICT("version-conflict", 409, "Version already published"),
    /** The instrument belongs to another author. */
    INSTRUMENT_OWNED("instrument-owned", 403, "Instrument owned by another author"),
    /** The publisher already stores as many versions or bytes as its quota allows. */
    PUBLISHER_QUOTA_EXCEEDED("publisher-quota-exceeded", 403, "Publisher quota exceeded"),
    /** No such instrument or version. */
    INSTRUMENT_NOT_FOUND("instrument-not-found", 404, "Instrument not found"),
    /** A published instrument that cannot be loaded on this engine now. */
    INSTRUMENT_UNAVAILABLE("instrument-unavailable", 503, "Instrument unavailable"),
    /** No such occupation. */
    OCCUPATION_NOT_FOUND("occupation-not-found", 404, "Occupation not found"),
    /** The package's script or scorer failed on valid responses. */
    SCORING_FAILED("scoring-failed", 422, "Scoring failed"),
    /** The catalogue is still loading at start; retry after {@code Retry-After} seconds. */
    CATALOG_LOADING("catalog-loading", 503, "Catalogue loading"),
    /** Too many scripted calls at once; retry after {@code Retry-After} seconds. */
    SCORING_BUSY("scoring-busy", 503, "Scoring busy"),
    /** A request with the same Idempotency-Key is being processed. */
    IDEMPOTENCY_KEY_IN_USE("idempotency-key-in-use", 409, "Request in progress"),
    /** An Idempotency-Key used before for another request. */
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "Idempotency key reused"),
    /** No such case among the caller's. */
    CASE_NOT_FOUND("case-not-found", 404, "Case not found"),
    /** A step a bilan's rules do not allow at this point; {@code errors} lists what is missing. */
    CASE_RULE("case-rule", 409, "Not possible at this point of the bilan"),
    /** Another request changed the same thing at the same moment, or held it longer than the engine waits. */
    CONCURRENT_CHANGE("concurrent-change", 409, "Changed by another request"),
    /** The document holds a character no font of its PDF can print. */
    UNPRINTABLE_TEXT("unprintable-text", 422, "Text the PDF cannot print"),
    /** No credentials, or credentials refused. */
    UNAUTHENTICATED("unauthenticated", 401, "Unauthenticated"),
    /** The caller's role does not allow this. */
    FORBIDDEN("forbidden", 403, "Forbidden"),
    /** A request the HTTP layer refuses as malformed, e.g. a parameter that is not a number. */
    BAD_REQUEST("bad-request", 400, "Bad Request"),
    /** No such resource. */
    NOT_FOUND("not-found", 404, "Not Found"),
    /** The resource does not take this method. */
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method Not Allowed"),
    /** The resource cannot answer in any media type the request accepts. */
    NOT_ACCEPTABLE("not-acceptable", 406, "Not Acceptable"),
    /** The resource does not read the body's media type. */
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported Media Type"),
    /** A failure on the engine's side; it is logged. */
    INTERNAL_ERROR("internal-error", 500, "Internal error");

    /** The prefix of every problem type. */
    public static final String PREFIX = "urn:bilan:problem:";

    private final String code;
    private final int status;
    private final String title;

    ProblemType(String code, int status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    /** The stable code, e.g. {@code invalid-request}. */
    public String code() {
        return code;
    }

    /** The problem type sent on the wire, {@code urn:bilan:problem:<code>}. */
    public String uri() {
        return PREFIX + code;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The type of a generic HTTP refusal with {@code status} and {@code title}, when the catalogue names it. */
    static Optional<ProblemType> ofHttp(int status, String title) {
        return Arrays.stream(values()).filter(t -> t.status == status && t.title.equals(title)).findFirst();
    }
}

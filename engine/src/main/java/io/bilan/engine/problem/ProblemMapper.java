package io.bilan.engine.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.bilan.api.report.Problem;
import io.bilan.runtime.InvalidPackageException;
import io.bilan.runtime.batch.InvalidBatchException;
import io.bilan.runtime.problem.ValidationCode;
import io.bilan.runtime.scoring.InvalidResponseException;
import io.bilan.runtime.scoring.ScoringException;
import io.bilan.runtime.source.PackageReadException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an RFC 9457 problem of the {@link ProblemType} catalogue; nothing a client sends ends
 * as a bare 500. The engine's own failures come as a {@link ProblemException}; the SDK runtime's exceptions and
 * the framework's (JSON, security, HTTP) are translated here, in one place. Titles and details are in the caller's
 * language, French or English ({@link Texts}).
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    /** The media type of problems. */
    public static final String PROBLEM_JSON = "application/problem+json";
    /**
     * What a caller without valid credentials is told, here and by the key mechanism's challenge: neither whether
     * the key exists nor why a token was refused.
     */
    public static final String UNAUTHENTICATED_DETAIL =
            "Send an API key or an identity provider's token as Authorization: Bearer <token>.";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return response(e.type(), e.detail(), uri, e.errors(), e.headers());
    }

    @ServerExceptionMapper
    public Response invalidResponse(InvalidResponseException e, UriInfo uri) {
        return response(ProblemType.INVALID_RESPONSE,
                Texts.of("detail.invalid-response", e.problems().size()), uri,
                ProblemDetails.errors(e.problems()), Map.of());
    }

    @ServerExceptionMapper
    public Response invalidPackage(InvalidPackageException e, UriInfo uri) {
        long errors = e.problems().stream().filter(Problem::isError).count();
        return response(ProblemType.INVALID_PACKAGE, Texts.of("detail.invalid-package", errors), uri,
                ProblemDetails.errors(e.problems()), Map.of());
    }

    @ServerExceptionMapper
    public Response unreadablePackage(PackageReadException e, UriInfo uri) {
        return response(ProblemType.UNREADABLE_PACKAGE, e.getMessage(), uri,
                List.of(ProblemException.error(null, e.code(), e.getMessage())), Map.of());
    }

    @ServerExceptionMapper
    public Response invalidBatch(InvalidBatchException e, UriInfo uri) {
        return response(ProblemType.INVALID_BATCH, e.getMessage(), uri, null, Map.of());
    }

    @ServerExceptionMapper
    public Response scoringFailed(ScoringException e, UriInfo uri) {
        if (e.code().equals(ValidationCode.SCRIPT_BUSY.code())) {
            // Not the script's fault nor the caller's: too many scripted calls at once. Retrying soon works.
            return response(ProblemType.SCORING_BUSY, e.getMessage(), uri, null, Map.of("Retry-After", "1"));
        }
        // The package's script or scorer failed on valid responses: the call fails, the service carries on.
        return response(ProblemType.SCORING_FAILED, e.getMessage(), uri,
                List.of(ProblemException.error(null, e.code(), e.getMessage())), Map.of());
    }

    @ServerExceptionMapper({JsonProcessingException.class,
            com.fasterxml.jackson.core.JsonParseException.class,
            com.fasterxml.jackson.core.exc.StreamConstraintsException.class,
            JsonMappingException.class,
            com.fasterxml.jackson.databind.exc.MismatchedInputException.class,
            com.fasterxml.jackson.databind.exc.InvalidFormatException.class})
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return unknownValue(format, uri);
        }
        // The original message says what is wrong and where (line, column, limit) without echoing the document.
        String pointer = e instanceof JsonMappingException mapping ? pointer(mapping.getPath()) : null;
        return response(ProblemType.MALFORMED_JSON, Texts.of("detail.malformed-json", e.getOriginalMessage()), uri,
                List.of(ProblemException.error(pointer, ProblemType.MALFORMED_JSON.code(), e.getOriginalMessage())),
                Map.of());
    }

    private static Response unknownValue(InvalidFormatException e, UriInfo uri) {
        Class<?> type = e.getTargetType();
        UnknownValueCode named = type.getAnnotation(UnknownValueCode.class);
        String values = ClosedSets.values(type).stream().collect(java.util.stream.Collectors.joining(", "));
        String message = e.getValue() instanceof String text ? Texts.of("error.unknown-value", text, values)
                : Texts.of("error.unknown-value.not-text", values);
        return response(ProblemType.INVALID_REQUEST, Texts.of("detail.unknown-value"), uri,
                List.of(ProblemException.error(pointer(e.getPath()), named == null ? "unknown-value" : named.value(),
                        message)), Map.of());
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        // A field the request does not take, e.g. a read-only one or a typo, is refused rather than ignored, so that
        // a change that would not be made is never answered 200 (RequestJson).
        String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream().map(String::valueOf)
                .sorted().collect(java.util.stream.Collectors.joining(", "));
        String message = known.isEmpty() ? Texts.of("error.unknown-field", e.getPropertyName())
                : Texts.of("error.unknown-field.known", e.getPropertyName(), known);
        return response(ProblemType.INVALID_REQUEST, Texts.of("detail.unknown-field"), uri,
                List.of(ProblemException.error(pointer(e.getPath()), "unknown-field", message)), Map.of());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<ProblemDetails.Error> errors = ConstraintViolations.errors(e);
        return response(ProblemType.INVALID_REQUEST, Texts.of("detail.invalid-request", errors.size()), uri,
                errors, Map.of());
    }

    @ServerExceptionMapper({io.quarkus.security.UnauthorizedException.class,
            io.quarkus.security.AuthenticationFailedException.class,
            io.quarkus.security.AuthenticationCompletionException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        // Says neither whether the key exists nor why a token was refused: either would help someone guessing.
        return response(ProblemType.UNAUTHENTICATED, Texts.of("detail.unauthenticated"), uri, null,
                Map.of("WWW-Authenticate", "Bearer realm=\"bilan\""));
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return response(ProblemType.FORBIDDEN, Texts.of("detail.forbidden"), uri, null, Map.of());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String reason = known == null ? "Error" : known.getReasonPhrase();
        String detail = status >= 500 ? null : human(status, e.getMessage());
        // A 405 says which methods the resource takes.
        String allow = e.getResponse().getHeaderString("Allow");
        Map<String, String> headers = allow == null ? Map.of() : Map.of("Allow", allow);
        return ProblemType.ofHttp(status, reason)
                .map(type -> response(type, detail, uri, null, headers))
                // A status the catalogue does not name keeps its reason phrase as type and title.
                .orElseGet(() -> response(status, reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"),
                        reason, detail, uri, null, headers));
    }

    /** The framework's own wording replaced by a sentence for people; a resource's own message is kept. */
    private static String human(int status, String message) {
        boolean framework = message == null || message.startsWith("HTTP ") || message.contains("@Produces")
                || message.contains("@Consumes") || message.contains("Unable to find matching");
        if (!framework) {
            return message;
        }
        return switch (status) {
            case 404, 405, 406, 415 -> Texts.of("detail.http-" + status);
            default -> message;
        };
    }

    @ServerExceptionMapper({jakarta.persistence.OptimisticLockException.class,
            jakarta.persistence.PessimisticLockException.class, jakarta.persistence.LockTimeoutException.class,
            org.hibernate.StaleStateException.class, org.hibernate.PessimisticLockException.class})
    public Response concurrentChange(RuntimeException e, UriInfo uri) {
        return response(ProblemType.CONCURRENT_CHANGE, Texts.of("detail.concurrent-change"), uri, null,
                Map.of("Retry-After", "1"));
    }

    @ServerExceptionMapper
    public Response unprintable(io.bilan.synthesis.UnprintableTextException e, UriInfo uri) {
        // The message quotes the text, personal data: the detail names the character only.
        String character = String.format(Locale.ROOT, "U+%04X %s", e.codePoint(), Character.getName(e.codePoint()));
        return response(ProblemType.UNPRINTABLE_TEXT, Texts.of("detail.unprintable-text", character), uri, null,
                Map.of());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        LOG.error("unexpected failure on " + uri.getPath(), e);
        return response(ProblemType.INTERNAL_ERROR, Texts.of("detail.internal-error"), uri, null, Map.of());
    }

    private static String pointer(List<JsonMappingException.Reference> path) {
        StringBuilder pointer = new StringBuilder();
        for (var reference : path) {
            pointer.append('/').append(reference.getFieldName() != null
                    ? reference.getFieldName().replace("~", "~0").replace("/", "~1") : reference.getIndex());
        }
        return pointer.toString();
    }

    /** The problem response of {@code type}, for filters that answer before a resource is reached. */
    static Response response(ProblemType type, String detail, UriInfo uri) {
        return response(type, detail, uri, null, Map.of());
    }

    private static Response response(ProblemType type, String detail, UriInfo uri, List<ProblemDetails.Error> errors,
            Map<String, String> headers) {
        return response(type.status(), type.code(), title(type), detail, uri, errors, headers);
    }

    /**
     * The type's title in the caller's language ({@link Texts}): the catalogue's English title, or its French text.
     * Only the words change; type, status and fields stay as they are.
     */
    static String title(ProblemType type) {
        return Texts.language().equals("fr") ? Texts.in("fr", "title." + type.code()) : type.title();
    }

    private static Response response(int status, String code, String title, String detail, UriInfo uri,
            List<ProblemDetails.Error> errors, Map<String, String> headers) {
        Response.ResponseBuilder response = Response.status(status).type(PROBLEM_JSON)
                .entity(new ProblemDetails(ProblemType.PREFIX + code, title, status, detail,
                        uri == null ? null : uri.getPath(), errors));
        headers.forEach(response::header);
        return response.build();
    }
}

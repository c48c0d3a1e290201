package io.bilan.engine.problem;

import io.bilan.api.report.Problem;
import io.bilan.engine.catalog.InstrumentNotFoundException;
import io.bilan.engine.catalog.PackageConflictException;
import io.bilan.engine.catalog.PackageTooLargeException;
import io.bilan.runtime.InvalidPackageException;
import io.bilan.runtime.batch.InvalidBatchException;
import io.bilan.runtime.scoring.InvalidResponseException;
import io.bilan.runtime.scoring.ScoringException;
import io.bilan.runtime.source.PackageReadException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into an RFC 9457 problem; nothing a client sends ends as a bare 500. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** The media type of problems. */
    public static final String PROBLEM_JSON = "application/problem+json";

    @ServerExceptionMapper
    public Response invalidResponse(InvalidResponseException e, UriInfo uri) {
        return problem(400, "invalid-response", "Invalid response set",
                "The response set does not fit the instrument: " + e.problems().size() + " problem(s).", uri,
                errors(e.problems()));
    }

    @ServerExceptionMapper
    public Response invalidPackage(InvalidPackageException e, UriInfo uri) {
        List<Problem> problems = e.problems();
        long errors = problems.stream().filter(Problem::isError).count();
        return problem(400, "invalid-package", "Invalid instrument package",
                "The package was not published: " + errors + " error(s).", uri, errors(problems));
    }

    @ServerExceptionMapper
    public Response unreadablePackage(PackageReadException e, UriInfo uri) {
        return problem(400, "unreadable-package", "Unreadable instrument package", e.getMessage(), uri,
                List.of(new ProblemDetails.Error(e.code(), null, e.getMessage(), null, "error")));
    }

    @ServerExceptionMapper
    public Response packageTooLarge(PackageTooLargeException e, UriInfo uri) {
        return problem(413, "package-too-large", "Package too large", e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response conflict(PackageConflictException e, UriInfo uri) {
        return problem(409, "version-conflict", "Version already published", e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response unavailable(io.bilan.engine.catalog.InstrumentUnavailableException e, UriInfo uri) {
        return problem(503, "instrument-unavailable", "Instrument unavailable", e.getMessage(), uri,
                errors(e.problems().stream().filter(Problem::isError).toList()));
    }

    @ServerExceptionMapper
    public Response dataSetTooLarge(io.bilan.engine.scoring.DataSetTooLargeException e, UriInfo uri) {
        return problem(413, "data-set-too-large", "Data set too large", e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response owned(io.bilan.engine.catalog.InstrumentOwnedException e, UriInfo uri) {
        return problem(403, "instrument-owned", "Instrument owned by another author", e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response notFound(InstrumentNotFoundException e, UriInfo uri) {
        return problem(404, "instrument-not-found", "Instrument not found", e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response occupationNotFound(io.bilan.engine.occupations.OccupationNotFoundException e, UriInfo uri) {
        return problem(404, "occupation-not-found", "Occupation not found", e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response invalidBatch(InvalidBatchException e, UriInfo uri) {
        return problem(400, "invalid-batch", "Invalid batch", e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response scoringFailed(ScoringException e, UriInfo uri) {
        if (e.code().equals("script-busy")) {
            // Not the script's fault nor the caller's: too many scripted calls at once. Retrying soon works.
            return Response.fromResponse(problem(503, "scoring-busy", "Scoring busy", e.getMessage(), uri, null))
                    .header("Retry-After", "1").build();
        }
        // The package's script or scorer failed on valid responses: the call fails, the service carries on.
        return problem(422, "scoring-failed", "Scoring failed", e.getMessage(), uri,
                List.of(new ProblemDetails.Error(e.code(), null, e.getMessage(), null, "error")));
    }

    @ServerExceptionMapper({com.fasterxml.jackson.core.JsonProcessingException.class,
            com.fasterxml.jackson.core.JsonParseException.class,
            com.fasterxml.jackson.core.exc.StreamConstraintsException.class,
            com.fasterxml.jackson.databind.JsonMappingException.class,
            com.fasterxml.jackson.databind.exc.MismatchedInputException.class,
            com.fasterxml.jackson.databind.exc.InvalidFormatException.class})
    public Response unreadableJson(com.fasterxml.jackson.core.JsonProcessingException e, UriInfo uri) {
        // The original message says what is wrong and where (line, column, limit) without echoing the document.
        String pointer = e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping
                ? pointer(mapping.getPath()) : null;
        return problem(400, "malformed-json", "Malformed JSON", "The body cannot be read: " + e.getOriginalMessage(),
                uri, List.of(new ProblemDetails.Error("malformed-json", pointer, e.getOriginalMessage(), null, "error")));
    }

    private static String pointer(List<com.fasterxml.jackson.databind.JsonMappingException.Reference> path) {
        StringBuilder pointer = new StringBuilder();
        for (var reference : path) {
            pointer.append('/').append(reference.getFieldName() != null
                    ? reference.getFieldName().replace("~", "~0").replace("/", "~1") : reference.getIndex());
        }
        return pointer.toString();
    }

    @ServerExceptionMapper
    public Response idempotencyConflict(io.bilan.engine.idempotency.IdempotencyConflictException e, UriInfo uri) {
        return problem(e.status(), e.code(), e.status() == 409 ? "Request in progress" : "Idempotency key reused",
                e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response caseNotFound(io.bilan.engine.cases.CaseNotFoundException e, UriInfo uri) {
        return problem(404, "case-not-found", "Case not found",
                "No such case among yours: it does not exist, or it is not one you work on.", uri, null);
    }

    @ServerExceptionMapper
    public Response caseRule(io.bilan.engine.cases.CaseRuleException e, UriInfo uri) {
        return problem(409, "case-rule", "Not possible at this point of the bilan", e.getMessage(), uri, e.missing());
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e, UriInfo uri) {
        return problem(400, "invalid-request", "Invalid request",
                "The request breaks " + e.errors().size() + " rule(s) of the API.", uri, e.errors());
    }

    @ServerExceptionMapper({io.quarkus.security.UnauthorizedException.class,
            io.quarkus.security.AuthenticationFailedException.class,
            io.quarkus.security.AuthenticationCompletionException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        // Says neither whether the key exists nor why a token was refused: either would help someone guessing.
        return Response.fromResponse(problem(401, "unauthenticated", "Unauthenticated",
                        "Send an API key or an identity provider's token as Authorization: Bearer <token>.", uri, null))
                .header("WWW-Authenticate", "Bearer realm=\"bilan\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return problem(403, "forbidden", "Forbidden", "Your role does not allow this.", uri, null);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        String reason = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String slug = reason.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return problem(status, slug, reason, status >= 500 ? null : e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        LOG.error("unexpected failure on " + uri.getPath(), e);
        return problem(500, "internal-error", "Internal error",
                "The request failed on our side; it has been logged.", uri, null);
    }

    private static List<ProblemDetails.Error> errors(List<Problem> problems) {
        return problems.stream().map(p -> new ProblemDetails.Error(p.code(), p.pointer(), p.message(), p.file(),
                p.severity().code())).toList();
    }

    static Response problem(int status, String type, String title, String detail, UriInfo uri,
            List<ProblemDetails.Error> errors) {
        return Response.status(status).type(PROBLEM_JSON)
                .entity(new ProblemDetails("urn:bilan:problem:" + type, title, status, detail,
                        uri == null ? null : uri.getPath(), errors))
                .build();
    }
}

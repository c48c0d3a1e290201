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
        // The package's script or scorer failed on valid responses: the call fails, the service carries on.
        return problem(422, "scoring-failed", "Scoring failed", e.getMessage(), uri,
                List.of(new ProblemDetails.Error(e.code(), null, e.getMessage(), null, "error")));
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

package io.bilan.engine.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.bilan.runtime.problem.ValidationCode;
import io.bilan.runtime.scoring.ScoringException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The problems no HTTP test provokes easily: a busy sandbox, an unavailable instrument, other HTTP refusals. */
class ProblemMapperTest {

    private final ProblemMapper mapper = new ProblemMapper();

    @Test
    void aBusySandboxIsA503WithRetryAfterAndNoErrors() {
        Response response = mapper.scoringFailed(new ScoringException(ValidationCode.SCRIPT_BUSY, "no turn came"), null);
        ProblemDetails problem = (ProblemDetails) response.getEntity();
        assertEquals(503, response.getStatus());
        assertEquals("1", response.getHeaderString("Retry-After"));
        assertEquals("application/problem+json", response.getMediaType().toString());
        assertEquals("urn:bilan:problem:scoring-busy", problem.type());
        assertEquals("Scoring busy", problem.title());
        assertEquals("no turn came", problem.detail());
        assertNull(problem.errors());
    }

    @Test
    void aFailingScriptIsA422NamingItsCode() {
        Response response = mapper.scoringFailed(
                new ScoringException(ValidationCode.SCRIPT_TIME_LIMIT, "too long"), null);
        ProblemDetails problem = (ProblemDetails) response.getEntity();
        assertEquals(422, response.getStatus());
        assertNull(response.getHeaderString("Retry-After"));
        assertEquals("urn:bilan:problem:scoring-failed", problem.type());
        assertEquals(List.of(new ProblemDetails.Error("script-time-limit", null, "too long", null, "error")),
                problem.errors());
    }

    @Test
    void aProblemExceptionCarriesItsTypeDetailErrorsAndHeaders() {
        var errors = List.of(ProblemException.error(null, "unknown-scorer", "no plugin"));
        var unavailable = new ProblemException(ProblemType.INSTRUMENT_UNAVAILABLE, "x@1.0.0 cannot load", errors);
        Response response = mapper.problem(unavailable.withHeader("Retry-After", "30"), null);
        ProblemDetails problem = (ProblemDetails) response.getEntity();
        assertEquals(503, response.getStatus());
        assertEquals("30", response.getHeaderString("Retry-After"));
        assertEquals(new ProblemDetails("urn:bilan:problem:instrument-unavailable", "Instrument unavailable", 503,
                "x@1.0.0 cannot load", null, errors), problem);
    }

    @Test
    void anInvalidRequestCountsTheRulesBrokenInItsDetail() {
        var request = new InvalidRequestException(List.of(ProblemException.error("/a", "x", "first"),
                ProblemException.error("/b", "y", "second")));
        ProblemDetails problem = (ProblemDetails) mapper.problem(request, null).getEntity();
        assertEquals("The request breaks 2 rule(s) of the API.", problem.detail());
        assertEquals("first", request.getMessage());
        assertEquals(400, problem.status());
    }

    @Test
    void anHttpRefusalTakesItsCatalogueTypeOrElseItsReasonPhrase() {
        ProblemDetails notFound = (ProblemDetails) mapper.webApplication(new NotFoundException("no API key 7"), null)
                .getEntity();
        assertEquals(new ProblemDetails("urn:bilan:problem:not-found", "Not Found", 404, "no API key 7", null, null),
                notFound);
        ProblemDetails gone = (ProblemDetails) mapper.webApplication(new WebApplicationException("gone", 410), null)
                .getEntity();
        assertEquals(new ProblemDetails("urn:bilan:problem:gone", "Gone", 410, "gone", null, null), gone);
    }

    @Test
    void aLostRaceOnARowIsA409ToRetryNotA500() {
        for (RuntimeException lost : List.of(new jakarta.persistence.OptimisticLockException("row changed"),
                new jakarta.persistence.LockTimeoutException("lock wait"),
                new org.hibernate.StaleObjectStateException("CaseRecord", "c-1"))) {
            Response response = mapper.concurrentChange(lost, null);
            ProblemDetails problem = (ProblemDetails) response.getEntity();
            assertEquals(409, response.getStatus());
            assertEquals("1", response.getHeaderString("Retry-After"));
            assertEquals("urn:bilan:problem:concurrent-change", problem.type());
        }
    }
}

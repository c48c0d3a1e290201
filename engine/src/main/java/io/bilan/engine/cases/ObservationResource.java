package io.bilan.engine.cases;

import io.bilan.engine.problem.ProblemDetails;
import io.bilan.engine.security.Caller;
import io.bilan.engine.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Observations of a case: observers invited by link to rate a role play or an interview grid in their browsers. */
@Path("/api/v1/cases/{id}/observations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases", description = "Bilans: phases, sessions, administrations, profile, synthesis, consents, audit.")
@Blocking
public class ObservationResource {

    private final Observations observations;
    private final Caller caller;

    ObservationResource(Observations observations, Caller caller) {
        this.observations = observations;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.COUNSELLOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Invite observers to rate a grid", description = "Opens an observation of an observation grid "
            + "of the case's phase with 1 to 20 named observers. The answer holds each observer's link, once: it opens "
            + "one browser session limited to this observation, before it expires (14 days unless expiresInDays says 1 "
            + "to 90), unless it is revoked. Each observer rates alone; when all have submitted, their ratings are "
            + "stored as one administration of the grid, each criterion answered {\"<observer>\": rating}.")
    @APIResponse(responseCode = "201", description = "Opened; each observer's link holds the path (or address) to give",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Observations.ObservationView.class)))
    @APIResponse(responseCode = "409", description = "Not an observation grid, not in this phase, or the case is closed",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    public Response open(@PathParam("id") String id, Observations.NewObservation request) {
        Observations.ObservationView opened = observations.open(id, caller, request);
        return Response.status(Response.Status.CREATED)
                .header("Location", "/api/v1/cases/" + id + "/observations/" + opened.id()).entity(opened).build();
    }

    @GET
    @RolesAllowed(Roles.COUNSELLOR)
    @Operation(summary = "Observations of a case", description = "Oldest first, with where each observer stands "
            + "(pending, opened, submitted, revoked or expired); the ratings are read one observation at a time.")
    @APIResponse(responseCode = "200", description = "The observations, without ratings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
                    implementation = Observations.ObservationView.class)))
    public List<Observations.ObservationView> observations(@PathParam("id") String id) {
        return observations.list(id, caller);
    }

    @GET
    @Path("/{observation}")
    @RolesAllowed(Roles.COUNSELLOR)
    @Operation(summary = "An observation, its ratings and their agreement", description = "Where each observer "
            + "stands; once the ratings are stored (status stored), each observer's ratings and how far they agree: "
            + "per criterion the lowest and highest rating and whether two are 2 points or more apart, and overall "
            + "the share of pairs of observers giving the same rating (exact) or ratings at most 1 point apart "
            + "(adjacent). Never the ratings of an observation still open.")
    @APIResponse(responseCode = "200", description = "The observation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Observations.ObservationView.class)))
    public Observations.ObservationView observation(@PathParam("id") String id,
            @PathParam("observation") String observation) {
        return observations.observation(id, caller, observation);
    }

    @POST
    @Path("/{observation}/close")
    @RolesAllowed(Roles.COUNSELLOR)
    @Operation(summary = "Close an observation with the ratings submitted", description = "Stores the ratings "
            + "submitted so far as the administration; the other observers' links open nothing any more.")
    @APIResponse(responseCode = "200", description = "Closed and stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Observations.ObservationView.class)))
    @APIResponse(responseCode = "409", description = "No observer has submitted ratings yet",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    public Observations.ObservationView close(@PathParam("id") String id, @PathParam("observation") String observation) {
        return observations.close(id, caller, observation);
    }

    @POST
    @Path("/{observation}/observers/{observer}/link")
    @RolesAllowed(Roles.COUNSELLOR)
    @Operation(summary = "Give an observer a new link", description = "For an observer who lost their link or "
            + "rates on another device: the previous link and the browser session it opened open nothing any more; "
            + "the ratings saved so far are kept. The new link lasts as long as the first did.")
    @APIResponse(responseCode = "200", description = "The observer, with their new link (shown once)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Observations.ObserverView.class)))
    @APIResponse(responseCode = "409", description = "The observer has submitted, was revoked, or the observation is closed",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    public Observations.ObserverView newLink(@PathParam("id") String id, @PathParam("observation") String observation,
            @PathParam("observer") String observer) {
        return observations.newLink(id, caller, observation, observer);
    }

    @DELETE
    @Path("/{observation}/observers/{observer}")
    @RolesAllowed(Roles.COUNSELLOR)
    @Operation(summary = "Revoke an observer's link", description = "It opens nothing any more and their ratings can "
            + "no longer be submitted; when every other observer has submitted, the ratings are stored.")
    @APIResponse(responseCode = "200", description = "The observation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Observations.ObservationView.class)))
    public Observations.ObservationView revoke(@PathParam("id") String id, @PathParam("observation") String observation,
            @PathParam("observer") String observer) {
        return observations.revoke(id, caller, observation, observer);
    }
}

package io.bilan.engine.cases;

import io.bilan.engine.http.Cursor;
import io.bilan.engine.http.PageRequest;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Invitations of a case's beneficiary to answer an instrument in their browser. */
@Path("/api/v1/cases/{id}/invitations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases", description = "Bilans: phases, sessions, administrations, profile, synthesis, consents, audit.")
@Blocking
public class InvitationResource {

    private final Invitations invitations;
    private final Caller caller;

    InvitationResource(Invitations invitations, Caller caller) {
        this.invitations = invitations;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.COUNSELLOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Invite the beneficiary to answer an instrument", description = "Answers the link to give "
            + "the beneficiary, once: it opens one browser session, before it expires (14 days unless expiresInDays "
            + "says 1 to 90), unless it is revoked. A questionnaire or a test of the case's phase; an open invitation "
            + "to the same instrument is replaced and its draft carried over.")
    @APIResponse(responseCode = "201", description = "Created; link holds the path (or address) to give",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Invitations.InvitationView.class)))
    @APIResponse(responseCode = "409", description = "Not in this phase of the case, or an observation grid",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    public Response invite(@PathParam("id") String id, Invitations.NewInvitation request) {
        Invitations.InvitationView created = invitations.create(id, caller, request);
        return Response.status(Response.Status.CREATED)
                .header("Location", "/api/v1/cases/" + id + "/invitations/" + created.id()).entity(created).build();
    }

    @GET
    @RolesAllowed(Roles.COUNSELLOR)
    @Operation(summary = "Invitations of a case", description = "Oldest first, a page at a time, with where each "
            + "stands: pending, opened, submitted (with its administration), revoked or expired.")
    public RestResponse<List<Invitations.InvitationView>> invitations(@PathParam("id") String id,
            @Parameter(description = PageRequest.LIMIT_DESCRIPTION, example = "20", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = PageRequest.MAX_LIMIT_TEXT, defaultValue = PageRequest.DEFAULT_LIMIT_TEXT))
            @QueryParam(PageRequest.LIMIT) String limit,
            @Parameter(description = PageRequest.CURSOR_DESCRIPTION, example = PageRequest.CURSOR_EXAMPLE) @QueryParam(Cursor.PARAMETER) String cursor,
            @Context UriInfo uri) {
        return invitations.list(id, caller, PageRequest.of(limit, cursor, 2)).response(uri);
    }

    @DELETE
    @Path("/{invitation}")
    @RolesAllowed(Roles.COUNSELLOR)
    @Operation(summary = "Revoke an invitation", description = "Its link opens nothing any more and its answers "
            + "can no longer be submitted; a submitted invitation stays as it is.")
    public Invitations.InvitationView revoke(@PathParam("id") String id, @PathParam("invitation") String invitation) {
        return invitations.revoke(id, caller, invitation);
    }
}

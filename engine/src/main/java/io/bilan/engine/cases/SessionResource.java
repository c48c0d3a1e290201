package io.bilan.engine.cases;

import io.bilan.engine.security.Caller;
import io.bilan.engine.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The sessions of a case. */
@Path("/api/v1/cases/{id}/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases", description = "Bilans: phases, sessions, administrations, profile, synthesis, consents, audit.")
@Blocking
public class SessionResource {

    private final SessionLog sessions;
    private final Caller caller;

    SessionResource(SessionLog sessions, Caller caller) {
        this.sessions = sessions;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.COUNSELLOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log a session", description = "Date, minutes, what was done; refused beyond the legal 24 hours.")
    @APIResponse(responseCode = "201", description = "Logged",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseViews.SessionView.class)))
    public Response logSession(@PathParam("id") String id, @Valid CaseViews.NewSession request) {
        // A session has no address of its own: it is read in its case's list.
        return Response.status(Response.Status.CREATED).header("Location", "/api/v1/cases/" + id + "/sessions")
                .entity(sessions.log(id, caller, request)).build();
    }

    @GET
    @RolesAllowed({Roles.COUNSELLOR, Roles.BENEFICIARY})
    @Operation(summary = "Sessions of a case")
    public List<CaseViews.SessionView> sessions(@PathParam("id") String id) {
        return sessions.sessions(id, caller);
    }
}

package io.bilan.engine.cases;

import io.bilan.engine.problem.ProblemDetails;
import io.bilan.engine.security.Caller;
import io.bilan.engine.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The follow-up of a case: why it is held before the day it is due, when it is. */
@Path("/api/v1/cases/{id}/follow-up")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases", description = "Bilans: phases, sessions, administrations, profile, synthesis, consents, audit.")
@Blocking
public class FollowUpResource {

    private final Transitions transitions;
    private final Caller caller;

    FollowUpResource(Transitions transitions, Caller caller) {
        this.transitions = transitions;
        this.caller = caller;
    }

    /** Why the follow-up comes before the day it is due. */
    public record EarlyReason(@Schema(example = "La bénéficiaire entre en formation en mars et demande le suivi avant.")
            @Size(max = 4000) String reason) {
    }

    @PUT
    @Path("/early-reason")
    @RolesAllowed(Roles.COUNSELLOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record why the follow-up is held early", description = "In the conclusion or follow-up "
            + "phase. A case closes on a follow-up held before the day it is due (followUpOn) only with this reason.")
    @APIResponse(responseCode = "200", description = "The case, the reason recorded",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CaseViews.CaseView.class)))
    @APIResponse(responseCode = "409", description = "Not in the conclusion or follow-up phase",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    public CaseViews.CaseView earlyReason(@PathParam("id") String id, @Valid EarlyReason request) {
        return transitions.recordEarlyFollowUp(id, caller, request == null ? null : request.reason());
    }
}

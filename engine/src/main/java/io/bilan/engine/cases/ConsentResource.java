package io.bilan.engine.cases;

import io.bilan.engine.problem.ProblemDetails;
import io.bilan.engine.security.Caller;
import io.bilan.engine.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The beneficiary's consents, and the transmissions to third parties they allow. */
@Path("/api/v1/cases/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases", description = "Bilans: phases, sessions, administrations, profile, synthesis, consents, audit.")
@Blocking
public class ConsentResource {

    private final Consents consents;
    private final Caller caller;

    ConsentResource(Consents consents, Caller caller) {
        this.consents = consents;
        this.caller = caller;
    }

    @POST
    @Path("/consents")
    @RolesAllowed(Roles.BENEFICIARY)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Consent to share", description = "The beneficiary names a recipient and what they may "
            + "receive (synthesis, profile, results); nothing goes to a third party without it.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseViews.ConsentView.class)))
    public Response consent(@PathParam("id") String id, @Valid CaseViews.NewConsent request) {
        CaseViews.ConsentView given = consents.consent(id, caller, request);
        return Response.status(Response.Status.CREATED).header("Location", "/api/v1/cases/" + id + "/consents/" + given.id())
                .entity(given).build();
    }

    @GET
    @Path("/consents")
    @RolesAllowed({Roles.COUNSELLOR, Roles.BENEFICIARY})
    @Operation(summary = "Consents of a case")
    public List<CaseViews.ConsentView> consents(@PathParam("id") String id) {
        return consents.consents(id, caller);
    }

    @DELETE
    @Path("/consents/{consent}")
    @RolesAllowed(Roles.BENEFICIARY)
    @Operation(summary = "Withdraw a consent")
    public CaseViews.ConsentView withdraw(@PathParam("id") String id, @PathParam("consent") long consent) {
        return consents.withdraw(id, caller, consent);
    }

    @POST
    @Path("/transmissions")
    @RolesAllowed(Roles.COUNSELLOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Prepare a transmission to a third party", description = "Returns the parts the beneficiary "
            + "consented to give that recipient (the approved synthesis, the profile, the results), for the centre to "
            + "send; refused without a consent, after its withdrawal, or for a part it does not cover. Recorded in the "
            + "audit trail.")
    @APIResponse(responseCode = "200", description = "What may be handed to the recipient",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseViews.Transmission.class)))
    @APIResponse(responseCode = "409", description = "Not covered by a consent",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    public CaseViews.Transmission transmit(@PathParam("id") String id, CaseViews.NewTransmission request) {
        return consents.transmit(id, caller, request);
    }
}

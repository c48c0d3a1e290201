package io.bilan.engine.cases;

import io.bilan.engine.security.Caller;
import io.bilan.engine.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The preliminary phase of a case: the demand, the fit decision, the contract's signatures. */
@Path("/api/v1/cases/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases", description = "Bilans: phases, sessions, administrations, profile, synthesis, consents, audit.")
@Blocking
public class PreliminaryResource {

    private final PreliminaryPhase preliminary;
    private final Caller caller;

    PreliminaryResource(PreliminaryPhase preliminary, Caller caller) {
        this.preliminary = preliminary;
        this.caller = caller;
    }

    @PUT
    @Path("/demand")
    @RolesAllowed(Roles.COUNSELLOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the demand", description = "Preliminary phase.")
    public CaseViews.CaseView demand(@PathParam("id") String id, @Valid CaseViews.Demand request) {
        return preliminary.recordDemand(id, caller, request == null ? null : request.demand());
    }

    @PUT
    @Path("/fit-decision")
    @RolesAllowed(Roles.COUNSELLOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decide whether a bilan fits", description = "fit, or redirect with a route; or take the "
            + "decision of an administration of preliminary-interview.")
    public CaseViews.CaseView fitDecision(@PathParam("id") String id, @Valid CaseViews.FitDecision request) {
        return preliminary.decideFit(id, caller, request);
    }

    @POST
    @Path("/signatures")
    @RolesAllowed({Roles.COUNSELLOR, Roles.BENEFICIARY})
    @Operation(summary = "Sign the contract", description = "As the beneficiary, or as a counsellor of the case; the "
            + "signature and its date are recorded. Needs a fit decision.")
    public CaseViews.CaseView sign(@PathParam("id") String id) {
        return preliminary.sign(id, caller);
    }
}

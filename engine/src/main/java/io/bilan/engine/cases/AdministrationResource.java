package io.bilan.engine.cases;

import io.bilan.engine.idempotency.Idempotency;
import io.bilan.engine.problem.ProblemDetails;
import io.bilan.engine.security.Caller;
import io.bilan.engine.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The instruments administered in a case and their results. */
@Path("/api/v1/cases/{id}/administrations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases", description = "Bilans: phases, sessions, administrations, profile, synthesis, consents, audit.")
@Blocking
public class AdministrationResource {

    private final Administrations administrations;
    private final Caller caller;
    private final Idempotency idempotency;

    AdministrationResource(Administrations administrations, Caller caller, Idempotency idempotency) {
        this.administrations = administrations;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({Roles.COUNSELLOR, Roles.BENEFICIARY})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Administer an instrument", description = "Validates, scores and stores the responses with "
            + "the package id, version and digest. The instrument must belong to the case's phase.")
    @APIResponse(responseCode = "201", description = "Scored and stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseViews.AdministrationView.class)))
    @APIResponse(responseCode = "409", description = "Not in this phase of the case",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    public Response administer(@PathParam("id") String id, @Valid CaseViews.NewAdministration request,
            @Parameter(description = "Makes a retry store nothing twice") @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.once(key, caller.name(), "POST /api/v1/cases/" + id + "/administrations", request,
                UnaryOperator.identity(), response -> id, () -> {
                    CaseViews.AdministrationView stored = administrations.administer(id, caller, request);
                    return Response.status(Response.Status.CREATED)
                            .header("Location", "/api/v1/cases/" + id + "/administrations/" + stored.id())
                            .entity(stored).build();
                });
    }

    @GET
    @RolesAllowed({Roles.COUNSELLOR, Roles.BENEFICIARY})
    @Operation(summary = "Results of a case", description = "Every administration with its report.")
    public List<CaseViews.AdministrationView> administrations(@PathParam("id") String id) {
        return administrations.administrations(id, caller);
    }

    @GET
    @Path("/{administration}")
    @RolesAllowed({Roles.COUNSELLOR, Roles.BENEFICIARY})
    @Operation(summary = "One result")
    public CaseViews.AdministrationView administration(@PathParam("id") String id,
            @PathParam("administration") long administration) {
        return administrations.administration(id, caller, administration);
    }

    @GET
    @Path("/{administration}/responses")
    @RolesAllowed({Roles.COUNSELLOR, Roles.BENEFICIARY})
    @Operation(summary = "The answers given", description = "The response set as stored, free text included: to the "
            + "case's counsellors, and to the beneficiary for the answers they gave themselves (not a counsellor's notes "
            + "or observations about them). The read is audited.")
    @APIResponse(responseCode = "200", description = "The answers as stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseViews.ResponsesView.class)))
    @APIResponse(responseCode = "403", description = "A beneficiary asking for answers a counsellor gave",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    public CaseViews.ResponsesView responses(@PathParam("id") String id,
            @PathParam("administration") long administration) {
        return administrations.responses(id, caller, administration);
    }

    @POST
    @Path("/{administration}/rescore")
    @RolesAllowed(Roles.COUNSELLOR)
    @Operation(summary = "Score a stored result again", description = "Against the very package version and digest it "
            + "was scored with; sameReport says whether the report is the same.")
    public CaseViews.Rescore rescore(@PathParam("id") String id, @PathParam("administration") long administration) {
        return administrations.rescore(id, caller, administration);
    }
}

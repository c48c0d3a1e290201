package io.bilan.engine.cases;

import io.bilan.engine.http.Cursor;
import io.bilan.engine.http.PageRequest;
import io.bilan.engine.idempotency.Idempotency;
import io.bilan.engine.problem.ProblemDetails;
import io.bilan.engine.security.ApiKeys;
import io.bilan.engine.security.Caller;
import io.bilan.engine.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Bilan cases: a centre's counsellors open one per beneficiary and take it through the phases; the beneficiary
 * signs, answers questionnaires, reads their results, approves the synthesis and decides who else sees it. A case
 * is visible to its counsellors and its beneficiary only: to anyone else it does not exist (404). The parts of a
 * case have resources of their own, next to this one.
 */
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases", description = "Bilans: phases, sessions, administrations, profile, synthesis, consents, audit.")
@Blocking
public class CaseResource {

    private final CaseDirectory directory;
    private final Transitions transitions;
    private final CaseErasure erasure;
    private final Caller caller;
    private final Idempotency idempotency;

    CaseResource(CaseDirectory directory, Transitions transitions, CaseErasure erasure, Caller caller,
            Idempotency idempotency) {
        this.directory = directory;
        this.transitions = transitions;
        this.erasure = erasure;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed(Roles.COUNSELLOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open a case", description = "In the caller's centre, in the preliminary phase, with the caller "
            + "as its first counsellor.")
    @APIResponse(responseCode = "201", description = "Opened",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseViews.CaseView.class)))
    @APIResponse(responseCode = "400", description = "Invalid beneficiary id, subject or contact data",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    public Response open(@Valid CaseViews.NewCase request,
            @Parameter(description = "Makes a retry open no second case") @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.once(key, caller.name(), "POST /api/v1/cases", request, UnaryOperator.identity(),
                response -> ((CaseViews.CaseView) response.getEntity()).id(), () -> {
                    CaseViews.CaseView opened = directory.create(caller, request);
                    return Response.status(Response.Status.CREATED).header("Location", "/api/v1/cases/" + opened.id())
                            .entity(opened).build();
                });
    }

    @GET
    @RolesAllowed({Roles.COUNSELLOR, Roles.BENEFICIARY})
    @Operation(summary = "Your cases", description = "A counsellor's cases in their centre, or a beneficiary's own, "
            + "newest first, a page at a time.")
    public RestResponse<List<CaseViews.CaseView>> list(
            @Parameter(description = PageRequest.LIMIT_DESCRIPTION, example = "20", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = PageRequest.MAX_LIMIT_TEXT, defaultValue = PageRequest.DEFAULT_LIMIT_TEXT))
            @QueryParam(PageRequest.LIMIT) String limit,
            @Parameter(description = PageRequest.CURSOR_DESCRIPTION, example = PageRequest.CURSOR_EXAMPLE) @QueryParam(Cursor.PARAMETER) String cursor,
            @Context UriInfo uri) {
        return directory.list(caller, PageRequest.of(limit, cursor, 2)).response(uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COUNSELLOR, Roles.BENEFICIARY})
    @Operation(summary = "A case", description = "Its phase, decisions, signatures, hours used and what the next phase "
            + "still needs.")
    @APIResponse(responseCode = "200", description = "The case",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseViews.CaseView.class)))
    @APIResponse(responseCode = "404", description = "No such case among yours",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    public CaseViews.CaseView get(@PathParam("id") String id) {
        return directory.read(id, caller);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.COUNSELLOR)
    @Operation(summary = "Erase a case", description = "Deletes the case and everything of it — results, sessions, "
            + "synthesis, consents, audit trail — and revokes the key it issued to the beneficiary. Cannot be undone.")
    @APIResponse(responseCode = "204", description = "Erased")
    public Response erase(@PathParam("id") String id) {
        erasure.erase(id, caller);
        return Response.noContent().build();
    }

    /** A counsellor to add to a case. */
    public record NewCounsellor(@Schema(description = "As they call: key:<id>, or the token's subject") String counsellor) {
    }

    @POST
    @Path("/{id}/counsellors")
    @RolesAllowed(Roles.COUNSELLOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a counsellor to a case")
    public CaseViews.CaseView addCounsellor(@PathParam("id") String id, NewCounsellor request) {
        return directory.addCounsellor(id, caller, request == null ? null : request.counsellor());
    }

    /** The beneficiary's key, shown once. */
    public record BeneficiaryKey(String id, String key) {
    }

    @POST
    @Path("/{id}/beneficiary-key")
    @RolesAllowed(Roles.COUNSELLOR)
    @Operation(summary = "Give the beneficiary a key", description = "Creates an API key with the beneficiary role for "
            + "this case's beneficiary, shown once: they sign the contract, answer questionnaires, read their results and "
            + "approve the synthesis with it. A new key replaces the previous one, which is revoked.")
    @APIResponse(responseCode = "201", description = "Created: the key is shown this once",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BeneficiaryKey.class)))
    public Response beneficiaryKey(@PathParam("id") String id) {
        ApiKeys.CreatedKey created = directory.issueBeneficiaryKey(id, caller);
        return Response.status(Response.Status.CREATED).header("Location", "/api/v1/api-keys/" + created.key().id())
                .entity(new BeneficiaryKey(created.key().id(), created.secret()))
                .build();
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed(Roles.COUNSELLOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move to the next phase", description = "preliminary -> investigation (demand, fit, both "
            + "signatures) or closed (redirect); investigation -> conclusion (an instrument administered; sets the "
            + "follow-up date); conclusion -> follow-up (synthesis approved); follow-up -> closed (follow-up held). A "
            + "refusal lists everything missing.")
    @APIResponse(responseCode = "200", description = "The case in its new phase",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseViews.CaseView.class)))
    @APIResponse(responseCode = "409", description = "Preconditions not met: errors lists each",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    public CaseViews.CaseView transition(@PathParam("id") String id, @Valid CaseViews.Transition request) {
        return transitions.moveTo(id, caller, request);
    }
}

package io.bilan.engine.cases;

import io.bilan.engine.catalog.Languages;
import io.bilan.engine.idempotency.Idempotency;
import io.bilan.engine.problem.ProblemDetails;
import io.bilan.engine.profile.ProfileAssembler;
import io.bilan.engine.profile.ProfileResponse;
import io.bilan.engine.security.ApiKeys;
import io.bilan.engine.security.Caller;
import io.bilan.engine.security.Roles;
import io.bilan.profile.Profile;
import io.bilan.profile.ProfileBuilder;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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

/**
 * Bilan cases: a centre's counsellors open one per beneficiary and take it through the phases; the beneficiary
 * signs, answers questionnaires, reads their results, approves the synthesis and decides who else sees it. A case
 * is visible to its counsellors and its beneficiary only: to anyone else it does not exist (404).
 */
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases", description = "Bilans: phases, sessions, administrations, profile, synthesis, consents, audit.")
@Blocking
public class CaseResource {

    private final Cases cases;
    private final Syntheses syntheses;
    private final Caller caller;
    private final Idempotency idempotency;
    private final ProfileAssembler assembler;

    CaseResource(Cases cases, Syntheses syntheses, Caller caller, Idempotency idempotency, ProfileAssembler assembler) {
        this.cases = cases;
        this.syntheses = syntheses;
        this.caller = caller;
        this.idempotency = idempotency;
        this.assembler = assembler;
    }

    @POST
    @RolesAllowed(Roles.COUNSELLOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open a case", description = "In the caller's centre, in the preliminary phase, with the caller "
            + "as its first counsellor.")
    @APIResponse(responseCode = "201", description = "Opened")
    @APIResponse(responseCode = "400", description = "Invalid beneficiary id or contact data",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    public Response open(CaseViews.NewCase request,
            @Parameter(description = "Makes a retry open no second case") @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.once(key, caller.name(), "POST /api/v1/cases", request, UnaryOperator.identity(), () -> {
            CaseRecord record = cases.create(caller, request);
            return Response.status(Response.Status.CREATED).header("Location", "/api/v1/cases/" + record.id)
                    .entity(view(record)).build();
        });
    }

    @GET
    @RolesAllowed({Roles.COUNSELLOR, Roles.BENEFICIARY})
    @Operation(summary = "Your cases", description = "A counsellor's cases in their centre, or a beneficiary's own.")
    public List<CaseViews.CaseView> list() {
        return cases.list(caller).stream().map(this::view).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COUNSELLOR, Roles.BENEFICIARY})
    @Operation(summary = "A case", description = "Its phase, decisions, signatures, hours used and what the next phase "
            + "still needs.")
    @APIResponse(responseCode = "404", description = "No such case among yours",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    public CaseViews.CaseView get(@PathParam("id") String id) {
        return view(cases.read(id, caller));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.COUNSELLOR)
    @Operation(summary = "Erase a case", description = "Deletes the case and everything of it — results, sessions, "
            + "synthesis, consents, audit trail. Cannot be undone.")
    @APIResponse(responseCode = "204", description = "Erased")
    public Response erase(@PathParam("id") String id) {
        cases.erase(id, caller);
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
        return view(cases.addCounsellor(id, caller, request == null ? null : request.counsellor()));
    }

    /** The beneficiary's key, shown once. */
    public record BeneficiaryKey(String id, String key) {
    }

    @POST
    @Path("/{id}/beneficiary-key")
    @RolesAllowed(Roles.COUNSELLOR)
    @Operation(summary = "Give the beneficiary a key", description = "Creates an API key with the beneficiary role for "
            + "this case's beneficiary, shown once: they sign the contract, answer questionnaires, read their results and "
            + "approve the synthesis with it. A new key replaces the previous one's access.")
    @APIResponse(responseCode = "201", description = "Created")
    public Response beneficiaryKey(@PathParam("id") String id) {
        ApiKeys.CreatedKey created = cases.issueBeneficiaryKey(id, caller);
        return Response.status(Response.Status.CREATED).entity(new BeneficiaryKey(created.key().id(), created.secret()))
                .build();
    }

    @PUT
    @Path("/{id}/demand")
    @RolesAllowed(Roles.COUNSELLOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the demand", description = "Preliminary phase.")
    public CaseViews.CaseView demand(@PathParam("id") String id, CaseViews.Demand request) {
        return view(cases.recordDemand(id, caller, request == null ? null : request.demand()));
    }

    @PUT
    @Path("/{id}/fit-decision")
    @RolesAllowed(Roles.COUNSELLOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decide whether a bilan fits", description = "fit, or redirect with a route; or take the "
            + "decision of an administration of preliminary-interview.")
    public CaseViews.CaseView fitDecision(@PathParam("id") String id, CaseViews.FitDecision request) {
        return view(cases.decideFit(id, caller, request));
    }

    @POST
    @Path("/{id}/signatures")
    @RolesAllowed({Roles.COUNSELLOR, Roles.BENEFICIARY})
    @Operation(summary = "Sign the contract", description = "As the beneficiary, or as a counsellor of the case; the "
            + "signature and its date are recorded. Needs a fit decision.")
    public CaseViews.CaseView sign(@PathParam("id") String id) {
        return view(cases.sign(id, caller));
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed(Roles.COUNSELLOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move to the next phase", description = "preliminary -> investigation (demand, fit, both "
            + "signatures) or closed (redirect); investigation -> conclusion (an instrument administered; sets the "
            + "follow-up date); conclusion -> follow-up (synthesis approved); follow-up -> closed (follow-up held). A "
            + "refusal lists everything missing.")
    @APIResponse(responseCode = "409", description = "Preconditions not met: errors lists each",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    public CaseViews.CaseView transition(@PathParam("id") String id, CaseViews.Transition request) {
        return view(cases.moveTo(id, caller, request));
    }

    @POST
    @Path("/{id}/sessions")
    @RolesAllowed(Roles.COUNSELLOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log a session", description = "Date, minutes, what was done; refused beyond the legal 24 hours.")
    @APIResponse(responseCode = "201", description = "Logged")
    public Response logSession(@PathParam("id") String id, CaseViews.NewSession request) {
        return Response.status(Response.Status.CREATED).entity(view(cases.logSession(id, caller, request))).build();
    }

    @GET
    @Path("/{id}/sessions")
    @RolesAllowed({Roles.COUNSELLOR, Roles.BENEFICIARY})
    @Operation(summary = "Sessions of a case")
    public List<CaseViews.SessionView> sessions(@PathParam("id") String id) {
        return cases.sessions(id, caller).stream().map(CaseResource::view).toList();
    }

    @POST
    @Path("/{id}/administrations")
    @RolesAllowed({Roles.COUNSELLOR, Roles.BENEFICIARY})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Administer an instrument", description = "Validates, scores and stores the responses with "
            + "the package id, version and digest. The instrument must belong to the case's phase.")
    @APIResponse(responseCode = "201", description = "Scored and stored")
    @APIResponse(responseCode = "409", description = "Not in this phase of the case",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    public Response administer(@PathParam("id") String id, CaseViews.NewAdministration request,
            @Parameter(description = "Makes a retry store nothing twice") @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.once(key, caller.name(), "POST /api/v1/cases/" + id + "/administrations", request,
                UnaryOperator.identity(), () -> {
                    CaseAdministration stored = cases.administer(id, caller, request);
                    return Response.status(Response.Status.CREATED)
                            .header("Location", "/api/v1/cases/" + id + "/administrations/" + stored.id)
                            .entity(view(stored)).build();
                });
    }

    @GET
    @Path("/{id}/administrations")
    @RolesAllowed({Roles.COUNSELLOR, Roles.BENEFICIARY})
    @Operation(summary = "Results of a case", description = "Every administration with its report.")
    public List<CaseViews.AdministrationView> administrations(@PathParam("id") String id) {
        return cases.administrations(id, caller).stream().map(this::view).toList();
    }

    @GET
    @Path("/{id}/administrations/{administration}")
    @RolesAllowed({Roles.COUNSELLOR, Roles.BENEFICIARY})
    @Operation(summary = "One result")
    public CaseViews.AdministrationView administration(@PathParam("id") String id,
            @PathParam("administration") long administration) {
        return view(cases.administration(id, caller, administration));
    }

    @POST
    @Path("/{id}/administrations/{administration}/rescore")
    @RolesAllowed(Roles.COUNSELLOR)
    @Operation(summary = "Score a stored result again", description = "Against the very package version and digest it "
            + "was scored with; sameReport says whether the report is the same.")
    public CaseViews.Rescore rescore(@PathParam("id") String id, @PathParam("administration") long administration) {
        return cases.rescore(id, caller, administration);
    }

    @GET
    @Path("/{id}/profile")
    @RolesAllowed({Roles.COUNSELLOR, Roles.BENEFICIARY})
    @Operation(summary = "The case's profile", description = "Its stored reports added up (docs/profiles.md).")
    public Profile profile(@PathParam("id") String id) {
        return ProfileBuilder.build(cases.reports(id, caller));
    }

    @GET
    @Path("/{id}/career-options")
    @RolesAllowed({Roles.COUNSELLOR, Roles.BENEFICIARY})
    @Operation(summary = "Career options of the case", description = "The profile, the ranked and explained options, "
            + "sectors and, with target, the validation of that project.")
    public ProfileResponse careerOptions(@PathParam("id") String id,
            @Parameter(description = "An occupation id to validate as the project") @QueryParam("target") String target,
            @QueryParam("sector") String sector, @QueryParam("level") String level, @QueryParam("limit") String limit,
            @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        return assembler.assemble(cases.reports(id, caller),
                new ProfileAssembler.Options(target, sector, level, limit, Languages.choose(lang, headers, null)));
    }

    @POST
    @Path("/{id}/synthesis")
    @RolesAllowed(Roles.COUNSELLOR)
    @Operation(summary = "Draft the synthesis document", description = "In the conclusion phase, from the case: the "
            + "demand, the profile, the validation of the project (target, an occupation id), the other options. Drafting "
            + "again keeps the circumstances and conclusion already written.")
    @APIResponse(responseCode = "200", description = "The draft")
    public Syntheses.Document draftSynthesis(@PathParam("id") String id,
            @Parameter(description = "fr or en", example = "fr") @QueryParam("lang") String lang,
            @Parameter(description = "The occupation of the project", example = "registered-nurse") @QueryParam("target") String target) {
        return syntheses.generate(id, caller, lang == null ? "fr" : lang, target);
    }

    @GET
    @Path("/{id}/synthesis")
    @RolesAllowed({Roles.COUNSELLOR, Roles.BENEFICIARY})
    @Operation(summary = "The synthesis document", description = "As JSON (with its status), as an HTML page "
            + "(Accept: text/html) or as a PDF (Accept: application/pdf). The approved one carries the date, who approved "
            + "it and the SHA-256 of the content approved.")
    public Syntheses.Document synthesis(@PathParam("id") String id) {
        return syntheses.read(id, caller);
    }

    @GET
    @Path("/{id}/synthesis")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Roles.COUNSELLOR, Roles.BENEFICIARY})
    @Operation(hidden = true)
    public String synthesisHtml(@PathParam("id") String id) {
        return io.bilan.synthesis.SynthesisHtml.render(syntheses.read(id, caller).synthesis());
    }

    @GET
    @Path("/{id}/synthesis")
    @Produces("application/pdf")
    @RolesAllowed({Roles.COUNSELLOR, Roles.BENEFICIARY})
    @Operation(hidden = true)
    public Response synthesisPdf(@PathParam("id") String id) {
        byte[] pdf = io.bilan.synthesis.SynthesisPdf.render(syntheses.read(id, caller).synthesis());
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"synthesis.pdf\"").build();
    }

    @PUT
    @Path("/{id}/synthesis")
    @RolesAllowed(Roles.COUNSELLOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit the synthesis draft", description = "The circumstances, the conclusion and the roadmap; "
            + "an approved or submitted synthesis cannot be edited.")
    public Syntheses.Document editSynthesis(@PathParam("id") String id, CaseViews.SynthesisEdit edit) {
        return syntheses.edit(id, caller, edit);
    }

    @POST
    @Path("/{id}/synthesis/submit")
    @RolesAllowed(Roles.COUNSELLOR)
    @Operation(summary = "Submit the synthesis to the beneficiary")
    public Syntheses.Document submitSynthesis(@PathParam("id") String id) {
        return syntheses.submit(id, caller);
    }

    @POST
    @Path("/{id}/synthesis/approve")
    @RolesAllowed(Roles.BENEFICIARY)
    @Operation(summary = "Approve the synthesis", description = "The beneficiary approves the submitted revision; it "
            + "never changes afterwards.")
    public Syntheses.Document approveSynthesis(@PathParam("id") String id) {
        return syntheses.approve(id, caller);
    }

    @POST
    @Path("/{id}/synthesis/request-changes")
    @RolesAllowed(Roles.BENEFICIARY)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask for changes to the synthesis")
    public Syntheses.Document requestChanges(@PathParam("id") String id, CaseViews.ChangeRequest request) {
        return syntheses.requestChanges(id, caller, request == null ? null : request.comment());
    }

    @POST
    @Path("/{id}/consents")
    @RolesAllowed(Roles.BENEFICIARY)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Consent to share", description = "The beneficiary names a recipient and what they may "
            + "receive (synthesis, profile, results); nothing goes to a third party without it.")
    @APIResponse(responseCode = "201", description = "Recorded")
    public Response consent(@PathParam("id") String id, CaseViews.NewConsent request) {
        return Response.status(Response.Status.CREATED).entity(view(cases.consent(id, caller, request))).build();
    }

    @GET
    @Path("/{id}/consents")
    @RolesAllowed({Roles.COUNSELLOR, Roles.BENEFICIARY})
    @Operation(summary = "Consents of a case")
    public List<CaseViews.ConsentView> consents(@PathParam("id") String id) {
        return cases.consents(id, caller).stream().map(CaseResource::view).toList();
    }

    @DELETE
    @Path("/{id}/consents/{consent}")
    @RolesAllowed(Roles.BENEFICIARY)
    @Operation(summary = "Withdraw a consent")
    public CaseViews.ConsentView withdraw(@PathParam("id") String id, @PathParam("consent") long consent) {
        return view(cases.withdrawConsent(id, caller, consent));
    }

    @POST
    @Path("/{id}/transmissions")
    @RolesAllowed(Roles.COUNSELLOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Prepare a transmission to a third party", description = "Returns the parts the beneficiary "
            + "consented to give that recipient (the approved synthesis, the profile, the results), for the centre to "
            + "send; refused without a consent, after its withdrawal, or for a part it does not cover. Recorded in the "
            + "audit trail.")
    @APIResponse(responseCode = "409", description = "Not covered by a consent",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    public CaseViews.Transmission transmit(@PathParam("id") String id, CaseViews.NewTransmission request) {
        return cases.transmit(id, caller, request, syntheses::approved);
    }

    @GET
    @Path("/{id}/audit")
    @RolesAllowed(Roles.COUNSELLOR)
    @Operation(summary = "Audit trail", description = "Who read or changed what in the case, oldest first.")
    public List<CaseViews.AuditView> audit(@PathParam("id") String id) {
        return cases.auditTrail(id, caller).stream()
                .map(entry -> new CaseViews.AuditView(entry.at, entry.actor, entry.action, entry.detail)).toList();
    }

    // ---- views

    private CaseViews.CaseView view(CaseRecord record) {
        int used = cases.minutesUsed(record.id);
        CasePhase phase = CasePhase.of(record.phase);
        CaseViews.Next next = phase == CasePhase.CLOSED ? null
                : new CaseViews.Next(phase.next().code(), cases.missingFor(record, phase.next()));
        return new CaseViews.CaseView(record.id, record.centre, record.beneficiary, cases.contact(record), record.phase,
                record.demand,
                record.fitDecision == null ? null : new CaseViews.Fit(record.fitDecision, record.fitRoute,
                        record.fitSource, record.fitDecidedBy, record.fitDecidedAt),
                new CaseViews.Contract(record.beneficiarySignedBy, record.beneficiarySignedAt, record.counsellorSignedBy,
                        record.counsellorSignedAt),
                cases.counsellors(record.id),
                new CaseViews.Hours(used, Cases.MAXIMUM_MINUTES - used, Cases.MAXIMUM_MINUTES), record.followUpOn,
                record.closingRoute, record.createdAt, record.concludedAt, record.closedAt, next);
    }

    private static CaseViews.SessionView view(CaseSession session) {
        return new CaseViews.SessionView(session.id, session.phase, session.heldOn, session.minutes, session.activities,
                session.recordedBy);
    }

    private CaseViews.AdministrationView view(CaseAdministration administration) {
        return new CaseViews.AdministrationView(administration.id, administration.phase, administration.instrumentId,
                administration.version, administration.digest, administration.administeredBy,
                administration.administeredAt, cases.report(administration));
    }

    private static CaseViews.ConsentView view(CaseConsent consent) {
        return new CaseViews.ConsentView(consent.id, consent.recipient, List.of(consent.shared.split(",")),
                consent.purpose, consent.givenBy, consent.givenAt, consent.withdrawnAt);
    }
}

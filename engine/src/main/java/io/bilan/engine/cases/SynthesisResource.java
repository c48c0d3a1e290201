package io.bilan.engine.cases;

import io.bilan.engine.problem.Texts;

import io.bilan.engine.problem.InvalidRequestException;

import io.bilan.engine.problem.InvalidRequestException;
import io.bilan.engine.problem.Texts;
import io.bilan.engine.security.Caller;
import io.bilan.engine.security.Roles;
import io.bilan.synthesis.SynthesisHtml;
import io.bilan.synthesis.SynthesisPdf;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The synthesis document of a case, from draft to approval, as JSON, HTML or PDF. */
@Path("/api/v1/cases/{id}/synthesis")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases", description = "Bilans: phases, sessions, administrations, profile, synthesis, consents, audit.")
@Blocking
public class SynthesisResource {

    private final Syntheses syntheses;
    private final Caller caller;

    SynthesisResource(Syntheses syntheses, Caller caller) {
        this.syntheses = syntheses;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.COUNSELLOR)
    @Operation(summary = "Draft the synthesis document", description = "In the conclusion phase, from the case: the "
            + "profile, the validation of the project (target, an occupation id) with its factors and stages. The "
            + "circumstances are left for the counsellor to write, and the options for them to choose. Drafting again "
            + "keeps every section a counsellor has written.")
    @APIResponse(responseCode = "200", description = "The draft")
    public Syntheses.Document draftSynthesis(@PathParam("id") String id,
            @Parameter(description = "fr or en", example = "fr") @QueryParam("lang") String lang,
            @Parameter(description = "The occupation of the project", example = "registered-nurse") @QueryParam("target") String target,
            @Parameter(description = "Put the demand, as heard in the preliminary phase, in the circumstances (replacing "
                    + "them): it is free text the beneficiary may not want in the document, so only on request")
            @QueryParam("includeDemand") boolean includeDemand) {
        return syntheses.generate(id, caller, lang == null ? "fr" : lang, target, includeDemand);
    }

    @GET
    @RolesAllowed({Roles.COUNSELLOR, Roles.BENEFICIARY})
    @Operation(summary = "The synthesis document", description = "As JSON (with its status), as an HTML page "
            + "(Accept: text/html) or as a PDF (Accept: application/pdf). The approved one carries the date, who approved "
            + "it and the SHA-256 of the content approved.")
    @APIResponse(responseCode = "200", description = "The synthesis", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Syntheses.Document.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Syntheses.Document synthesis(@PathParam("id") String id) {
        return syntheses.read(id, caller);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Roles.COUNSELLOR, Roles.BENEFICIARY})
    @Operation(hidden = true)
    public String synthesisHtml(@PathParam("id") String id) {
        return SynthesisHtml.render(syntheses.read(id, caller).synthesis());
    }

    @GET
    @Produces("application/pdf")
    @RolesAllowed({Roles.COUNSELLOR, Roles.BENEFICIARY})
    @Operation(hidden = true)
    public Response synthesisPdf(@PathParam("id") String id) {
        return pdf(id);
    }

    /** The PDF at a path of its own, for clients that cannot choose the media type of an answer. */
    @GET
    @Path("/pdf")
    @Produces("application/pdf")
    @RolesAllowed({Roles.COUNSELLOR, Roles.BENEFICIARY})
    @Operation(summary = "The synthesis document as a PDF", description = "The same PDF as GET .../synthesis with "
            + "Accept: application/pdf: PDF/A-2u and PDF/UA-1.")
    @APIResponse(responseCode = "200", description = "The PDF",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response synthesisPdfDocument(@PathParam("id") String id) {
        return pdf(id);
    }

    private Response pdf(String id) {
        byte[] pdf = SynthesisPdf.render(syntheses.read(id, caller).synthesis());
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"synthesis.pdf\"").build();
    }

    @PUT
    @RolesAllowed(Roles.COUNSELLOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit the synthesis draft", description = "Any section: circumstances, favourable and "
            + "unfavourable factors, competences, options (each retained with its reason), roadmap, conclusion. A section "
            + "sent replaces the draft's and is kept when drafting again; one left out stays. A field that is not one of "
            + "these (status, revision...) is refused. An approved or submitted synthesis cannot be edited. With "
            + "If-Match, the revision the edit was made on: when the draft has changed since, the edit is refused "
            + "(409, code stale-revision) and nothing is written over.")
    public Syntheses.Document editSynthesis(@PathParam("id") String id,
            @Parameter(description = "The draft's revision the edit was made on, as the document's revision gives it",
                    example = "\"3\"") @HeaderParam("If-Match") String ifMatch,
            @Valid CaseViews.SynthesisEdit edit) {
        return syntheses.edit(id, caller, edit, revision(ifMatch));
    }

    /** The revision of an If-Match header: {@code "3"}, {@code W/"3"} or {@code 3}; none for {@code *} or absent. */
    static Integer revision(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String text = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        if (text.matches("\\d{1,9}")) {
            return Integer.valueOf(text);
        }
        throw InvalidRequestException.at("If-Match", "invalid-if-match", Texts.of("rule.synthesis-if-match"));
    }

    @POST
    @Path("/submit")
    @RolesAllowed(Roles.COUNSELLOR)
    @Operation(summary = "Submit the synthesis to the beneficiary")
    public Syntheses.Document submitSynthesis(@PathParam("id") String id) {
        return syntheses.submit(id, caller);
    }

    @POST
    @Path("/approve")
    @RolesAllowed(Roles.BENEFICIARY)
    @Operation(summary = "Approve the synthesis", description = "The beneficiary approves the submitted revision; it "
            + "never changes afterwards.")
    public Syntheses.Document approveSynthesis(@PathParam("id") String id) {
        return syntheses.approve(id, caller);
    }

    @POST
    @Path("/request-changes")
    @RolesAllowed(Roles.BENEFICIARY)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask for changes to the synthesis")
    public Syntheses.Document requestChanges(@PathParam("id") String id, @Valid CaseViews.ChangeRequest request) {
        return syntheses.requestChanges(id, caller, request == null ? null : request.comment());
    }
}

package io.bilan.engine.web.synthesis;

import io.bilan.engine.cases.Syntheses;
import io.bilan.engine.problem.ProblemException;
import io.bilan.engine.security.Caller;
import io.bilan.engine.web.Csrf;
import io.bilan.engine.web.Pages;
import io.bilan.synthesis.SynthesisHtml;
import io.bilan.synthesis.SynthesisPdf;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The beneficiary's synthesis document: read in the page, downloaded as PDF, approved, or sent back with a comment.
 * The same service as the API's decides what they may do, so the page offers nothing the API would refuse.
 */
@Path("/my/synthesis")
@PermitAll
@Blocking
@Produces(MediaType.TEXT_HTML)
public class SynthesisPages {

    private final Syntheses syntheses;
    private final Pages pages;
    private final Caller caller;
    private final Template synthesis;
    private final Template message;

    @Context
    HttpHeaders headers;
    @Context
    UriInfo uri;

    SynthesisPages(Syntheses syntheses, Pages pages, Caller caller, @Location("synthesis.html") Template synthesis,
            @Location("message.html") Template message) {
        this.syntheses = syntheses;
        this.pages = pages;
        this.caller = caller;
        this.synthesis = synthesis;
        this.message = message;
    }

    @GET
    @Operation(hidden = true)
    public Response read() {
        if (caller.browserSession().isEmpty()) {
            return pages.page(message, "session.none.title", headers, uri, caller).data("text", "session.none.text").status(401);
        }
        Syntheses.Document document;
        try {
            document = syntheses.read(caseId(), caller);
        } catch (ProblemException none) {
            document = null;
        }
        boolean shown = document != null && !document.status().equals(Syntheses.DRAFT);
        return pages.page(synthesis, "synthesis.title", headers, uri, caller)
                .data("shown", shown)
                .data("status", shown ? document.status() : "")
                .data("statusLabel", shown ? io.bilan.engine.web.PageTexts.of(io.bilan.engine.web.PageLanguage.of(headers))
                        .get("synthesis.status." + document.status()) : "")
                .data("changeRequest", shown && document.changeRequest() != null ? document.changeRequest() : "")
                .data("document", shown ? body(SynthesisHtml.render(document.synthesis())) : "")
                .ok();
    }

    @GET
    @Path("/pdf")
    @Produces("application/pdf")
    @Operation(hidden = true)
    public Response pdf() {
        if (caller.browserSession().isEmpty()) {
            // Followed from a link or typed, the address says why in a page rather than a browser's error.
            return pages.page(message, "session.none.title", headers, uri, caller).data("text", "session.none.text")
                    .status(401);
        }
        Syntheses.Document document = syntheses.read(caseId(), caller);
        if (document.status().equals(Syntheses.DRAFT)) {
            return Response.status(404).build();
        }
        return Response.ok(SynthesisPdf.render(document.synthesis()), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"synthese.pdf\"").build();
    }

    @POST
    @Path("/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response approve(MultivaluedMap<String, String> form) {
        if (!Csrf.valid(caller, form.getFirst(Csrf.FIELD))) {
            return pages.page(message, "csrf.title", headers, uri, caller).data("text", "csrf.text").status(403);
        }
        syntheses.approve(caseId(), caller);
        return Response.seeOther(URI.create("/my/synthesis")).build();
    }

    @POST
    @Path("/changes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response requestChanges(MultivaluedMap<String, String> form) {
        if (!Csrf.valid(caller, form.getFirst(Csrf.FIELD))) {
            return pages.page(message, "csrf.title", headers, uri, caller).data("text", "csrf.text").status(403);
        }
        String comment = form.getFirst("comment");
        syntheses.requestChanges(caseId(), caller, comment == null ? null
                : comment.substring(0, Math.min(comment.length(), 4000)));
        return Response.seeOther(URI.create("/my/synthesis")).build();
    }

    private String caseId() {
        return caller.browserSession().map(session -> session.caseId()).orElse("");
    }

    /** The document's content, without the frame of its own page. */
    public static String body(String html) {
        int start = html.indexOf("<main>");
        int end = html.lastIndexOf("</main>");
        return start < 0 || end < start ? "" : html.substring(start + "<main>".length(), end);
    }
}

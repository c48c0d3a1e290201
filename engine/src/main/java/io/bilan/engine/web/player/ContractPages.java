package io.bilan.engine.web.player;

import io.bilan.engine.cases.CaseNotFoundException;
import io.bilan.engine.cases.CaseViews;
import io.bilan.engine.cases.CaseDirectory;
import io.bilan.engine.cases.PreliminaryPhase;
import io.bilan.engine.problem.ProblemException;
import io.bilan.engine.security.Caller;
import io.bilan.engine.web.Csrf;
import io.bilan.engine.web.PageLanguage;
import io.bilan.engine.web.Pages;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The beneficiary's side of the contract of the preliminary phase: where it stands, and their signature once the
 * counsellor has decided that a bilan fits their demand. The service the API calls signs, so the same rules decide
 * and the same audit trail records.
 */
@Path("/my/contract")
@PermitAll
@Blocking
@Produces(MediaType.TEXT_HTML)
public class ContractPages {

    private final CaseDirectory cases;
    private final PreliminaryPhase preliminary;
    private final Pages pages;
    private final Caller caller;
    private final Template contract;
    private final Template message;

    @Context
    HttpHeaders headers;
    @Context
    UriInfo uri;

    ContractPages(CaseDirectory cases, PreliminaryPhase preliminary, Pages pages, Caller caller,
            @Location("contract.html") Template contract, @Location("message.html") Template message) {
        this.cases = cases;
        this.preliminary = preliminary;
        this.pages = pages;
        this.caller = caller;
        this.contract = contract;
        this.message = message;
    }

    @GET
    @Operation(hidden = true)
    public Response read() {
        if (caller.browserSession().isEmpty()) {
            return pages.page(message, "session.none.title", headers, uri, caller).data("text", "session.none.text")
                    .status(401);
        }
        CaseViews.CaseView view;
        try {
            view = cases.read(caseId(), caller);
        } catch (CaseNotFoundException gone) {
            return pages.page(message, "notFound.title", headers, uri, caller).data("text", "notFound.text").status(404);
        }
        CaseViews.Contract signatures = view.contract();
        OffsetDateTime beneficiary = signatures == null ? null : signatures.beneficiarySignedAt();
        OffsetDateTime counsellor = signatures == null ? null : signatures.counsellorSignedAt();
        boolean fit = view.fit() != null && CaseViews.Decision.ofCode(view.fit().decision()) == CaseViews.Decision.FIT;
        return pages.page(contract, "contract.title", headers, uri, caller)
                .data("signedOn", day(beneficiary))
                .data("counsellorSignedOn", day(counsellor))
                .data("canSign", beneficiary == null && fit && "preliminary".equals(view.phase()))
                .ok();
    }

    @POST
    @Path("/sign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response sign(MultivaluedMap<String, String> form) {
        if (caller.browserSession().isEmpty()) {
            return pages.page(message, "session.none.title", headers, uri, caller).data("text", "session.none.text")
                    .status(401);
        }
        if (!Csrf.valid(caller, form.getFirst(Csrf.FIELD))) {
            return pages.page(message, "csrf.title", headers, uri, caller).data("text", "csrf.text").status(403);
        }
        try {
            preliminary.sign(caseId(), caller);
        } catch (CaseNotFoundException gone) {
            return pages.page(message, "notFound.title", headers, uri, caller).data("text", "notFound.text").status(404);
        } catch (ProblemException refused) {
            // The page offers the signature only when the rules allow it: a refusal means the case moved meanwhile.
            return pages.page(message, "contract.refused.title", headers, uri, caller)
                    .data("text", "contract.refused.text").data("back", "/my/contract").status(409);
        }
        return Response.seeOther(URI.create("/my/contract")).build();
    }

    private String caseId() {
        return caller.browserSession().map(session -> session.caseId()).orElse("");
    }

    /** The day of a signature as the page's language writes it (20 Nov 2026, 20 nov. 2026), in UTC. */
    private String day(OffsetDateTime at) {
        if (at == null) {
            return "";
        }
        String lang = PageLanguage.of(headers);
        return at.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate().format(DateTimeFormatter
                .ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.forLanguageTag(lang.equals("en") ? "en-GB" : lang)));
    }
}

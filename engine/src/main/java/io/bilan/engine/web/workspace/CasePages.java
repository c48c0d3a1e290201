package io.bilan.engine.web.workspace;

import io.bilan.engine.cases.CaseNotFoundException;
import io.bilan.engine.cases.CasePhase;
import io.bilan.engine.cases.CaseViews;
import io.bilan.engine.cases.CaseWorkspace;
import io.bilan.engine.cases.Invitations;
import io.bilan.engine.cases.PlausibleDate;
import io.bilan.engine.cases.PreliminaryPhase;
import io.bilan.engine.cases.SessionLog;
import io.bilan.engine.cases.Syntheses;
import io.bilan.engine.cases.Transitions;
import io.bilan.engine.catalog.CatalogFilter;
import io.bilan.engine.catalog.CatalogListings;
import io.bilan.engine.problem.InvalidRequestException;
import io.bilan.engine.problem.ProblemDetails;
import io.bilan.engine.problem.ProblemException;
import io.bilan.engine.problem.ProblemType;
import io.bilan.engine.security.ApiKeys;
import io.bilan.engine.security.Caller;
import io.bilan.engine.security.Roles;
import io.bilan.engine.security.StaffAccounts;
import io.bilan.engine.web.Csrf;
import io.bilan.engine.web.PageLanguage;
import io.bilan.engine.web.PageTexts;
import io.bilan.engine.web.Pages;
import io.bilan.engine.web.staff.StaffGate;
import io.bilan.engine.web.synthesis.SynthesisPages;
import io.bilan.synthesis.SynthesisHtml;
import io.bilan.synthesis.SynthesisPdf;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.security.ForbiddenException;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The counsellor's case page: the whole case on one page, and its most used steps as plain forms posted back here
 * (log a session, move to the next phase, invite the beneficiary, draft and submit the synthesis, the preliminary
 * interview's demand, fit decision and signature), each calling the service the API calls, so the same rules decide
 * and the same audit trail records. A refusal shows the page again with what went wrong at the top and next to the
 * field. Only the case's counsellors, signed in (see {@link StaffGate}), see it; to anyone else the case does not
 * exist.
 */
@Path("/staff/cases/{id}")
@PermitAll
@Blocking
@Produces(MediaType.TEXT_HTML)
public class CasePages {

    private final CaseWorkspace workspace;
    private final SessionLog sessions;
    private final Transitions transitions;
    private final Invitations invitations;
    private final Syntheses syntheses;
    private final PreliminaryPhase preliminary;
    private final CatalogListings catalog;
    private final StaffAccounts accounts;
    private final ApiKeys keys;
    private final Pages pages;
    private final StaffGate gate;
    private final Caller caller;
    private final Clock clock;
    private final Template casePage;
    private final Template invited;
    private final Template synthesisPage;

    @Context
    HttpHeaders headers;
    @Context
    UriInfo uri;
    @Inject
    CaseObservations observationSection;
    @Inject
    Validator validator;
    @Inject
    @Location("case-synthesis-editor.html")
    Template editorPage;
    @Inject
    @Location("synthesis-document.html")
    Template synthesisDocument;

    CasePages(CaseWorkspace workspace, SessionLog sessions, Transitions transitions, Invitations invitations,
            Syntheses syntheses, PreliminaryPhase preliminary, CatalogListings catalog, StaffAccounts accounts,
            ApiKeys keys, Pages pages, StaffGate gate,
            Caller caller, Clock clock, @Location("case.html") Template casePage,
            @Location("case-invited.html") Template invited, @Location("case-synthesis.html") Template synthesisPage) {
        this.workspace = workspace;
        this.sessions = sessions;
        this.transitions = transitions;
        this.invitations = invitations;
        this.syntheses = syntheses;
        this.preliminary = preliminary;
        this.catalog = catalog;
        this.accounts = accounts;
        this.keys = keys;
        this.pages = pages;
        this.gate = gate;
        this.caller = caller;
        this.clock = clock;
        this.casePage = casePage;
        this.invited = invited;
        this.synthesisPage = synthesisPage;
    }

    /** A problem in the summary at the top of the page, linking to the field or the form it is about. */
    @TemplateData
    public record Problem(String href, String text) {
    }

    /**
     * The case page; {@code sector} and {@code level} filter its career options, {@code target} (an occupation's id,
     * or words to choose one from) validates a project, as {@code GET /api/v1/cases/{id}/career-options} takes them;
     * {@code audit} is the cursor of a page of the audit trail. One of them refused shows the page without them,
     * saying why.
     */
    @GET
    @Operation(hidden = true)
    public Response read(@PathParam("id") String id, @QueryParam("sector") String sector,
            @QueryParam("level") String level, @QueryParam("target") String target, @QueryParam("audit") String audit) {
        return gate.refusal(headers, uri, Roles.COUNSELLOR).orElseGet(() -> guarded(() -> {
            CaseWorkspace.Lens lens = new CaseWorkspace.Lens(sector, level, target, audit);
            try {
                return render(id, List.of(), Map.of(), Map.of(), lens).ok();
            } catch (CaseNotFoundException | ForbiddenException notYours) {
                throw notYours;
            } catch (ProblemException refused) {
                return refused(id, "lens", refused, uri.getQueryParameters());
            }
        }));
    }

    @POST
    @Path("/sessions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response logSession(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return act(id, form, "session", () -> {
            LocalDate date = date(form.getFirst("date"), "/date");
            Integer minutes = number(form.getFirst("minutes"), "/minutes");
            sessions.log(id, caller, new CaseViews.NewSession(date, minutes, form.getFirst("activities")));
            return "sessions";
        });
    }

    @POST
    @Path("/transitions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response move(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return act(id, form, "move", () -> {
            String to = form.getFirst("to");
            CasePhase phase = java.util.Arrays.stream(CasePhase.values()).filter(p -> p.code().equals(to)).findFirst()
                    .orElse(null);
            String followUp = form.getFirst("followUpOn");
            transitions.moveTo(id, caller, new CaseViews.Transition(phase,
                    followUp == null || followUp.isBlank() ? null : date(followUp, "/followUpOn")));
            return "phases";
        });
    }

    @POST
    @Path("/demand")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response demand(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return act(id, form, "demand", () -> {
            preliminary.recordDemand(id, caller, form.getFirst("demand"));
            return "preliminary";
        });
    }

    @POST
    @Path("/fit-decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response fit(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return act(id, form, "fit", () -> {
            String decision = form.getFirst("decision");
            preliminary.decideFit(id, caller, new CaseViews.FitDecision(CaseViews.Decision.ofCode(decision),
                    blankToNull(form.getFirst("route")), null));
            return "preliminary";
        });
    }

    @POST
    @Path("/signatures")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response sign(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return act(id, form, "sign", () -> {
            preliminary.sign(id, caller);
            return "preliminary";
        });
    }

    /** Invites the beneficiary: the link is shown on a page of its own, this once, to copy and send. */
    @POST
    @Path("/invitations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response invite(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return writeRefusal(id, form).orElseGet(() -> guarded(() -> {
            Invitations.InvitationView created;
            try {
                created = invitations.create(id, caller,
                        new Invitations.NewInvitation(blankToNull(form.getFirst("instrument")), null, null));
            } catch (CaseNotFoundException | ForbiddenException notFound) {
                throw notFound;
            } catch (ProblemException refused) {
                return refused(id, "invite", refused, form);
            }
            String link = created.link().startsWith("/")
                    ? uri.getBaseUri().toString().replaceAll("/+$", "") + created.link() : created.link();
            return pages.page(invited, "case.invited.title", headers, uri, caller)
                    .data("caseId", id)
                    .data("link", link)
                    .data("instrumentTitle", title(created.instrument(), created.version()))
                    .data("expires", CasePage.day(created.expiresAt().toLocalDate(),
                            PageTexts.of(PageLanguage.of(headers))))
                    .status(201);
        }));
    }

    @POST
    @Path("/invitations/{invitation}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response revoke(@PathParam("id") String id, @PathParam("invitation") String invitation,
            MultivaluedMap<String, String> form) {
        return act(id, form, "invitations", () -> {
            invitations.revoke(id, caller, invitation);
            return "invitations";
        });
    }

    @POST
    @Path("/synthesis")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response draftSynthesis(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return act(id, form, "synthesis", () -> {
            String language = form.getFirst("lang");
            syntheses.generate(id, caller, language == null ? PageLanguage.of(headers) : language,
                    blankToNull(form.getFirst("target")), false);
            return "synthesis";
        });
    }

    @POST
    @Path("/synthesis/submit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response submitSynthesis(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return act(id, form, "synthesis", () -> {
            syntheses.submit(id, caller);
            return "synthesis";
        });
    }

    /** The synthesis document read in the page, as the beneficiary reads it in theirs. */
    @GET
    @Path("/synthesis")
    @Operation(hidden = true)
    public Response synthesis(@PathParam("id") String id) {
        return gate.refusal(headers, uri, Roles.COUNSELLOR).orElseGet(() -> guarded(() -> {
            Syntheses.Document document;
            try {
                document = syntheses.read(id, caller);
            } catch (CaseNotFoundException notYours) {
                throw notYours;
            } catch (ProblemException notDrafted) {
                return gate.notFound(headers, uri);
            }
            PageTexts t = PageTexts.of(PageLanguage.of(headers));
            return pages.page(synthesisPage, "case.synthesis", headers, uri, caller)
                    .data("caseId", id)
                    .data("statusLabel", t.get("case.synthesis.status." + document.status()))
                    .data("revision", document.revision())
                    .data("document", SynthesisPages.body(SynthesisHtml.render(document.synthesis())))
                    .ok();
        }));
    }

    @POST
    @Path("/follow-up/early-reason")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response earlyFollowUp(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return act(id, form, "early", () -> {
            transitions.recordEarlyFollowUp(id, caller, form.getFirst("reason"));
            return "follow-up";
        });
    }

    @GET
    @Path("/synthesis.pdf")
    @Produces("application/pdf")
    @Operation(hidden = true)
    public Response synthesisPdf(@PathParam("id") String id) {
        return gate.refusal(headers, uri, Roles.COUNSELLOR).orElseGet(() -> guarded(() -> {
            Syntheses.Document document;
            try {
                document = syntheses.read(id, caller);
            } catch (CaseNotFoundException notYours) {
                throw notYours;
            } catch (ProblemException notDrafted) {
                return gate.notFound(headers, uri);
            }
            return Response.ok(SynthesisPdf.render(document.synthesis()), "application/pdf")
                    .header("Content-Disposition", "attachment; filename=\"synthesis-" + id + ".pdf\"").build();
        }));
    }

    /** The synthesis editor, a page of its own beside its preview. */
    @Path("/synthesis/editor")
    public SynthesisEditorPages editor() {
        return new SynthesisEditorPages(this, syntheses, validator, caller, pages, editorPage, synthesisDocument);
    }

    /** The career options kept with the beneficiary, in a class of their own; their refusals show in this page. */
    @Path("/options/kept")
    public CaseOptionPages keptOptions() {
        return new CaseOptionPages(this, syntheses, validator, caller);
    }

    /** The observations' steps, in a class of their own; their refusals show in this page. */
    @Path("/observations")
    public CaseObservationPages observations() {
        return observationSection.steps(this);
    }

    // --- how every page and step goes ---

    /**
     * Runs a step of the page: checks the form's CSRF token, runs it, and goes back to the case at the section it
     * changed; a refusal shows the page again with what went wrong.
     */
    Response act(String id, MultivaluedMap<String, String> form, String formName, Supplier<String> step) {
        return writeRefusal(id, form).orElseGet(() -> guarded(() -> {
            String section;
            try {
                section = step.get();
            } catch (CaseNotFoundException | ForbiddenException notFound) {
                throw notFound;
            } catch (ProblemException refused) {
                return refused(id, formName, refused, form);
            }
            return Response.seeOther(URI.create("/staff/cases/" + id + "#" + section)).build();
        }));
    }

    /**
     * Why a step may not be taken: not signed in (to the sign-in form, which comes back to the case), not a
     * counsellor, or a form without the session's CSRF token.
     */
    java.util.Optional<Response> writeRefusal(String id, MultivaluedMap<String, String> form) {
        if (caller.staffSession().isEmpty()) {
            return java.util.Optional.of(Response.seeOther(URI.create(StaffGate.SIGN_IN + "?back="
                    + java.net.URLEncoder.encode("/staff/cases/" + id, java.nio.charset.StandardCharsets.UTF_8))).build());
        }
        return gate.csrfRefusal(headers, uri, form.getFirst(Csrf.FIELD), Roles.COUNSELLOR);
    }

    StaffGate gate() {
        return gate;
    }

    /** The case's counsellors reach the page; to anyone else the case does not exist. */
    Response guarded(Supplier<Response> page) {
        try {
            return page.get();
        } catch (CaseNotFoundException | ForbiddenException notYours) {
            return gate.notFound(headers, uri);
        }
    }

    /** The page again, the refusal summarised at the top and each error next to its field. */
    Response refused(String id, String formName, ProblemException refused, MultivaluedMap<String, String> form) {
        List<ProblemDetails.Error> errors = refused.errors() == null || refused.errors().isEmpty()
                ? List.of(new ProblemDetails.Error(refused.type().code(), null, refused.detail(), null, null))
                : refused.errors();
        PageTexts t = PageTexts.of(PageLanguage.of(headers));
        List<Problem> summary = new ArrayList<>();
        Map<String, String> byField = new LinkedHashMap<>();
        for (ProblemDetails.Error error : errors) {
            String field = field(formName, error.pointer());
            String text = t.getOr("case.problem." + error.code(),
                    t.getOr("case.missing." + error.code(), error.message()));
            summary.add(new Problem("#" + field, text));
            byField.merge(field, text, (a, b) -> a + " " + b);
        }
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((name, given) -> {
            if (!name.equals(Csrf.FIELD) && !given.isEmpty()) {
                values.put(formName + "." + name, given.getFirst());
            }
        });
        int status = refused.type().status() == 404 ? 400 : refused.type().status();
        return render(id, summary, byField, values)
                .data("problemDetail", detail(formName, refused, form, t))
                .status(status);
    }

    /**
     * The sentence above a list of what the rules of the case found missing: for a move, the page's own words about
     * the phase asked for; a form's own errors need none.
     */
    private static String detail(String formName, ProblemException refused, MultivaluedMap<String, String> form,
            PageTexts t) {
        if (refused.type() != ProblemType.CASE_RULE || refused.errors() == null || refused.errors().isEmpty()) {
            return "";
        }
        String to = form.getFirst("to");
        return formName.equals("move") && to != null && to.matches("[a-z-]{1,20}")
                ? t.format("case.next.needs", t.getOr("case.phase." + to, to)) : refused.detail();
    }

    /** The id of the field an error points at, else of the form (or the section) it came from. */
    private static String field(String formName, String pointer) {
        String name = pointer == null ? "" : pointer.replaceFirst("^/", "");
        return switch (formName + ":" + name) {
            case "session:date" -> "session-date";
            case "session:minutes" -> "session-minutes";
            case "session:activities" -> "session-activities";
            case "move:followUpOn" -> "move-follow-up";
            case "demand:demand" -> "demand-text";
            case "fit:decision" -> "fit-fit";
            case "fit:route" -> "fit-route";
            case "invite:instrument" -> "invite-instrument";
            case "synthesis:target" -> "synthesis-target";
            case "early:reason" -> "early-reason";
            case "lens:sector" -> "options-sector";
            case "lens:level" -> "options-level";
            case "lens:target" -> "target-words";
            case "lens:cursor", "lens:audit" -> "audit";
            default -> formName.startsWith("keep-") ? "keep-reason-" + formName.substring("keep-".length())
                    : switch (formName) {
                case "lens" -> "options";
                case "sign" -> "preliminary";
                case "invitations", "synthesis", "observations", "kept" -> formName;
                default -> formName + "-form";
            };
        };
    }

    private Pages.Page render(String id, List<Problem> summary, Map<String, String> byField, Map<String, String> values) {
        return render(id, summary, byField, values, CaseWorkspace.Lens.NONE);
    }

    private Pages.Page render(String id, List<Problem> summary, Map<String, String> byField, Map<String, String> values,
            CaseWorkspace.Lens lens) {
        String lang = PageLanguage.of(headers);
        PageTexts t = PageTexts.of(lang);
        CaseWorkspace.Overview overview = workspace.overview(id, caller, lang, lens);
        CasePage page = CasePage.of(overview, lens, t, this::title,
                new People(accounts, keys, overview.view().centre(), t),
                catalog.list(new CatalogFilter(null, overview.view().phase(), null, null), lang), LocalDate.now(clock));
        return pages.page(casePage, "case.title", headers, uri, caller)
                .data("title", t.format("case.heading", page.beneficiary()))
                .data("c", page)
                .data("summary", summary)
                .data("fieldErrors", byField)
                .data("values", values)
                .data("problemDetail", "");
    }

    /** An instrument version's title in the page's language; its id when it cannot be loaded any more. */
    private String title(String instrument, String version) {
        try {
            return invitations.instrument(instrument, version).manifest().title()
                    .resolve(PageLanguage.of(headers), "en");
        } catch (RuntimeException unavailable) {
            return instrument;
        }
    }

    private static LocalDate date(String text, String pointer) {
        if (text == null || text.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text.strip());
        } catch (DateTimeParseException unreadable) {
            date = null;
        }
        if (date == null || date.isBefore(PlausibleDate.EARLIEST) || date.isAfter(PlausibleDate.LATEST)) {
            throw InvalidRequestException.at(pointer, "plausible-date", PageTexts.of("en").get("case.problem.plausible-date"));
        }
        return date;
    }

    static Integer number(String text, String pointer) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException unreadable) {
            throw InvalidRequestException.at(pointer, "invalid-session",
                    PageTexts.of("en").get("case.problem.invalid-session"));
        }
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}

package io.bilan.engine.web.player;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bilan.api.report.Problem;
import io.bilan.engine.cases.CaseNotFoundException;
import io.bilan.engine.cases.CaseViews;
import io.bilan.engine.cases.Invitations;
import io.bilan.engine.problem.ProblemDetails;
import io.bilan.engine.problem.ProblemException;
import io.bilan.engine.security.BrowserSessions;
import io.bilan.engine.security.Caller;
import io.bilan.engine.web.Csrf;
import io.bilan.engine.web.PageLanguage;
import io.bilan.engine.web.PageTexts;
import io.bilan.engine.web.Pages;
import io.bilan.runtime.Instrument;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The beneficiary's pages: the invitation link, their list of things to answer, the player of any instrument, and
 * what they may see once they have submitted. Every page is rendered on the server and works without JavaScript;
 * {@code /static/player.js} saves drafts as the person goes, counts down a timed test and reorders rankings.
 */
@Path("/")
@PermitAll
@Blocking
@Produces(MediaType.TEXT_HTML)
public class PlayerPages {

    private final Invitations invitations;
    private final Pages pages;
    private final Caller caller;
    private final Template home;
    private final Template invitation;
    private final Template mine;
    private final Template player;
    private final Template done;
    private final Template message;

    @Context
    HttpHeaders headers;
    @Context
    UriInfo uri;

    PlayerPages(Invitations invitations, Pages pages, Caller caller, @Location("home.html") Template home,
            @Location("invitation.html") Template invitation, @Location("mine.html") Template mine,
            @Location("player.html") Template player, @Location("done.html") Template done,
            @Location("message.html") Template message) {
        this.invitations = invitations;
        this.pages = pages;
        this.caller = caller;
        this.home = home;
        this.invitation = invitation;
        this.mine = mine;
        this.player = player;
        this.done = done;
        this.message = message;
    }

    @GET
    @Operation(hidden = true)
    public Response home() {
        return pages.page(home, "home.title", headers, uri, caller).ok();
    }

    /** The language switch: remembers the choice and goes back to the page it was used on. */
    @GET
    @Path("language")
    @Operation(hidden = true)
    public Response language(@jakarta.ws.rs.QueryParam("to") String to, @jakarta.ws.rs.QueryParam("back") String back) {
        String language = PageTexts.LANGUAGES.contains(to) ? to : PageTexts.LANGUAGES.getFirst();
        String target = back != null && back.startsWith("/") && !back.startsWith("//") && back.length() < 300 ? back : "/";
        return Response.seeOther(URI.create(target))
                .cookie(new NewCookie.Builder(PageLanguage.COOKIE).value(language).path("/").maxAge(365 * 24 * 3600)
                        .sameSite(NewCookie.SameSite.LAX).secure(true).build()).build();
    }

    /** The link of an invitation: a button opens it, so that a link checker fetching it does not use it up. */
    @GET
    @Path("i/{token}")
    @Operation(hidden = true)
    public Response invitation(@PathParam("token") String token) {
        var opened = invitations.openedInvitation(token, caller);
        if (opened.isPresent()) {
            return Response.seeOther(URI.create("/my/answer/" + opened.get())).build();
        }
        String status = invitations.linkStatus(token);
        if (!status.equals("pending")) {
            return closedLink(status);
        }
        return pages.page(invitation, "invitation.title", headers, uri, caller).data("token", token).ok();
    }

    @POST
    @Path("i/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response openInvitation(@PathParam("token") String token) {
        // No session exists yet to carry a CSRF token: the single-use token in the path is the proof.
        Invitations.Opened opened;
        try {
            opened = invitations.open(token);
        } catch (Invitations.ClosedLinkException closed) {
            return closedLink(closed.reason());
        }
        return Response.seeOther(URI.create("/my/answer/" + opened.invitation()))
                .cookie(new NewCookie.Builder(BrowserSessions.COOKIE).value(opened.session().secret()).path("/")
                        .maxAge((int) opened.session().maxAgeSeconds()).httpOnly(true).secure(true)
                        .sameSite(NewCookie.SameSite.STRICT).build())
                .build();
    }

    /** What the person has to answer and what they have answered. */
    @GET
    @Path("my")
    @Operation(hidden = true)
    public Response mine() {
        if (caller.browserSession().isEmpty()) {
            return noSession();
        }
        String caseId = caller.browserSession().get().caseId();
        String lang = PageLanguage.of(headers);
        List<Listed> listed = new ArrayList<>();
        for (Invitations.InvitationView view : invitations.mine(caseId, caller)) {
            if (view.status().equals("revoked")) {
                continue;
            }
            Instrument instrument = invitations.instrument(view.instrument(), view.version());
            listed.add(new Listed(view.id(), ItemViews.text(instrument.manifest().title(), lang),
                    view.status().equals("submitted"), instrument.manifest().estimatedMinutes()));
        }
        return pages.page(mine, "mine.title", headers, uri, caller).data("listed", listed).ok();
    }

    /** One line of the beneficiary's list. */
    @TemplateData
    public record Listed(String id, String title, boolean submitted, int minutes) {
    }

    @GET
    @Path("my/answer/{invitation}")
    @Operation(hidden = true)
    public Response answer(@PathParam("invitation") String id) {
        if (caller.browserSession().isEmpty()) {
            return noSession();
        }
        try {
            Invitations.Answering answering = invitations.answering(id, caller);
            if (answering.submitted()) {
                return Response.seeOther(URI.create("/my/answer/" + id + "/done")).build();
            }
            if (answering.revoked()) {
                return pages.page(message, "revoked.title", headers, uri, caller).data("text", "revoked.text").status(410);
            }
            return render(answering, answering.draft(), Map.of(), List.of(), 200);
        } catch (CaseNotFoundException notYours) {
            return notFound();
        }
    }

    /**
     * The form posted without JavaScript, or by its submit button: {@code action} is {@code save}, {@code submit},
     * {@code add:<item>} or {@code remove:<item>:<entry>}.
     */
    @POST
    @Path("my/answer/{invitation}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response post(@PathParam("invitation") String id, MultivaluedMap<String, String> form) {
        if (caller.browserSession().isEmpty()) {
            return noSession();
        }
        if (!Csrf.valid(caller, form.getFirst(Csrf.FIELD))) {
            return forbidden();
        }
        try {
            Invitations.Answering answering = invitations.answering(id, caller);
            if (answering.submitted()) {
                return Response.seeOther(URI.create("/my/answer/" + id + "/done")).build();
            }
            var manifest = answering.instrument().manifest();
            ObjectNode answers = AnswerForm.read(manifest, form);
            String action = form.getFirst("action") == null ? "save" : form.getFirst("action");
            if (action.startsWith("add:") || action.startsWith("remove:")) {
                String[] parts = action.split(":");
                JsonNode entries = answers.path(parts[1]);
                var array = entries.isArray() ? (com.fasterxml.jackson.databind.node.ArrayNode) entries
                        : answers.putArray(parts[1]);
                String anchor = "q-" + parts[1];
                if (action.startsWith("add:")) {
                    array.addObject();
                    anchor = anchor + "-" + (array.size() - 1);
                } else if (parts.length == 3 && parts[2].matches("\\d{1,3}") && Integer.parseInt(parts[2]) < array.size()) {
                    array.remove(Integer.parseInt(parts[2]));
                }
                invitations.saveDraft(id, caller, answers);
                return Response.seeOther(URI.create("/my/answer/" + id + "#" + anchor)).build();
            }
            if (!action.equals("submit")) {
                invitations.saveDraft(id, caller, answers);
                return pages.page(message, "saved.title", headers, uri, caller).data("text", "saved.text")
                        .data("back", "/my/answer/" + id).ok();
            }
            ObjectNode complete = AnswerForm.withoutBlankEntries(manifest, answers);
            var responses = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            responses.set("answers", complete);
            List<Problem> problems = answering.instrument().validate(responses);
            if (!problems.isEmpty()) {
                invitations.saveDraft(id, caller, answers);
                return render(answering, answers, byItem(problems.stream()
                        .map(p -> new ProblemDetails.Error(p.code(), p.pointer(), p.message(), null, null)).toList()),
                        general(problems.stream().map(p -> new ProblemDetails.Error(p.code(), p.pointer(), p.message(),
                                null, null)).toList()), 422);
            }
            try {
                invitations.submit(id, caller, complete, PageLanguage.of(headers));
            } catch (ProblemException refused) {
                invitations.saveDraft(id, caller, answers);
                List<ProblemDetails.Error> errors = refused.errors() == null || refused.errors().isEmpty()
                        ? List.of(new ProblemDetails.Error(refused.type().code(), null, refused.detail(), null, null))
                        : refused.errors();
                return render(answering, answers, byItem(errors), general(errors), 422);
            }
            return Response.seeOther(URI.create("/my/answer/" + id + "/done")).build();
        } catch (CaseNotFoundException notYours) {
            return notFound();
        }
    }

    /** The draft sent by the page's script as the person goes: the same form, answered with when it was saved. */
    @POST
    @Path("my/answer/{invitation}/draft")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response draft(@PathParam("invitation") String id, MultivaluedMap<String, String> form,
            @HeaderParam(Csrf.HEADER) String token) {
        if (caller.browserSession().isEmpty()) {
            return Response.status(401).entity(Map.of("saved", false)).type(MediaType.APPLICATION_JSON).build();
        }
        if (!Csrf.valid(caller, token)) {
            return Response.status(403).entity(Map.of("saved", false)).type(MediaType.APPLICATION_JSON).build();
        }
        try {
            Invitations.Answering answering = invitations.answering(id, caller);
            if (answering.submitted() || answering.revoked()) {
                return Response.status(409).entity(Map.of("saved", false)).type(MediaType.APPLICATION_JSON).build();
            }
            Invitations.Answering saved = invitations.saveDraft(id, caller,
                    AnswerForm.read(answering.instrument().manifest(), form));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("saved", true);
            body.put("savedAt", saved.draftSavedAt().toString());
            if (saved.secondsLeft() != null) {
                body.put("secondsLeft", saved.secondsLeft());
            }
            return Response.ok(body, MediaType.APPLICATION_JSON).build();
        } catch (CaseNotFoundException notYours) {
            return Response.status(404).entity(Map.of("saved", false)).type(MediaType.APPLICATION_JSON).build();
        }
    }

    /** What the person may see once they have submitted. */
    @GET
    @Path("my/answer/{invitation}/done")
    @Operation(hidden = true)
    public Response done(@PathParam("invitation") String id) {
        if (caller.browserSession().isEmpty()) {
            return noSession();
        }
        try {
            Invitations.Answering answering = invitations.answering(id, caller);
            if (!answering.submitted()) {
                return Response.seeOther(URI.create("/my/answer/" + id)).build();
            }
            CaseViews.AdministrationView result = invitations.result(id, caller);
            String lang = PageLanguage.of(headers);
            var manifest = answering.instrument().manifest();
            RespondentView view = RespondentView.of(manifest, result.report(), lang);
            return pages.page(done, "done.title", headers, uri, caller)
                    .data("instrumentTitle", ItemViews.text(manifest.title(), lang))
                    .data("view", view).ok();
        } catch (CaseNotFoundException notYours) {
            return notFound();
        }
    }

    @POST
    @Path("my/sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response signOut(MultivaluedMap<String, String> form) {
        if (caller.browserSession().isPresent() && Csrf.valid(caller, form.getFirst(Csrf.FIELD))) {
            invitations.endSession(caller.browserSession().get().id());
        }
        return Response.seeOther(URI.create("/"))
                .cookie(new NewCookie.Builder(BrowserSessions.COOKIE).value("").path("/").maxAge(0).httpOnly(true)
                        .secure(true).sameSite(NewCookie.SameSite.STRICT).build()).build();
    }

    private Response render(Invitations.Answering answering, JsonNode answers, Map<String, List<String>> problems,
            List<String> general, int status) {
        String lang = PageLanguage.of(headers);
        PageTexts t = PageTexts.of(lang);
        var manifest = answering.instrument().manifest();
        List<ItemView> items = ItemViews.of(manifest, answers, problems, Map.of(), lang, t);
        List<ProblemLink> summary = new ArrayList<>();
        general.forEach(text -> summary.add(new ProblemLink(null, text)));
        for (ItemView item : items) {
            item.problems().forEach(text -> summary.add(new ProblemLink("#" + item.domId(),
                    t.format("problem.atItem", item.number(), text))));
        }
        long answered = items.stream().filter(item -> !answers.path(item.id()).isMissingNode()).count();
        return pages.page(player, "player.title", headers, uri, caller)
                .data("title", ItemViews.text(manifest.title(), lang))
                .data("formAction", "/my/answer/" + answering.id())
                .data("draftUrl", "/my/answer/" + answering.id() + "/draft")
                .data("instructions", ItemViews.text(manifest.instructions(), lang))
                .data("items", items)
                .data("answered", answered)
                .data("total", items.size())
                .data("summary", summary)
                .data("timed", answering.secondsLeft() != null)
                .data("secondsLeft", answering.secondsLeft() == null ? 0 : answering.secondsLeft())
                .data("timeLeft", minutes(answering.secondsLeft() == null ? 0 : answering.secondsLeft()))
                .data("timeUp", answering.secondsLeft() != null && answering.secondsLeft() == 0)
                .data("savedAt", answering.draftSavedAt() == null ? ""
                        : answering.draftSavedAt().format(DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT)) + " UTC")
                .status(status);
    }

    /** Seconds as the timer shows them, {@code 29:05}. */
    static String minutes(int seconds) {
        return seconds / 60 + ":" + String.format(java.util.Locale.ROOT, "%02d", seconds % 60);
    }

    /** A problem in the summary at the top, linking to its item. */
    @TemplateData
    public record ProblemLink(String href, String text) {
    }

    /** The problems of each item, in the person's language. */
    private Map<String, List<String>> byItem(List<ProblemDetails.Error> errors) {
        PageTexts t = PageTexts.of(PageLanguage.of(headers));
        Map<String, List<String>> byItem = new LinkedHashMap<>();
        for (ProblemDetails.Error error : errors) {
            String item = itemOf(error.pointer());
            if (item != null) {
                byItem.computeIfAbsent(item, key -> new ArrayList<>()).add(t.getOr("problem." + error.code(), error.message()));
            }
        }
        return byItem;
    }

    private List<String> general(List<ProblemDetails.Error> errors) {
        PageTexts t = PageTexts.of(PageLanguage.of(headers));
        return errors.stream().filter(error -> itemOf(error.pointer()) == null)
                .map(error -> t.getOr("problem." + error.code(), error.message())).toList();
    }

    static String itemOf(String pointer) {
        if (pointer == null || !pointer.startsWith("/answers/")) {
            return null;
        }
        String rest = pointer.substring("/answers/".length());
        int slash = rest.indexOf('/');
        return (slash < 0 ? rest : rest.substring(0, slash)).replace("~1", "/").replace("~0", "~");
    }

    private Response closedLink(String reason) {
        return pages.page(message, "link." + reason + ".title", headers, uri, caller)
                .data("text", "link." + reason + ".text").status(reason.equals("unknown") ? 404 : 410);
    }

    private Response noSession() {
        return pages.page(message, "session.none.title", headers, uri, caller).data("text", "session.none.text").status(401);
    }

    private Response notFound() {
        return pages.page(message, "notFound.title", headers, uri, caller).data("text", "notFound.text").status(404);
    }

    private Response forbidden() {
        return pages.page(message, "csrf.title", headers, uri, caller).data("text", "csrf.text").status(403);
    }
}

package io.bilan.engine.web.player;

import com.fasterxml.jackson.databind.JsonNode;
import io.bilan.engine.cases.Observations;
import io.bilan.engine.problem.ProblemDetails;
import io.bilan.engine.problem.ProblemException;
import io.bilan.engine.security.Caller;
import io.bilan.engine.web.PageLanguage;
import io.bilan.engine.web.PageTexts;
import io.bilan.engine.web.Pages;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The observers' pages: an observer follows their link, presses Start, and rates the grid's criteria with the
 * behavioural anchors as the choices, on a phone or a tablet, alone. The link opens a browser session whose cookie
 * is sent to that observer's page only ({@code Path=/observe/<observer>}): it reaches no case, no other observation
 * and no other page. Drafts are saved as the player saves them, writes carry the session's CSRF token, and nothing
 * of the other observers' ratings is ever shown.
 */
@Path("/")
@PermitAll
@Blocking
@Produces(MediaType.TEXT_HTML)
public class ObserverPages {

    /** The observer's session cookie; each observer's page has its own. */
    static final String COOKIE = "bilan_observer";
    private static final String PAGE = "/observe/";

    private final Observations observations;
    private final Pages pages;
    private final Caller caller;
    private final Template start;
    private final Template player;
    private final Template message;

    @Context
    HttpHeaders headers;
    @Context
    UriInfo uri;

    ObserverPages(Observations observations, Pages pages, Caller caller, @Location("observer-start.html") Template start,
            @Location("player.html") Template player, @Location("message.html") Template message) {
        this.observations = observations;
        this.pages = pages;
        this.caller = caller;
        this.start = start;
        this.player = player;
        this.message = message;
    }

    /** An observer's link: a button opens it, so that a link checker fetching it does not use it up. */
    @GET
    @Path("o/{token}")
    @Operation(hidden = true)
    public Response link(@PathParam("token") String token) {
        String status = observations.linkStatus(token);
        if (!status.equals("pending")) {
            return closedLink(status);
        }
        return page(start, "observe.start.title").data("token", token).ok();
    }

    @POST
    @Path("o/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response open(@PathParam("token") String token) {
        // No session exists yet to carry a CSRF token: the single-use token in the path is the proof.
        Observations.Opened opened;
        try {
            opened = observations.openLink(token);
        } catch (Observations.ClosedLinkException closed) {
            return closedLink(closed.reason());
        }
        return Response.seeOther(URI.create(PAGE + opened.observer()))
                .cookie(new NewCookie.Builder(COOKIE).value(opened.secret()).path(PAGE + opened.observer())
                        .maxAge((int) opened.maxAgeSeconds()).httpOnly(true).secure(true)
                        .sameSite(NewCookie.SameSite.STRICT).build())
                .build();
    }

    /** The observer's grid, or their thanks once submitted. */
    @GET
    @Path("observe/{observer}")
    @Operation(hidden = true)
    public Response page(@PathParam("observer") String id, @CookieParam(COOKIE) String secret) {
        Optional<Observations.Rater> rater = observations.rater(id, secret);
        if (rater.isEmpty()) {
            return noSession();
        }
        Observations.Rating rating = observations.rating(rater.get());
        if (rating.submitted()) {
            return thanks();
        }
        if (rating.revoked()) {
            return message("observe.revoked.title", "observe.revoked.text", 410);
        }
        return render(rater.get(), rating, rating.ratings(), Map.of(), List.of(), 200);
    }

    /** The form posted without JavaScript, or by its buttons: {@code action} is {@code save} or {@code submit}. */
    @POST
    @Path("observe/{observer}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response post(@PathParam("observer") String id, @CookieParam(COOKIE) String secret,
            MultivaluedMap<String, String> form) {
        Optional<Observations.Rater> rater = observations.rater(id, secret);
        if (rater.isEmpty()) {
            return noSession();
        }
        if (!csrf(rater.get(), form.getFirst("_csrf"))) {
            return message("csrf.title", "csrf.text", 403);
        }
        Observations.Rating rating = observations.rating(rater.get());
        if (rating.submitted()) {
            return Response.seeOther(URI.create(PAGE + id)).build();
        }
        if (rating.revoked()) {
            return message("observe.revoked.title", "observe.revoked.text", 410);
        }
        JsonNode answers = AnswerForm.read(rating.instrument().manifest(), form);
        if (!"submit".equals(form.getFirst("action"))) {
            observations.save(rater.get(), answers);
            return page(message, "saved.title").data("text", "observe.saved.text")
                    .data("back", PAGE + id).data("backLabel", "observe.back").ok();
        }
        try {
            observations.submit(rater.get(), answers);
        } catch (ProblemException refused) {
            observations.save(rater.get(), answers);
            List<ProblemDetails.Error> errors = refused.errors() == null || refused.errors().isEmpty()
                    ? List.of(new ProblemDetails.Error(refused.type().code(), null, refused.detail(), null, null))
                    : refused.errors();
            return render(rater.get(), rating, answers, byItem(errors), general(errors), 422);
        }
        return Response.seeOther(URI.create(PAGE + id)).build();
    }

    /** The draft sent by the page's script as the observer goes, answered with when it was saved. */
    @POST
    @Path("observe/{observer}/draft")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response draft(@PathParam("observer") String id, @CookieParam(COOKIE) String secret,
            @HeaderParam("X-CSRF-Token") String token, MultivaluedMap<String, String> form) {
        Optional<Observations.Rater> rater = observations.rater(id, secret);
        if (rater.isEmpty()) {
            return json(401, Map.of("saved", false));
        }
        if (!csrf(rater.get(), token)) {
            return json(403, Map.of("saved", false));
        }
        Observations.Rating rating = observations.rating(rater.get());
        if (rating.submitted() || rating.revoked()) {
            return json(409, Map.of("saved", false));
        }
        Observations.Rating saved = observations.save(rater.get(),
                AnswerForm.read(rating.instrument().manifest(), form));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("saved", true);
        body.put("savedAt", saved.savedAt().toString());
        return json(200, body);
    }

    private Response render(Observations.Rater rater, Observations.Rating rating, JsonNode answers,
            Map<String, List<String>> problems, List<String> general, int status) {
        String lang = PageLanguage.of(headers);
        PageTexts t = PageTexts.of(lang);
        var manifest = rating.instrument().manifest();
        List<ItemView> items = ItemViews.of(manifest, Observations.criteria(manifest), answers, problems, Map.of(),
                lang, t);
        List<PlayerPages.ProblemLink> summary = new ArrayList<>();
        general.forEach(text -> summary.add(new PlayerPages.ProblemLink(null, text)));
        for (ItemView item : items) {
            item.problems().forEach(text -> summary.add(new PlayerPages.ProblemLink("#" + item.domId(),
                    t.format("problem.atItem", item.number(), text))));
        }
        long answered = items.stream().filter(item -> !answers.path(item.id()).isMissingNode()).count();
        return page(player, "observe.title")
                .data("title", ItemViews.text(manifest.title(), lang))
                .data("csrf", rater.csrfToken())
                .data("observerLead", t.format("observe.lead", rater.observer()))
                .data("submitLabel", t.get("observe.submit"))
                .data("answeredLabel", t.get("observe.answered"))
                .data("formAction", PAGE + rater.id())
                .data("draftUrl", PAGE + rater.id() + "/draft")
                .data("instructions", ItemViews.text(manifest.instructions(), lang))
                .data("items", items)
                .data("answered", answered)
                .data("total", items.size())
                .data("summary", summary)
                .data("timed", false)
                .data("secondsLeft", 0)
                .data("timeLeft", "")
                .data("timeUp", false)
                .data("savedAt", rating.savedAt() == null ? ""
                        : rating.savedAt().format(DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT)) + " UTC")
                .status(status);
    }

    private Map<String, List<String>> byItem(List<ProblemDetails.Error> errors) {
        PageTexts t = PageTexts.of(PageLanguage.of(headers));
        Map<String, List<String>> byItem = new LinkedHashMap<>();
        for (ProblemDetails.Error error : errors) {
            String item = PlayerPages.itemOf(error.pointer());
            if (item != null) {
                byItem.computeIfAbsent(item, key -> new ArrayList<>()).add(t.getOr("problem." + error.code(), error.message()));
            }
        }
        return byItem;
    }

    private List<String> general(List<ProblemDetails.Error> errors) {
        PageTexts t = PageTexts.of(PageLanguage.of(headers));
        return errors.stream().filter(error -> PlayerPages.itemOf(error.pointer()) == null)
                .map(error -> t.getOr("problem." + error.code(), error.message())).toList();
    }

    private static boolean csrf(Observations.Rater rater, String presented) {
        return presented != null && rater.csrfToken() != null && MessageDigest.isEqual(
                rater.csrfToken().getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    private static Response json(int status, Map<String, ?> body) {
        return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON).build();
    }

    private Response thanks() {
        return message("observe.done.title", "observe.done.text", 200);
    }

    private Response closedLink(String reason) {
        return message("observe.link." + reason + ".title", "observe.link." + reason + ".text",
                reason.equals("unknown") ? 404 : 410);
    }

    private Response noSession() {
        return message("observe.session.title", "observe.session.text", 401);
    }

    private Response message(String title, String text, int status) {
        return page(message, title).data("text", text).status(status);
    }

    /** A page of the observers: their footer says where their ratings go. */
    private Pages.Page page(Template template, String titleKey) {
        return pages.page(template, titleKey, headers, uri, caller).data("footer", "observe.footer");
    }
}

package io.bilan.engine.web.player;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bilan.api.report.Problem;
import io.bilan.api.report.ScoreReport;
import io.bilan.engine.runtime.RuntimeJson;
import io.bilan.engine.security.Caller;
import io.bilan.engine.web.PageLanguage;
import io.bilan.engine.web.PageTexts;
import io.bilan.engine.web.Pages;
import io.bilan.engine.web.preview.PreviewPackage;
import io.bilan.runtime.Instrument;
import io.bilan.runtime.scoring.ScoreOptions;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The author's preview ({@code bilan preview <folder>}): the beneficiary's player on the package being written, read
 * again when its files change (the page reloads itself), and after submitting, what the beneficiary would see and
 * the whole score report. Served only when the engine runs as a preview, on localhost.
 */
@Path("/preview")
@PermitAll
@Blocking
@Produces(MediaType.TEXT_HTML)
public class PreviewPages {

    private final PreviewPackage preview;
    private final Pages pages;
    private final Caller caller;
    private final Template player;
    private final Template report;
    private final Clock clock;
    private final ObjectMapper json;

    @Context
    HttpHeaders headers;
    @Context
    UriInfo uri;

    PreviewPages(PreviewPackage preview, Pages pages, Caller caller, @Location("player.html") Template player,
            @Location("preview-report.html") Template report, Clock clock, @RuntimeJson ObjectMapper json) {
        this.preview = preview;
        this.pages = pages;
        this.caller = caller;
        this.player = player;
        this.report = report;
        this.clock = clock;
        this.json = json;
    }

    @GET
    @Operation(hidden = true)
    public Response show() {
        if (!preview.enabled()) {
            return Response.status(404).build();
        }
        PreviewPackage.Loaded loaded = preview.current();
        if (loaded.instrument() == null) {
            return invalid(loaded);
        }
        return render(loaded, preview.draft(), Map.of(), List.of(), 200);
    }

    /** What identifies the package's files now: the page reloads itself when it changes. */
    @GET
    @Path("/stamp")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(hidden = true)
    public Response stamp() {
        return preview.enabled() ? Response.ok(preview.stamp()).build() : Response.status(404).build();
    }

    @POST
    @Path("/draft")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response draft(MultivaluedMap<String, String> form, @HeaderParam(io.bilan.engine.web.Csrf.HEADER) String token) {
        if (!preview.enabled() || !preview.csrf().equals(token)) {
            return Response.status(403).entity(Map.of("saved", false)).type(MediaType.APPLICATION_JSON).build();
        }
        PreviewPackage.Loaded loaded = preview.current();
        if (loaded.instrument() != null) {
            preview.saveDraft(AnswerForm.read(loaded.instrument().manifest(), form));
        }
        return Response.ok(Map.of("saved", true, "savedAt", Instant.now(clock).toString()), MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response post(MultivaluedMap<String, String> form) {
        if (!preview.enabled() || !preview.csrf().equals(form.getFirst(io.bilan.engine.web.Csrf.FIELD))) {
            return Response.status(403).build();
        }
        PreviewPackage.Loaded loaded = preview.current();
        if (loaded.instrument() == null) {
            return invalid(loaded);
        }
        Instrument instrument = loaded.instrument();
        ObjectNode answers = AnswerForm.read(instrument.manifest(), form);
        String action = form.getFirst("action") == null ? "save" : form.getFirst("action");
        if (action.equals("restart")) {
            preview.restart();
            return Response.seeOther(URI.create("/preview")).build();
        }
        if (action.startsWith("add:") || action.startsWith("remove:")) {
            String[] parts = action.split(":");
            var array = answers.path(parts[1]).isArray() ? (com.fasterxml.jackson.databind.node.ArrayNode) answers.get(parts[1])
                    : answers.putArray(parts[1]);
            if (action.startsWith("add:")) {
                array.addObject();
            } else if (parts.length == 3 && parts[2].matches("\\d{1,3}") && Integer.parseInt(parts[2]) < array.size()) {
                array.remove(Integer.parseInt(parts[2]));
            }
            preview.saveDraft(answers);
            return Response.seeOther(URI.create("/preview#q-" + parts[1])).build();
        }
        preview.saveDraft(answers);
        if (!action.equals("submit")) {
            return Response.seeOther(URI.create("/preview")).build();
        }
        ObjectNode responses = JsonNodeFactory.instance.objectNode();
        responses.set("answers", AnswerForm.withoutBlankEntries(instrument.manifest(), answers));
        if (instrument.manifest().timeLimitSeconds() != null) {
            responses.put("durationSeconds", Duration.between(preview.startedAt(Instant.now(clock)), Instant.now(clock)).toSeconds());
        }
        List<Problem> problems = instrument.validate(responses);
        PageTexts t = PageTexts.of(PageLanguage.of(headers));
        if (!problems.isEmpty()) {
            Map<String, List<String>> byItem = new LinkedHashMap<>();
            List<String> general = new ArrayList<>();
            for (Problem problem : problems) {
                String text = t.getOr("problem." + problem.code(), problem.message());
                String pointer = problem.pointer() == null ? "" : problem.pointer();
                if (pointer.startsWith("/answers/")) {
                    String rest = pointer.substring("/answers/".length());
                    byItem.computeIfAbsent(rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest,
                            key -> new ArrayList<>()).add(text);
                } else {
                    general.add(text);
                }
            }
            return render(loaded, answers, byItem, general, 422);
        }
        String lang = PageLanguage.of(headers);
        ScoreReport scored;
        try {
            scored = instrument.score(responses, new ScoreOptions(lang, null));
        } catch (RuntimeException refused) {
            return render(loaded, answers, Map.of(), List.of(String.valueOf(refused.getMessage())), 422);
        }
        String pretty;
        try {
            pretty = json.writerWithDefaultPrettyPrinter().writeValueAsString(scored);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            pretty = String.valueOf(scored);
        }
        return pages.page(report, "preview.report.title", headers, uri, caller)
                .data("csrf", preview.csrf())
                .data("instrumentTitle", ItemViews.text(instrument.manifest().title(), lang))
                .data("view", RespondentView.of(instrument.manifest(), scored, lang))
                .data("report", pretty)
                .ok();
    }

    private Response render(PreviewPackage.Loaded loaded, com.fasterxml.jackson.databind.JsonNode answers,
            Map<String, List<String>> problems, List<String> general, int status) {
        String lang = PageLanguage.of(headers);
        PageTexts t = PageTexts.of(lang);
        var manifest = loaded.instrument().manifest();
        List<ItemView> items = ItemViews.of(manifest, answers, problems, Map.of(), lang, t);
        List<PlayerPages.ProblemLink> summary = new ArrayList<>();
        general.forEach(text -> summary.add(new PlayerPages.ProblemLink(null, text)));
        for (ItemView item : items) {
            item.problems().forEach(text -> summary.add(new PlayerPages.ProblemLink("#" + item.domId(),
                    t.format("problem.atItem", item.number(), text))));
        }
        Integer limit = manifest.timeLimitSeconds();
        int left = 0;
        if (limit != null) {
            Instant started = preview.startedAt(Instant.now(clock));
            left = (int) Math.max(0, limit - Duration.between(started, Instant.now(clock)).toSeconds());
        }
        long answered = items.stream().filter(item -> !answers.path(item.id()).isMissingNode()).count();
        return pages.page(player, "player.title", headers, uri, caller)
                .data("title", ItemViews.text(manifest.title(), lang))
                .data("csrf", preview.csrf())
                .data("previewStamp", loaded.stamp())
                .data("formAction", "/preview")
                .data("draftUrl", "/preview/draft")
                .data("instructions", ItemViews.text(manifest.instructions(), lang))
                .data("items", items)
                .data("answered", answered)
                .data("total", items.size())
                .data("summary", summary)
                .data("timed", limit != null)
                .data("secondsLeft", left)
                .data("timeLeft", PlayerPages.minutes(left))
                .data("timeUp", limit != null && left == 0)
                .data("savedAt", "")
                .status(status);
    }

    private Response invalid(PreviewPackage.Loaded loaded) {
        return pages.page(report, "preview.invalid.title", headers, uri, caller)
                .data("csrf", preview.csrf())
                .data("previewStamp", loaded.stamp())
                .data("problems", loaded.problems())
                .data("instrumentTitle", "")
                .data("view", null)
                .data("report", "")
                .status(422);
    }
}

package io.bilan.engine.web.workspace;

import io.bilan.engine.cases.CaseNotFoundException;
import io.bilan.engine.cases.Observations;
import io.bilan.engine.problem.ProblemException;
import io.bilan.engine.security.Caller;
import io.bilan.engine.web.PageLanguage;
import io.bilan.engine.web.PageTexts;
import io.bilan.engine.web.Pages;
import io.quarkus.qute.Template;
import io.quarkus.security.ForbiddenException;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The observations' steps of the counsellor's case page, {@code /staff/cases/{id}/observations}, each calling
 * {@link Observations} as the API does: open an observation of a grid with named observers (their links are then shown
 * once, to copy), close it early, revoke an observer. A refusal shows the case page again with what went wrong in its
 * error summary, as its other forms do; the page reaches this class through {@link CasePages#observations()}.
 */
@PermitAll
@Blocking
@Produces(MediaType.TEXT_HTML)
public class CaseObservationPages {

    /** The form's name in the page: its errors link to {@code #observe-form}. */
    static final String FORM = "observe";

    private final CasePages page;
    private final Observations observations;
    private final Caller caller;
    private final Pages pages;
    private final Template observed;
    private final CaseObservations section;

    CaseObservationPages(CasePages page, Observations observations, Caller caller, Pages pages, Template observed,
            CaseObservations section) {
        this.page = page;
        this.observations = observations;
        this.caller = caller;
        this.pages = pages;
        this.observed = observed;
        this.section = section;
    }

    /** An observer's link, to copy. */
    @io.quarkus.qute.TemplateData
    public record ObserverLink(String observer, String link) {
    }

    /** Opens an observation: the observers' links are shown on a page of their own, this once. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response open(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return page.writeRefusal(id, form).orElseGet(() -> page.guarded(() -> {
            String lang = PageLanguage.of(page.headers);
            Observations.ObservationView opened;
            try {
                opened = observations.open(id, caller, new Observations.NewObservation(
                        blankToNull(form.getFirst("instrument")), null, observers(form.getFirst("observers")), null,
                        lang));
            } catch (CaseNotFoundException | ForbiddenException notFound) {
                throw notFound;
            } catch (ProblemException refused) {
                return page.refused(id, FORM, refused, form);
            }
            String base = page.uri.getBaseUri().toString().replaceAll("/+$", "");
            List<ObserverLink> links = opened.observers().stream()
                    .map(observer -> new ObserverLink(observer.observer(),
                            observer.link().startsWith("/") ? base + observer.link() : observer.link()))
                    .toList();
            PageTexts t = PageTexts.of(lang);
            return pages.page(observed, "case.observed.title", page.headers, page.uri, caller)
                    .data("caseId", id)
                    .data("links", links)
                    .data("gridTitle", section.title(opened.instrument(), opened.version(), lang))
                    .data("expires", CasePage.day(opened.observers().getFirst().expiresAt().toLocalDate(), t))
                    .status(201);
        }));
    }

    /** Closes an observation before every observer has submitted: the ratings submitted so far are stored. */
    @POST
    @Path("/{observation}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response close(@PathParam("id") String id, @PathParam("observation") String observation,
            MultivaluedMap<String, String> form) {
        return step(id, form, () -> observations.close(id, caller, observation));
    }

    /**
     * Gives an observer a new link, shown on a page of its own this once, as when the observation was opened: the
     * previous link opens nothing any more.
     */
    @POST
    @Path("/{observation}/observers/{observer}/link")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response newLink(@PathParam("id") String id, @PathParam("observation") String observation,
            @PathParam("observer") String observer, MultivaluedMap<String, String> form) {
        return page.writeRefusal(id, form).orElseGet(() -> page.guarded(() -> {
            String lang = PageLanguage.of(page.headers);
            Observations.ObserverView renewed;
            Observations.ObservationView observed;
            try {
                renewed = observations.newLink(id, caller, observation, observer);
                observed = observations.observation(id, caller, observation);
            } catch (CaseNotFoundException | ForbiddenException notFound) {
                throw notFound;
            } catch (ProblemException refused) {
                return page.refused(id, "observations", refused, form);
            }
            String base = page.uri.getBaseUri().toString().replaceAll("/+$", "");
            PageTexts t = PageTexts.of(lang);
            return pages.page(this.observed, "case.observed.renewedTitle", page.headers, page.uri, caller)
                    .data("caseId", id)
                    .data("renewed", true)
                    .data("links", List.of(new ObserverLink(renewed.observer(),
                            renewed.link().startsWith("/") ? base + renewed.link() : renewed.link())))
                    .data("gridTitle", section.title(observed.instrument(), observed.version(), lang))
                    .data("expires", CasePage.day(renewed.expiresAt().toLocalDate(), t))
                    .ok();
        }));
    }

    /** Revokes an observer's link. */
    @POST
    @Path("/{observation}/observers/{observer}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response revoke(@PathParam("id") String id, @PathParam("observation") String observation,
            @PathParam("observer") String observer, MultivaluedMap<String, String> form) {
        return step(id, form, () -> observations.revoke(id, caller, observation, observer));
    }

    private Response step(String id, MultivaluedMap<String, String> form, Supplier<?> step) {
        return page.writeRefusal(id, form).orElseGet(() -> page.guarded(() -> {
            try {
                step.get();
            } catch (CaseNotFoundException | ForbiddenException notFound) {
                throw notFound;
            } catch (ProblemException refused) {
                return page.refused(id, "observations", refused, form);
            }
            return Response.seeOther(URI.create("/staff/cases/" + id + "#observations")).build();
        }));
    }

    /** The observers as the form gives them: one a line (commas also separate), blank lines left out. */
    static List<String> observers(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[\\r\\n,]+")).map(String::strip)
                .filter(name -> !name.isEmpty()).toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}

package io.bilan.engine.web.workspace;

import io.bilan.engine.cases.Observations;
import io.bilan.engine.catalog.CatalogFilter;
import io.bilan.engine.catalog.CatalogListings;
import io.bilan.engine.scoring.ScoringService;
import io.bilan.engine.security.Caller;
import io.bilan.engine.web.ObservationSummary;
import io.bilan.engine.web.PageTexts;
import io.bilan.engine.web.Pages;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.List;

/**
 * The "Observations" section of the counsellor's case page ({@code case-observations.html}): the observation grids of
 * the case's phase an observation can be opened on, and the case's observations with where each observer stands and,
 * once stored, the ratings and their agreement. It reads them from {@link Observations}, as the API does, so the same
 * rules decide what a counsellor sees (never a rating before all are in) and reading stored ratings is audited.
 */
@ApplicationScoped
@Named("caseObservations")
public class CaseObservations {

    static final String GRID = "observation-grid";

    private final Observations observations;
    private final CatalogListings catalog;
    private final ScoringService scoring;
    private final Caller caller;
    private final Pages pages;
    private final Template observed;

    CaseObservations(Observations observations, CatalogListings catalog, ScoringService scoring, Caller caller,
            Pages pages, @Location("case-observers.html") Template observed) {
        this.observations = observations;
        this.catalog = catalog;
        this.scoring = scoring;
        this.caller = caller;
        this.pages = pages;
        this.observed = observed;
    }

    /** The observations' steps of the case page {@code page} is serving. */
    CaseObservationPages steps(CasePages page) {
        return new CaseObservationPages(page, observations, caller, pages, observed, this);
    }

    /** A grid version's title in {@code lang}; its id when it cannot be loaded any more. */
    String title(String instrument, String version, String lang) {
        try {
            return scoring.instrument(instrument, version).manifest().title().resolve(lang, "en");
        } catch (RuntimeException unavailable) {
            return instrument;
        }
    }

    /**
     * The section.
     *
     * @param grids        the observation grids of the case's phase
     * @param observations the case's observations, newest first
     */
    @TemplateData
    public record Section(List<CasePage.Choice> grids, List<Row> observations) {
    }

    /**
     * An observation.
     *
     * @param summary      the ratings and agreement once stored, else where each observer stands
     * @param resultAnchor the stored administration's anchor in the page, or empty
     */
    @TemplateData
    public record Row(String id, String title, String status, String statusLabel, String opened, boolean open,
            List<ObserverRow> observers, ObservationSummary summary, String resultAnchor) {
    }

    /** An observer: {@code status} is pending (invited), opened (in progress), submitted, revoked or expired. */
    @TemplateData
    public record ObserverRow(String name, String status, String statusLabel, boolean revocable) {
    }

    /** The section of case {@code caseId}, in phase {@code phase}, in the page's language. */
    public Section of(String caseId, String phase, String lang) {
        PageTexts t = PageTexts.of(lang);
        List<CasePage.Choice> grids = catalog.list(new CatalogFilter(GRID, phase, null, null), lang).stream()
                .filter(instrument -> !instrument.deprecated() && instrument.kind().equals(GRID))
                .map(instrument -> new CasePage.Choice(instrument.id(), instrument.title())).toList();
        List<Row> rows = observations.list(caseId, caller).reversed().stream()
                .map(listed -> row(caseId, listed, t)).toList();
        return new Section(grids, rows);
    }

    private Row row(String caseId, Observations.ObservationView listed, PageTexts t) {
        Observations.ObservationView observation = listed.administration() == null ? listed
                : observations.observation(caseId, caller, listed.id());
        boolean open = observation.status().equals("open");
        List<ObserverRow> observers = observation.observers().stream()
                .map(observer -> new ObserverRow(observer.observer(), observer.status(),
                        t.get("case.observer.status." + observer.status()),
                        open && (observer.status().equals("pending") || observer.status().equals("opened"))))
                .toList();
        String title;
        ObservationSummary summary = null;
        try {
            var instrument = scoring.instrument(observation.instrument(), observation.version());
            title = instrument.manifest().title().resolve(t.language(), "en");
            if (observation.ratings() != null) {
                summary = ObservationSummary.of(observation, instrument, t.language());
            }
        } catch (RuntimeException unavailable) {
            title = observation.instrument();
        }
        return new Row(observation.id(), title, observation.status(),
                t.get("case.observations.status." + observation.status()),
                CasePage.moment(observation.createdAt(), t), open, observers, summary,
                observation.administration() == null ? "" : "result-" + observation.administration());
    }
}

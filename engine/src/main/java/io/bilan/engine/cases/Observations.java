package io.bilan.engine.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bilan.api.instrument.InstrumentManifest;
import io.bilan.api.instrument.Item;
import io.bilan.api.report.Problem;
import io.bilan.engine.config.PagesConfig;
import io.bilan.engine.problem.InvalidRequestException;
import io.bilan.engine.problem.ProblemDetails;
import io.bilan.engine.problem.ProblemException;
import io.bilan.engine.problem.Texts;
import io.bilan.engine.scoring.ScoringService;
import io.bilan.engine.security.BrowserSessions;
import io.bilan.engine.security.Caller;
import io.bilan.engine.security.Sha256;
import io.bilan.runtime.Instrument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Observations of a case: a counsellor invites observers (colleagues or guests) to rate a role play or an interview
 * grid, each by a link of their own that opens once, expires and can be revoked. Each observer rates in a browser
 * session limited to that observation and never sees the others' ratings. When every observer still invited has
 * submitted, or when a counsellor closes the observation with those who have, the ratings are stored as one
 * administration of the grid, each criterion answered {@code {"<observer>": rating}}, and scored as usual; the
 * counsellors then see each observer's ratings and how far they agree ({@link ObserverAgreement}).
 */
@ApplicationScoped
public class Observations {

    /** The path of an observer's link, followed by its token. */
    public static final String LINK_PATH = "/o/";
    /** How an observer is named in the answers, as the package format allows. */
    private static final Pattern OBSERVER = Pattern.compile("^[\\p{L}\\p{N}_.-]{1,64}$");
    /** The most observers an observation-criterion answer takes. */
    private static final int MAX_OBSERVERS = 20;

    private final CaseAccess access;
    private final AuditTrail audit;
    private final CaseJson json;
    private final ScoringService scoring;
    private final Administrations administrations;
    private final BrowserSessions sessions;
    private final OneTimeLinks oneTimeLinks;
    private final PagesConfig config;
    private final Clock clock;

    Observations(CaseAccess access, AuditTrail audit, CaseJson json, ScoringService scoring,
            Administrations administrations, BrowserSessions sessions, OneTimeLinks oneTimeLinks, PagesConfig config,
            Clock clock) {
        this.access = access;
        this.audit = audit;
        this.json = json;
        this.scoring = scoring;
        this.administrations = administrations;
        this.sessions = sessions;
        this.oneTimeLinks = oneTimeLinks;
        this.config = config;
        this.clock = clock;
    }

    /** What the counsellor asks for: a grid, its observers' ids and, optionally, the report's language. */
    @Schema(name = "NewObservation")
    public record NewObservation(
            @Schema(description = "The observation grid's id", example = "roleplay-client-conflict") String instrument,
            @Schema(description = "Its version; latest when absent") String version,
            @Schema(description = "1 to 20 observers, each named by 1 to 64 letters, digits, _, . or -; the name "
                    + "is their id in the stored answers", example = "[\"camille\", \"guest1\"]") List<String> observers,
            @Schema(description = "How long the links can be opened, 1 to 90 days (14 by default)") Integer expiresInDays,
            @Schema(description = "The language of the stored report (fr by default)", example = "fr") String lang) {
    }

    /** An observer as the counsellors see them; {@code link} only once, when the observation is opened. */
    @Schema(name = "Observer")
    public record ObserverView(String observer,
            @Schema(description = "pending, opened, submitted, revoked or expired") String status,
            OffsetDateTime expiresAt, OffsetDateTime openedAt, OffsetDateTime submittedAt, String link) {
    }

    /**
     * An observation as the counsellors see it: the ratings and their agreement once stored, never before (an observer
     * who is also a counsellor of the case could otherwise see the others' ratings).
     */
    @Schema(name = "Observation")
    public record ObservationView(String id, String instrument, String version,
            @Schema(description = "open (ratings awaited), stored (as the administration) or cancelled") String status,
            String createdBy, OffsetDateTime createdAt, OffsetDateTime closedAt, Long administration,
            List<ObserverView> observers,
            @Schema(description = "Once stored: criterion to observer to rating, criteria in the grid's order")
            Map<String, Map<String, Integer>> ratings,
            @Schema(description = "Once stored: how far the observers agree") ObserverAgreement.Agreement agreement) {
    }

    /** Why an observer's link opens nothing: {@code unknown}, {@code used}, {@code revoked} or {@code expired}. */
    public static final class ClosedLinkException extends RuntimeException {
        private final String reason;

        ClosedLinkException(String reason) {
            super("observer link " + reason, null, false, false);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** A link just opened: the observer's page and the session's secret, for a cookie limited to that page. */
    public record Opened(String observer, String secret, long maxAgeSeconds) {
    }

    /** The observer a browser session is, on their own page only. */
    public record Rater(String id, String observationId, String caseId, String observer, String csrfToken) {
    }

    /** What an observer's page shows: the grid, their own ratings so far and where they stand. */
    public record Rating(Instrument instrument, JsonNode ratings, OffsetDateTime savedAt, boolean submitted,
            boolean revoked, String lang) {
    }

    /** Opens an observation of a grid of the case's phase, with a link for each observer. */
    @Transactional
    public ObservationView open(String caseId, Caller caller, NewObservation request) {
        CaseRecord record = access.openLocked(caseId, caller, Access.COUNSELLOR);
        if (request == null || request.instrument() == null || request.instrument().isBlank()) {
            throw InvalidRequestException.at("/instrument", "missing-field", Texts.of("observation.missing-instrument"));
        }
        List<String> observers = checkedObservers(request.observers());
        if (request.expiresInDays() != null && (request.expiresInDays() < 1 || request.expiresInDays() > 90)) {
            throw InvalidRequestException.at("/expiresInDays", "out-of-range", Texts.of("observation.expires"));
        }
        if (request.lang() != null && !Texts.LANGUAGES.contains(request.lang())) {
            throw InvalidRequestException.at("/lang", "unknown-language", Texts.of("observation.lang", Texts.LANGUAGES));
        }
        Instrument instrument = scoring.instrument(request.instrument(),
                request.version() == null ? "latest" : request.version());
        InstrumentManifest manifest = instrument.manifest();
        if (!manifest.kind().code().equals("observation-grid")
                || manifest.items().stream().noneMatch(Item.ObservationCriterion.class::isInstance)) {
            throw CaseRuleException.of("not-an-observation-grid", Texts.of("observation.not-a-grid", manifest.id()));
        }
        if (manifest.phases().stream().noneMatch(phase -> phase.code().equals(record.phase))) {
            throw CaseRuleException.of("instrument-not-in-phase", Texts.of("rule.instrument-not-in-phase",
                    manifest.id(), String.join(", ", manifest.phases().stream().map(p -> p.code()).toList()),
                    record.phase));
        }
        if (record.closedAt != null) {
            throw CaseRuleException.of("case-closed", Texts.of("observation.case-closed"));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        CaseObservation observation = new CaseObservation();
        observation.id = UUID.randomUUID().toString();
        observation.caseId = caseId;
        observation.instrumentId = manifest.id();
        observation.version = manifest.version();
        observation.lang = request.lang() == null ? "fr" : request.lang();
        observation.createdBy = caller.name();
        observation.createdAt = now;
        observation.persist();
        Map<String, String> links = new LinkedHashMap<>();
        for (int i = 0; i < observers.size(); i++) {
            OneTimeLinks.Issued issued = oneTimeLinks.issue(LINK_PATH);
            CaseObserver observer = new CaseObserver();
            observer.id = UUID.randomUUID().toString();
            observer.observationId = observation.id;
            observer.caseId = caseId;
            observer.observer = observers.get(i);
            observer.position = i;
            observer.tokenHash = issued.hash();
            observer.expiresAt = now.plus(request.expiresInDays() == null ? config.invitationLifetime()
                    : Duration.ofDays(request.expiresInDays()));
            observer.persist();
            links.put(observer.observer, issued.link());
        }
        audit.record(caseId, caller, "observation-opened", observation.id + " " + manifest.coordinates() + " "
                + String.join(",", observers));
        return view(observation, links, false);
    }

    /** The observations of a case, oldest first, without ratings. */
    @Transactional
    public List<ObservationView> list(String caseId, Caller caller) {
        access.open(caseId, caller, Access.COUNSELLOR);
        return CaseObservation.ofCase(caseId).stream().map(observation -> view(observation, Map.of(), false)).toList();
    }

    /** One observation: where each observer stands and, once stored, their ratings and agreement. The read is audited. */
    @Transactional
    public ObservationView observation(String caseId, Caller caller, String observationId) {
        access.open(caseId, caller, Access.COUNSELLOR);
        CaseObservation observation = find(caseId, observationId);
        if (observation.administration != null) {
            audit.record(caseId, caller, "observation-read", observation.id);
        }
        return view(observation, Map.of(), true);
    }

    /**
     * Closes an observation before every observer has submitted: the ratings submitted so far are stored and the other
     * links open nothing any more. Without any rating submitted, nothing can be stored (409).
     */
    @Transactional
    public ObservationView close(String caseId, Caller caller, String observationId) {
        access.open(caseId, caller, Access.COUNSELLOR);
        find(caseId, observationId);
        CaseObservation observation = CaseObservation.locked(observationId).orElseThrow();
        if (observation.closedAt == null) {
            List<CaseObserver> observers = CaseObserver.ofObservation(observation.id);
            if (observers.stream().noneMatch(observer -> observer.submittedAt != null)) {
                throw CaseRuleException.of("no-ratings-submitted", Texts.of("observation.nothing-submitted"));
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            observers.stream().filter(observer -> observer.submittedAt == null && observer.revokedAt == null)
                    .forEach(observer -> {
                        observer.revokedAt = now;
                        observer.revokedBy = caller.name();
                    });
            audit.record(caseId, caller, "observation-closed", observation.id);
            complete(observation, observers, caller.name());
        }
        return view(observation, Map.of(), true);
    }

    /**
     * Revokes one observer's link: it opens nothing any more and their ratings can no longer be submitted. If every
     * other observer has submitted, the observation is complete and stored.
     */
    @Transactional
    public ObservationView revoke(String caseId, Caller caller, String observationId, String observerId) {
        access.open(caseId, caller, Access.COUNSELLOR);
        find(caseId, observationId);
        CaseObservation observation = CaseObservation.locked(observationId).orElseThrow();
        List<CaseObserver> observers = CaseObserver.ofObservation(observation.id);
        CaseObserver observer = observers.stream().filter(o -> o.observer.equals(observerId)).findFirst()
                .orElseThrow(() -> new CaseNotFoundException(caseId + "/observations/" + observationId + "/observers/"
                        + observerId));
        if (observer.revokedAt == null && observer.submittedAt == null) {
            observer.revokedAt = OffsetDateTime.now(clock);
            observer.revokedBy = caller.name();
            audit.record(caseId, caller, "observer-revoked", observation.id + " " + observer.observer);
            completeIfAllIn(observation, observers, caller.name());
        }
        return view(observation, Map.of(), true);
    }

    /**
     * Gives an observer who lost their link, or wants to rate on another device, a new one: the previous link and the
     * browser session it opened open nothing any more, and the ratings saved so far are kept.
     */
    @Transactional
    public ObserverView newLink(String caseId, Caller caller, String observationId, String observerId) {
        access.open(caseId, caller, Access.COUNSELLOR);
        find(caseId, observationId);
        CaseObservation observation = CaseObservation.locked(observationId).orElseThrow();
        CaseObserver observer = CaseObserver.ofObservation(observation.id).stream()
                .filter(o -> o.observer.equals(observerId)).findFirst()
                .orElseThrow(() -> new CaseNotFoundException(caseId + "/observations/" + observationId + "/observers/"
                        + observerId));
        if (observer.submittedAt != null || observer.revokedAt != null || observation.closedAt != null) {
            throw CaseRuleException.of("observer-done", Texts.of("observation.observer-done", observer.observer));
        }
        OneTimeLinks.Issued issued = oneTimeLinks.issue(LINK_PATH);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Duration lifetime = Duration.between(observation.createdAt, observer.expiresAt);
        observer.tokenHash = issued.hash();
        observer.expiresAt = now.plus(lifetime);
        observer.openedAt = null;
        observer.sessionHash = null;
        observer.csrfToken = null;
        observer.sessionExpiresAt = null;
        audit.record(caseId, caller, "observer-link-renewed", observation.id + " " + observer.observer);
        return new ObserverView(observer.observer, observer.status(now), observer.expiresAt, observer.openedAt,
                observer.submittedAt, issued.link());
    }

    // --- the observer's side ---

    /** Whether an observer's link can still be opened ({@code pending}), without opening it, or why not. */
    @Transactional
    public String linkStatus(String token) {
        return CaseObserver.byTokenHash(OneTimeLinks.hashOf(token))
                .map(observer -> closedReason(observer, OffsetDateTime.now(clock)))
                .orElse("unknown");
    }

    /** Opens an observer's link, once: a browser session starts, limited to this observer's page. */
    @Transactional
    public Opened openLink(String token) {
        CaseObserver found = CaseObserver.byTokenHash(OneTimeLinks.hashOf(token))
                .orElseThrow(() -> new ClosedLinkException("unknown"));
        CaseObservation.locked(found.observationId);
        CaseObserver observer = CaseObserver.findById(found.id);
        CaseObserver.getEntityManager().refresh(observer);
        String reason = closedReason(observer, OffsetDateTime.now(clock));
        if (!reason.equals("pending")) {
            throw new ClosedLinkException(reason);
        }
        String secret = sessions.randomToken();
        OffsetDateTime now = OffsetDateTime.now(clock);
        observer.openedAt = now;
        observer.sessionHash = Sha256.hex(secret);
        observer.csrfToken = sessions.randomToken();
        observer.sessionExpiresAt = now.plus(config.sessionLifetime());
        audit.record(observer.caseId, "observer:" + observer.observer, "observer-link-opened", observer.observationId);
        return new Opened(observer.id, secret, config.sessionLifetime().toSeconds());
    }

    /** The observer whose page {@code observerId} this session's {@code secret} opens; nobody else's. */
    @Transactional
    public Optional<Rater> rater(String observerId, String secret) {
        if (observerId == null || observerId.length() > 36 || secret == null || secret.length() < 20
                || secret.length() > 100) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return CaseObserver.<CaseObserver>findByIdOptional(observerId)
                .filter(observer -> observer.sessionHash != null && observer.sessionHash.equals(Sha256.hex(secret))
                        && observer.sessionExpiresAt.isAfter(now))
                .map(observer -> new Rater(observer.id, observer.observationId, observer.caseId, observer.observer,
                        observer.csrfToken));
    }

    /** What the rater's page shows: never another observer's ratings. */
    @Transactional
    public Rating rating(Rater rater) {
        return rating(CaseObserver.findById(rater.id()));
    }

    /** Keeps the rater's ratings so far; a submitted or revoked observer keeps what they had. */
    @Transactional
    public Rating save(Rater rater, JsonNode answers) {
        CaseObserver observer = CaseObserver.findById(rater.id());
        CaseObservation observation = observationOf(observer);
        if (observer.submittedAt == null && observer.revokedAt == null && observation.closedAt == null) {
            Instrument instrument = scoring.instrument(observation.instrumentId, observation.version);
            observer.setRatings(json.write(criteriaOnly(instrument, answers)));
            observer.savedAt = OffsetDateTime.now(clock);
        }
        return rating(observer);
    }

    /**
     * Submits the rater's ratings, once: at least one criterion rated, each within the grid's bounds. When every
     * observer still invited has submitted, the observation is stored as an administration of the case.
     */
    @Transactional
    public Rating submit(Rater rater, JsonNode answers) {
        CaseObservation observation = CaseObservation.locked(rater.observationId()).orElseThrow();
        CaseObserver observer = CaseObserver.findById(rater.id());
        CaseObserver.getEntityManager().refresh(observer);
        if (observer.submittedAt != null || observer.revokedAt != null || observation.closedAt != null) {
            return rating(observer);
        }
        Instrument instrument = scoring.instrument(observation.instrumentId, observation.version);
        ObjectNode ratings = criteriaOnly(instrument, answers);
        check(instrument, observer.observer, ratings);
        observer.setRatings(json.write(ratings));
        OffsetDateTime now = OffsetDateTime.now(clock);
        observer.savedAt = now;
        observer.submittedAt = now;
        audit.record(observer.caseId, "observer:" + observer.observer, "observer-submitted", observation.id);
        completeIfAllIn(observation, CaseObserver.ofObservation(observation.id), observation.createdBy);
        return rating(observer);
    }

    /** The criteria of a grid, in its order. */
    public static List<Item.ObservationCriterion> criteria(InstrumentManifest manifest) {
        return manifest.items().stream().filter(Item.ObservationCriterion.class::isInstance)
                .map(Item.ObservationCriterion.class::cast).toList();
    }

    private void check(Instrument instrument, String observer, ObjectNode ratings) {
        if (ratings.isEmpty()) {
            throw InvalidRequestException.at("/answers", "nothing-rated", Texts.of("observation.nothing-rated"));
        }
        ObjectNode answers = JsonNodeFactory.instance.objectNode();
        ratings.properties().forEach(entry -> answers.putObject(entry.getKey()).set(observer, entry.getValue()));
        ObjectNode responses = JsonNodeFactory.instance.objectNode();
        responses.set("answers", answers);
        List<Problem> problems = instrument.validate(responses);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems.stream()
                    .map(p -> new ProblemDetails.Error(p.code(), p.pointer(), p.message(), null, null)).toList());
        }
    }

    private static ObjectNode criteriaOnly(Instrument instrument, JsonNode answers) {
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        for (Item.ObservationCriterion criterion : criteria(instrument.manifest())) {
            JsonNode rating = answers == null ? null : answers.get(criterion.id());
            if (rating != null && !rating.isNull()) {
                kept.set(criterion.id(), rating);
            }
        }
        return kept;
    }

    private void completeIfAllIn(CaseObservation observation, List<CaseObserver> observers, String actor) {
        if (observation.closedAt == null
                && observers.stream().allMatch(o -> o.submittedAt != null || o.revokedAt != null)) {
            complete(observation, observers, actor);
        }
    }

    /** Stores the submitted ratings as one administration, or cancels an observation nobody rated. */
    private void complete(CaseObservation observation, List<CaseObserver> observers, String actor) {
        observation.closedAt = OffsetDateTime.now(clock);
        observation.closedBy = actor;
        Map<String, Map<String, Integer>> ratings = ratings(observation, observers);
        if (observers.stream().noneMatch(o -> o.submittedAt != null)) {
            audit.record(observation.caseId, actor, "observation-cancelled", observation.id);
            return;
        }
        ObjectNode answers = JsonNodeFactory.instance.objectNode();
        ratings.forEach((criterion, byObserver) -> {
            ObjectNode answer = answers.putObject(criterion);
            byObserver.forEach(answer::put);
        });
        ObjectNode responses = JsonNodeFactory.instance.objectNode();
        responses.set("answers", answers);
        // Each observer's ratings were checked on their own; should the grid's rules still refuse them together, the
        // refusal rolls the whole step back and the observation stays open.
        observation.administration = administrations.administerObserved(observation, responses).id();
    }

    /** Criterion to observer to rating, criteria in the grid's order and observers in the counsellor's. */
    private Map<String, Map<String, Integer>> ratings(CaseObservation observation, List<CaseObserver> observers) {
        Instrument instrument = scoring.instrument(observation.instrumentId, observation.version);
        Map<String, Map<String, Integer>> ratings = new LinkedHashMap<>();
        for (Item.ObservationCriterion criterion : criteria(instrument.manifest())) {
            Map<String, Integer> byObserver = new LinkedHashMap<>();
            for (CaseObserver observer : observers) {
                if (observer.submittedAt != null) {
                    JsonNode rating = json.read(observer.getRatings(), JsonNode.class).get(criterion.id());
                    if (rating != null && rating.canConvertToInt()) {
                        byObserver.put(observer.observer, rating.asInt());
                    }
                }
            }
            if (!byObserver.isEmpty()) {
                ratings.put(criterion.id(), byObserver);
            }
        }
        return ratings;
    }

    private static List<String> checkedObservers(List<String> observers) {
        if (observers == null || observers.isEmpty() || observers.size() > MAX_OBSERVERS) {
            throw InvalidRequestException.at("/observers", observers == null || observers.isEmpty() ? "missing-field"
                    : "too-many", Texts.of("observation.observers", MAX_OBSERVERS));
        }
        List<ProblemDetails.Error> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < observers.size(); i++) {
            String observer = observers.get(i);
            if (observer == null || !OBSERVER.matcher(observer).matches()) {
                errors.add(ProblemException.error("/observers/" + i, "invalid-observer",
                        Texts.of("observation.observer-id")));
            } else if (!seen.add(observer)) {
                errors.add(ProblemException.error("/observers/" + i, "duplicate-observer",
                        Texts.of("observation.observer-duplicate", observer)));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return List.copyOf(observers);
    }

    private static String closedReason(CaseObserver observer, OffsetDateTime now) {
        String status = observer.status(now);
        if (status.equals("pending")) {
            CaseObservation observation = CaseObservation.findById(observer.observationId);
            return observation.closedAt == null ? "pending" : "used";
        }
        return status.equals("expired") || status.equals("revoked") ? status : "used";
    }

    private static CaseObservation observationOf(CaseObserver observer) {
        return CaseObservation.findById(observer.observationId);
    }

    private Rating rating(CaseObserver observer) {
        CaseObservation observation = observationOf(observer);
        Instrument instrument = scoring.instrument(observation.instrumentId, observation.version);
        JsonNode ratings = observer.ratings == null ? JsonNodeFactory.instance.objectNode()
                : json.read(observer.getRatings(), JsonNode.class);
        boolean closedBeforeSubmitting = observer.submittedAt == null && observation.closedAt != null;
        return new Rating(instrument, ratings, observer.savedAt, observer.submittedAt != null,
                observer.revokedAt != null || closedBeforeSubmitting, observation.lang);
    }

    private static CaseObservation find(String caseId, String observationId) {
        CaseObservation observation = observationId == null || observationId.length() > 36 ? null
                : CaseObservation.findById(observationId);
        if (observation == null || !observation.caseId.equals(caseId)) {
            throw new CaseNotFoundException(caseId + "/observations/" + observationId);
        }
        return observation;
    }

    private ObservationView view(CaseObservation observation, Map<String, String> links, boolean withRatings) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<CaseObserver> observers = CaseObserver.ofObservation(observation.id);
        List<ObserverView> views = observers.stream().map(observer -> new ObserverView(observer.observer,
                observer.status(now), observer.expiresAt, observer.openedAt, observer.submittedAt,
                links.get(observer.observer))).toList();
        Map<String, Map<String, Integer>> ratings = null;
        ObserverAgreement.Agreement agreement = null;
        if (withRatings && observation.administration != null) {
            ratings = ratings(observation, observers);
            agreement = ObserverAgreement.of(ratings);
        }
        return new ObservationView(observation.id, observation.instrumentId, observation.version,
                observation.status(), observation.createdBy, observation.createdAt, observation.closedAt,
                observation.administration, views, ratings, agreement);
    }
}

package io.bilan.engine.cases;

import com.fasterxml.jackson.databind.JsonNode;
import io.bilan.api.report.ScoreReport;
import io.bilan.engine.problem.InvalidRequestException;
import io.bilan.engine.problem.ProblemException;
import io.bilan.engine.problem.ProblemType;
import io.bilan.engine.problem.Texts;
import io.bilan.engine.scoring.ScoringService;
import io.bilan.engine.security.Caller;
import io.bilan.engine.security.Roles;
import io.bilan.runtime.Instrument;
import io.bilan.runtime.scoring.ScoreOptions;
import io.bilan.synthesis.Synthesis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Instruments administered in a case: scored, kept with the package they were scored with, scored again. */
@ApplicationScoped
public class Administrations {

    private final CaseAccess access;
    private final AuditTrail audit;
    private final CaseJson json;
    private final ScoringService scoring;
    private final Clock clock;

    Administrations(CaseAccess access, AuditTrail audit, CaseJson json, ScoringService scoring, Clock clock) {
        this.access = access;
        this.audit = audit;
        this.json = json;
        this.scoring = scoring;
        this.clock = clock;
    }

    /**
     * Scores responses to an instrument and keeps them in the case. The instrument must belong to the case's phase
     * (its manifest's phases): investigation instruments wait for the signed contract. A beneficiary may answer
     * questionnaires themselves; tests and observation grids are administered by a counsellor.
     */
    @Transactional
    public CaseViews.AdministrationView administer(String id, Caller caller, CaseViews.NewAdministration request) {
        return administer(id, caller, request, false);
    }

    /**
     * Stores the answers a beneficiary submitted to an instrument their counsellor invited them to answer: a test
     * too, since the counsellor administers it by inviting them (see {@link Invitations}).
     */
    @Transactional
    CaseViews.AdministrationView administerInvited(String id, Caller caller, CaseViews.NewAdministration request) {
        return administer(id, caller, request, true);
    }

    private CaseViews.AdministrationView administer(String id, Caller caller, CaseViews.NewAdministration request,
            boolean invited) {
        CaseRecord record = access.open(id, caller, Access.MEMBER);
        if (request == null || request.instrument() == null || request.responses() == null) {
            throw InvalidRequestException.at(request == null || request.instrument() == null ? "/instrument" : "/responses",
                    "missing-field", Texts.of("rule.administration-missing-field"));
        }
        Instrument instrument = scoring.instrument(request.instrument(),
                request.version() == null ? "latest" : request.version());
        var manifest = instrument.manifest();
        boolean inPhase = manifest.phases().stream().anyMatch(phase -> phase.code().equals(record.phase));
        if (!inPhase) {
            throw CaseRuleException.of("instrument-not-in-phase", Texts.of(record.phase.equals(
                    CasePhase.PRELIMINARY.code()) ? "rule.instrument-not-in-phase.preliminary"
                    : "rule.instrument-not-in-phase", manifest.id(),
                    String.join(", ", manifest.phases().stream().map(p -> p.code()).toList()), record.phase));
        }
        String kind = manifest.kind().code();
        boolean allowed = kind.equals("questionnaire") || invited && kind.equals("test");
        if (caller.is(Roles.BENEFICIARY) && !caller.is(Roles.COUNSELLOR) && !allowed) {
            throw CaseRuleException.of("administered-by-counsellor", Texts.of("rule.administered-by-counsellor"));
        }
        String language = request.lang() == null ? "fr" : request.lang();
        return store(record, caller.name(), instrument, request.responses(), language);
    }

    /**
     * Stores the ratings of an observation, gathered from its observers' browsers, as an administration of the case,
     * administered by the counsellor who opened it (see {@link Observations}). The caller, an observer, checked
     * nothing of the case: the observation was opened by one of its counsellors in a phase the grid belongs to.
     */
    @Transactional
    CaseViews.AdministrationView administerObserved(CaseObservation observation, JsonNode responses) {
        CaseRecord record = CaseRecord.findById(observation.caseId);
        if (record.closedAt != null) {
            throw CaseRuleException.of("case-closed", Texts.of("observation.case-closed"));
        }
        Instrument instrument = scoring.instrument(observation.instrumentId, observation.version);
        return store(record, observation.createdBy, instrument, responses, observation.lang);
    }

    private CaseViews.AdministrationView store(CaseRecord record, String administeredBy, Instrument instrument,
            JsonNode responses, String language) {
        var manifest = instrument.manifest();
        String id = record.id;
        ScoreReport report = scoring.score(instrument, responses, new ScoreOptions(language, null));
        CaseAdministration administration = new CaseAdministration();
        administration.caseId = id;
        administration.phase = record.phase;
        administration.instrumentId = manifest.id();
        administration.version = manifest.version();
        administration.digest = instrument.digest();
        administration.language = language;
        administration.responses = json.write(responses);
        administration.report = json.write(report);
        administration.administeredBy = administeredBy;
        administration.administeredAt = OffsetDateTime.now(clock);
        administration.persist();
        audit.record(id, administeredBy, "instrument-administered", manifest.coordinates());
        return view(administration);
    }

    @Transactional
    public List<CaseViews.AdministrationView> administrations(String id, Caller caller) {
        access.open(id, caller, Access.MEMBER);
        audit.record(id, caller, "results-read", null);
        return CaseAdministration.ofCase(id).stream().map(this::view).toList();
    }

    @Transactional
    public CaseViews.AdministrationView administration(String id, Caller caller, long administration) {
        access.open(id, caller, Access.MEMBER);
        audit.record(id, caller, "result-read", String.valueOf(administration));
        return view(find(id, administration));
    }

    /**
     * The answers of an administration as given, free text included: to the case's counsellors, and to the beneficiary
     * for the answers they gave themselves. The answers a counsellor entered about the beneficiary (an interview grid's
     * notes, an observation) are the counsellors' working documents: the beneficiary asks the centre for them. Never
     * part of a transmission. The read is audited.
     */
    @Transactional
    public CaseViews.ResponsesView responses(String id, Caller caller, long administrationId) {
        CaseRecord record = access.open(id, caller, Access.MEMBER);
        CaseAdministration administration = find(id, administrationId);
        boolean counsellor = caller.is(Roles.COUNSELLOR) && CaseCounsellor.isCounsellor(id, caller.name());
        if (!counsellor && !(CaseAccess.isBeneficiary(record, caller) && caller.name().equals(administration.administeredBy))) {
            throw new ProblemException(ProblemType.FORBIDDEN, Texts.of("responses.not-yours"));
        }
        audit.record(id, caller, "responses-read", String.valueOf(administrationId));
        return new CaseViews.ResponsesView(administration.id, administration.instrumentId, administration.version,
                administration.administeredBy, administration.administeredAt,
                json.read(administration.responses, JsonNode.class));
    }

    /** Scores a stored administration again with the very package it was scored with. */
    @Transactional
    public CaseViews.Rescore rescore(String id, Caller caller, long administrationId) {
        access.open(id, caller, Access.COUNSELLOR);
        CaseAdministration administration = find(id, administrationId);
        Instrument instrument = scoring.instrument(administration.instrumentId, administration.version);
        if (!instrument.digest().equals(administration.digest)) {
            throw new IllegalStateException(administration.instrumentId + "@" + administration.version
                    + " no longer has the digest it was scored with");
        }
        ScoreReport again = scoring.score(instrument, json.read(administration.responses, JsonNode.class),
                new ScoreOptions(administration.language, null));
        audit.record(id, caller, "result-rescored", String.valueOf(administrationId));
        return new CaseViews.Rescore(administrationId, json.write(again).equals(administration.report), again);
    }

    /** The reports of the case, oldest first: what its profile is built from. The read is audited. */
    @Transactional
    public List<ScoreReport> reports(String id, Caller caller) {
        access.open(id, caller, Access.MEMBER);
        audit.record(id, caller, "profile-read", null);
        return reports(id);
    }

    /** The reports of a case already opened, oldest first. */
    List<ScoreReport> reports(String id) {
        return CaseAdministration.ofCase(id).stream().map(json::report).toList();
    }

    /**
     * The instruments administered in a case, in the order first used, each with the first and last day it was used
     * and its title in {@code language} (its id when the package cannot be loaded any more).
     */
    List<Synthesis.Method> methods(String id, String language) {
        Map<String, Synthesis.Method> methods = new LinkedHashMap<>();
        for (CaseAdministration administration : CaseAdministration.ofCase(id)) {
            String reference = administration.instrumentId + "@" + administration.version;
            LocalDate day = administration.administeredAt.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
            Synthesis.Method known = methods.get(reference);
            methods.put(reference, known == null
                    ? new Synthesis.Method(title(administration, language), reference, day, day)
                    : new Synthesis.Method(known.title(), reference, day.isBefore(known.firstOn()) ? day : known.firstOn(),
                            day.isAfter(known.lastOn()) ? day : known.lastOn()));
        }
        return List.copyOf(methods.values());
    }

    private String title(CaseAdministration administration, String language) {
        try {
            return scoring.instrument(administration.instrumentId, administration.version).manifest().title()
                    .resolve(language, "en");
        } catch (RuntimeException unavailable) {
            return administration.instrumentId;
        }
    }

    /** The administration of the case, or not found. */
    static CaseAdministration find(String caseId, long id) {
        return CaseAdministration.inCase(caseId, id)
                .orElseThrow(() -> new CaseNotFoundException(caseId + "/administrations/" + id));
    }

    CaseViews.AdministrationView view(CaseAdministration administration) {
        return new CaseViews.AdministrationView(administration.id, administration.phase, administration.instrumentId,
                administration.version, administration.digest, administration.administeredBy,
                administration.administeredAt, json.report(administration));
    }
}

package io.bilan.engine.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilan.api.report.ScoreReport;
import io.bilan.engine.config.EngineConfig;
import io.bilan.engine.idempotency.IdempotentRequest;
import io.bilan.engine.problem.InvalidRequestException;
import io.bilan.engine.problem.ProblemDetails;
import io.bilan.engine.scoring.ScoringService;
import io.bilan.engine.security.ApiKeys;
import io.bilan.engine.security.Caller;
import io.bilan.engine.security.Roles;
import io.bilan.runtime.Instrument;
import io.bilan.runtime.scoring.ScoreOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The bilans of the centres: who may see a case, the rules of its phases, its sessions and administrations, the
 * beneficiary's consents, the audit trail and erasure. Each public method is one transaction, and records in the
 * audit trail who read or changed what.
 */
@ApplicationScoped
public class Cases {

    /** The legal maximum of a bilan de compétences (Code du travail, R6313-4): 24 hours. */
    public static final int MAXIMUM_MINUTES = 24 * 60;
    private static final Pattern BENEFICIARY = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0,99}");
    private static final int MAX_TEXT = 4000;

    private final ScoringService scoring;
    private final ApiKeys keys;
    private final ObjectMapper json;
    private final EngineConfig config;
    private final Clock clock;

    Cases(ScoringService scoring, ApiKeys keys, ObjectMapper json, EngineConfig config) {
        this.scoring = scoring;
        this.keys = keys;
        this.json = json;
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    /** Who may do something with a case. */
    enum Access {
        /** The case's counsellors. */
        COUNSELLOR,
        /** Its counsellors and its beneficiary. */
        MEMBER,
        /** Its beneficiary. */
        BENEFICIARY
    }

    // ---- cases

    @Transactional
    public CaseRecord create(Caller caller, CaseViews.NewCase request) {
        String centre = caller.centre().orElseThrow(() -> CaseRuleException.of("no-centre",
                "your key or token names no centre; a case belongs to a centre"));
        List<ProblemDetails.Error> errors = new ArrayList<>();
        if (request == null || request.beneficiary() == null || !BENEFICIARY.matcher(request.beneficiary()).matches()) {
            errors.add(error("/beneficiary", "invalid-beneficiary",
                    "give the beneficiary's pseudonymous id: 1 to 100 letters, digits, spaces, '.', '_' or '-'"));
        }
        if (request != null && request.contact() != null && (request.contact().size() > 20
                || request.contact().entrySet().stream().anyMatch(e -> e.getKey().length() > 50
                        || e.getValue() == null || e.getValue().length() > 500))) {
            errors.add(error("/contact", "invalid-contact", "at most 20 contact fields, names of 50 and values of 500 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        CaseRecord record = new CaseRecord();
        record.id = UUID.randomUUID().toString();
        record.centre = centre;
        record.beneficiary = request.beneficiary();
        record.beneficiarySubject = request.beneficiarySubject();
        record.contact = request.contact() == null ? null : write(request.contact());
        record.phase = CasePhase.PRELIMINARY.code();
        record.createdBy = caller.name();
        record.createdAt = now();
        record.persist();
        CaseCounsellor.of(record.id, caller.name()).persist();
        audit(record.id, caller, "case-opened", null);
        return record;
    }

    /** The cases the caller works on, or their own as a beneficiary; newest first. */
    @Transactional
    public List<CaseRecord> list(Caller caller) {
        String centre = caller.centre().orElse("");
        if (caller.is(Roles.COUNSELLOR)) {
            return CaseRecord.<CaseRecord>find("centre = ?1 and id in (select c.id.caseId from CaseCounsellor c "
                    + "where c.id.counsellor = ?2) order by createdAt desc", centre, caller.name()).list();
        }
        return CaseRecord.<CaseRecord>find("centre = ?1 and beneficiarySubject = ?2 order by createdAt desc", centre,
                caller.name()).list();
    }

    /** The case, if the caller may see it; the read is audited. */
    @Transactional
    public CaseRecord read(String id, Caller caller) {
        CaseRecord record = open(id, caller, Access.MEMBER);
        audit(id, caller, "case-read", null);
        return record;
    }

    /** Opens a case for the caller, or says it does not exist (also when it is someone else's). */
    CaseRecord open(String id, Caller caller, Access access) {
        CaseRecord record = id == null || id.length() > 36 ? null : CaseRecord.findById(id);
        if (record == null || caller.centre().filter(record.centre::equals).isEmpty()) {
            throw new CaseNotFoundException(id);
        }
        boolean counsellor = caller.is(Roles.COUNSELLOR)
                && CaseCounsellor.findByIdOptional(new CaseCounsellor.Id(id, caller.name())).isPresent();
        boolean beneficiary = caller.is(Roles.BENEFICIARY) && caller.name().equals(record.beneficiarySubject);
        boolean allowed = switch (access) {
            case COUNSELLOR -> counsellor;
            case MEMBER -> counsellor || beneficiary;
            case BENEFICIARY -> beneficiary;
        };
        if (!allowed) {
            if (counsellor || beneficiary) {
                throw new io.quarkus.security.ForbiddenException();
            }
            throw new CaseNotFoundException(id);
        }
        return record;
    }

    @Transactional
    public List<String> counsellors(String id) {
        return CaseCounsellor.<CaseCounsellor>find("id.caseId", id).stream().map(c -> c.id.counsellor()).sorted().toList();
    }

    @Transactional
    public CaseRecord addCounsellor(String id, Caller caller, String counsellor) {
        CaseRecord record = open(id, caller, Access.COUNSELLOR);
        if (counsellor == null || counsellor.isBlank() || counsellor.length() > 200) {
            throw InvalidRequestException.at("/counsellor", "invalid-counsellor",
                    "name the counsellor as they call: key:<id> for an API key, the token's subject otherwise");
        }
        if (CaseCounsellor.findByIdOptional(new CaseCounsellor.Id(id, counsellor)).isEmpty()) {
            CaseCounsellor.of(id, counsellor).persist();
        }
        audit(id, caller, "counsellor-added", counsellor);
        return record;
    }

    /**
     * Creates the beneficiary's key and gives it access to the case, in one transaction; the previous key of the
     * beneficiary, if any, loses its access.
     */
    @Transactional
    public ApiKeys.CreatedKey issueBeneficiaryKey(String id, Caller caller) {
        CaseRecord record = open(id, caller, Access.COUNSELLOR);
        // Named without the beneficiary's id: the key list is read by admins, who do not see cases.
        ApiKeys.CreatedKey created = keys.create("beneficiary of a case", List.of(Roles.BENEFICIARY), record.centre,
                caller.name());
        if (record.beneficiarySubject != null && record.beneficiarySubject.startsWith("key:")) {
            keys.delete(record.beneficiarySubject.substring("key:".length()));
        }
        record.beneficiarySubject = "key:" + created.key().id();
        audit(id, caller, "beneficiary-key-issued", created.key().id());
        return created;
    }

    /**
     * Erases a case and everything of it: results, sessions, synthesis, consents, the audit trail, the beneficiary's
     * key and the responses kept for retried requests.
     */
    @Transactional
    public void erase(String id, Caller caller) {
        open(id, caller, Access.COUNSELLOR);
        delete(id);
    }

    /** Erases the closed cases whose retention period is over; returns how many. */
    @Transactional
    public int purgeExpired(OffsetDateTime now) {
        OffsetDateTime closedBefore = now.minus(config.cases().retention());
        List<String> expired = CaseRecord.<CaseRecord>find("closedAt < ?1", closedBefore).stream().map(c -> c.id).toList();
        expired.forEach(this::delete);
        return expired.size();
    }

    private void delete(String id) {
        CaseRecord record = CaseRecord.findById(id);
        if (record.beneficiarySubject != null && record.beneficiarySubject.startsWith("key:")) {
            keys.delete(record.beneficiarySubject.substring("key:".length()));
        }
        // A retried request's response may hold the case's data (its creation, an administration).
        IdempotentRequest.delete("location like ?1 or operation like ?2", "/api/v1/cases/" + id + "%",
                "% /api/v1/cases/" + id + "/%");
        // Children first: the database cascades too, but this does not rely on it.
        for (Class<?> child : List.of(CaseAudit.class, CaseConsent.class, CaseSynthesis.class, CaseAdministration.class,
                CaseSession.class)) {
            CaseRecord.getEntityManager().createQuery("delete from " + child.getSimpleName() + " where caseId = ?1")
                    .setParameter(1, id).executeUpdate();
        }
        CaseCounsellor.delete("id.caseId", id);
        CaseRecord.deleteById(id);
    }

    // ---- the preliminary phase

    @Transactional
    public CaseRecord recordDemand(String id, Caller caller, String demand) {
        CaseRecord record = open(id, caller, Access.COUNSELLOR);
        requirePhase(record, CasePhase.PRELIMINARY, "the demand is recorded in the preliminary phase");
        record.demand = text("/demand", demand, "the demand");
        audit(id, caller, "demand-recorded", null);
        return record;
    }

    @Transactional
    public CaseRecord decideFit(String id, Caller caller, CaseViews.FitDecision request) {
        CaseRecord record = open(id, caller, Access.COUNSELLOR);
        requirePhase(record, CasePhase.PRELIMINARY, "the fit decision is taken in the preliminary phase");
        if (request == null) {
            throw InvalidRequestException.at("", "missing-body", "send {\"decision\": \"fit\"} or an administration");
        }
        String decision = request.decision();
        String route = request.route();
        String source = "counsellor";
        if (request.administration() != null) {
            CaseAdministration administration = administration(record.id, request.administration());
            if (!administration.instrumentId.equals("preliminary-interview")) {
                throw InvalidRequestException.at("/administration", "not-a-preliminary-interview",
                        "the fit decision comes from an administration of preliminary-interview");
            }
            Map<String, Object> results = report(administration).results();
            String outcome = results == null ? null : String.valueOf(results.get("decision"));
            decision = switch (outcome == null ? "" : outcome) {
                case "proceed" -> "fit";
                case "redirect" -> "redirect";
                default -> throw CaseRuleException.of("fit-undecided", "the preliminary interview asks to clarify the "
                        + "demand first (decision " + outcome + "): decide yourself once it is clear");
            };
            if (route == null && results.get("route") != null) {
                route = String.valueOf(results.get("route"));
            }
            source = "administration:" + administration.id;
        }
        if (!"fit".equals(decision) && !"redirect".equals(decision)) {
            throw InvalidRequestException.at("/decision", "invalid-decision", "the decision is fit or redirect");
        }
        if ("redirect".equals(decision) && (route == null || route.isBlank())) {
            throw InvalidRequestException.at("/route", "missing-route", "a redirect gives the route: where the person should turn");
        }
        record.fitDecision = decision;
        record.fitRoute = route == null ? null : text("/route", route, "the route");
        record.fitSource = source;
        record.fitDecidedBy = caller.name();
        record.fitDecidedAt = now();
        audit(id, caller, "fit-decided", decision);
        return record;
    }

    /** The caller signs the contract: as the beneficiary, or as one of the case's counsellors. */
    @Transactional
    public CaseRecord sign(String id, Caller caller) {
        CaseRecord record = open(id, caller, Access.MEMBER);
        requirePhase(record, CasePhase.PRELIMINARY, "the contract is signed at the end of the preliminary phase");
        if (!"fit".equals(record.fitDecision)) {
            throw CaseRuleException.of("no-fit-decision", "the contract is signed once the bilan is found to fit the demand");
        }
        if (caller.is(Roles.BENEFICIARY) && caller.name().equals(record.beneficiarySubject)) {
            record.beneficiarySignedBy = caller.name();
            record.beneficiarySignedAt = now();
            audit(id, caller, "contract-signed", "beneficiary");
        } else {
            record.counsellorSignedBy = caller.name();
            record.counsellorSignedAt = now();
            audit(id, caller, "contract-signed", "counsellor");
        }
        return record;
    }

    // ---- phases

    /** What moving to {@code to} still needs; empty when it can be done. */
    List<ProblemDetails.Error> missingFor(CaseRecord record, CasePhase to) {
        CasePhase from = CasePhase.of(record.phase);
        List<ProblemDetails.Error> missing = new ArrayList<>();
        if (from == CasePhase.CLOSED) {
            missing.add(error(null, "case-closed", "the case is closed"));
            return missing;
        }
        if (from == CasePhase.PRELIMINARY && to == CasePhase.CLOSED) {
            if (!"redirect".equals(record.fitDecision)) {
                missing.add(error(null, "no-redirect", "a case closes in the preliminary phase only with a redirect decision and its route"));
            }
            return missing;
        }
        if (to != from.next()) {
            missing.add(error(null, "not-the-next-phase", "from " + from.code() + " the next phase is " + from.next().code()
                    + (from == CasePhase.PRELIMINARY ? " (or closed, after a redirect)" : "")));
            return missing;
        }
        switch (from) {
            case PRELIMINARY -> {
                if (record.demand == null) {
                    missing.add(error(null, "no-demand", "record the beneficiary's demand"));
                }
                if (!"fit".equals(record.fitDecision)) {
                    missing.add(error(null, "no-fit-decision", "decide that the bilan fits the demand"));
                }
                if (record.beneficiarySignedAt == null) {
                    missing.add(error(null, "unsigned-by-beneficiary", "the beneficiary signs the contract"));
                }
                if (record.counsellorSignedAt == null) {
                    missing.add(error(null, "unsigned-by-counsellor", "a counsellor signs the contract"));
                }
            }
            case INVESTIGATION -> {
                if (CaseAdministration.count("caseId = ?1 and phase = ?2", record.id, CasePhase.INVESTIGATION.code()) == 0) {
                    missing.add(error(null, "no-investigation", "administer at least one instrument of the investigation"));
                }
            }
            case CONCLUSION -> {
                CaseSynthesis synthesis = CaseSynthesis.findById(record.id);
                if (synthesis == null || !"approved".equals(synthesis.status)) {
                    missing.add(error(null, "synthesis-not-approved", "the beneficiary approves the synthesis document"));
                }
            }
            case FOLLOW_UP -> {
                if (CaseSession.count("caseId = ?1 and phase = ?2", record.id, CasePhase.FOLLOW_UP.code()) == 0
                        && CaseAdministration.count("caseId = ?1 and phase = ?2", record.id, CasePhase.FOLLOW_UP.code()) == 0) {
                    missing.add(error(null, "no-follow-up", "hold the follow-up: log its session or administer the follow-up questionnaire"));
                }
            }
            default -> {
            }
        }
        return missing;
    }

    @Transactional
    public CaseRecord moveTo(String id, Caller caller, CaseViews.Transition request) {
        CaseRecord record = open(id, caller, Access.COUNSELLOR);
        CasePhase to;
        try {
            to = CasePhase.of(request == null ? null : request.to());
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.at("/to", "unknown-phase",
                    "the phases are preliminary, investigation, conclusion, follow-up and closed");
        }
        List<ProblemDetails.Error> missing = missingFor(record, to);
        if (!missing.isEmpty()) {
            throw new CaseRuleException("the case cannot move from " + record.phase + " to " + to.code() + ": "
                    + missing.size() + " thing(s) missing", missing);
        }
        if (to == CasePhase.CONCLUSION) {
            record.concludedAt = now();
            record.followUpOn = request.followUpOn() != null ? request.followUpOn()
                    : LocalDate.now(clock).plus(config.cases().followUpAfter());
        }
        if (to == CasePhase.CLOSED) {
            record.closedAt = now();
            record.closingRoute = record.phase.equals(CasePhase.PRELIMINARY.code()) ? record.fitRoute : null;
        }
        audit(id, caller, "phase-changed", record.phase + " -> " + to.code());
        record.phase = to.code();
        return record;
    }

    // ---- sessions

    @Transactional
    public CaseSession logSession(String id, Caller caller, CaseViews.NewSession request) {
        CaseRecord record = open(id, caller, Access.COUNSELLOR);
        if (record.phase.equals(CasePhase.CLOSED.code())) {
            throw CaseRuleException.of("case-closed", "the case is closed");
        }
        if (request == null || request.date() == null || request.minutes() == null || request.minutes() < 1
                || request.minutes() > MAXIMUM_MINUTES) {
            throw InvalidRequestException.at(request == null || request.date() == null ? "/date" : "/minutes",
                    "invalid-session", "a session has a date and lasts 1 to " + MAXIMUM_MINUTES + " minutes");
        }
        int used = minutesUsed(id);
        if (used + request.minutes() > MAXIMUM_MINUTES) {
            throw CaseRuleException.of("over-legal-maximum", "this session would bring the bilan to "
                    + (used + request.minutes()) + " minutes; a bilan de compétences lasts at most 24 hours ("
                    + (MAXIMUM_MINUTES - used) + " minutes left)");
        }
        CaseSession session = new CaseSession();
        session.caseId = id;
        session.phase = record.phase;
        session.heldOn = request.date();
        session.minutes = request.minutes();
        session.activities = text("/activities", request.activities(), "what was done");
        session.recordedBy = caller.name();
        session.recordedAt = now();
        session.persist();
        audit(id, caller, "session-logged", request.minutes() + " min");
        return session;
    }

    @Transactional
    public List<CaseSession> sessions(String id, Caller caller) {
        open(id, caller, Access.MEMBER);
        return CaseSession.<CaseSession>find("caseId = ?1 order by heldOn, id", id).list();
    }

    int minutesUsed(String id) {
        Long used = CaseSession.getEntityManager()
                .createQuery("select coalesce(sum(s.minutes), 0) from CaseSession s where s.caseId = ?1", Long.class)
                .setParameter(1, id).getSingleResult();
        return used.intValue();
    }

    // ---- administrations

    /**
     * Scores responses to an instrument and keeps them in the case. The instrument must belong to the case's phase
     * (its manifest's phases): investigation instruments wait for the signed contract. A beneficiary may answer
     * questionnaires themselves; tests and observation grids are administered by a counsellor.
     */
    @Transactional
    public CaseAdministration administer(String id, Caller caller, CaseViews.NewAdministration request) {
        CaseRecord record = open(id, caller, Access.MEMBER);
        if (request == null || request.instrument() == null || request.responses() == null) {
            throw InvalidRequestException.at(request == null || request.instrument() == null ? "/instrument" : "/responses",
                    "missing-field", "an administration names the instrument and gives the responses");
        }
        Instrument instrument = scoring.instrument(request.instrument(),
                request.version() == null ? "latest" : request.version());
        var manifest = instrument.manifest();
        boolean inPhase = manifest.phases().stream().anyMatch(phase -> phase.code().equals(record.phase));
        if (!inPhase) {
            throw CaseRuleException.of("instrument-not-in-phase", manifest.id() + " belongs to "
                    + manifest.phases().stream().map(p -> p.code()).toList() + ", and the case is in " + record.phase
                    + (record.phase.equals(CasePhase.PRELIMINARY.code())
                            ? ": investigation instruments wait for the contract, signed by both" : ""));
        }
        if (caller.is(Roles.BENEFICIARY) && !caller.is(Roles.COUNSELLOR) && !manifest.kind().code().equals("questionnaire")) {
            throw CaseRuleException.of("administered-by-counsellor", "tests and observation grids are administered by a counsellor");
        }
        String language = request.lang() == null ? "fr" : request.lang();
        ScoreReport report = scoring.score(instrument, request.responses(), new ScoreOptions(language, null));
        CaseAdministration administration = new CaseAdministration();
        administration.caseId = id;
        administration.phase = record.phase;
        administration.instrumentId = manifest.id();
        administration.version = manifest.version();
        administration.digest = instrument.digest();
        administration.language = language;
        administration.responses = write(request.responses());
        administration.report = write(report);
        administration.administeredBy = caller.name();
        administration.administeredAt = now();
        administration.persist();
        audit(id, caller, "instrument-administered", manifest.coordinates());
        return administration;
    }

    @Transactional
    public List<CaseAdministration> administrations(String id, Caller caller) {
        open(id, caller, Access.MEMBER);
        audit(id, caller, "results-read", null);
        return CaseAdministration.<CaseAdministration>find("caseId = ?1 order by id", id).list();
    }

    @Transactional
    public CaseAdministration administration(String id, Caller caller, long administration) {
        open(id, caller, Access.MEMBER);
        audit(id, caller, "result-read", String.valueOf(administration));
        return administration(id, administration);
    }

    private static CaseAdministration administration(String caseId, long id) {
        CaseAdministration administration = CaseAdministration.findById(id);
        if (administration == null || !administration.caseId.equals(caseId)) {
            throw new CaseNotFoundException(caseId + "/administrations/" + id);
        }
        return administration;
    }

    /** Scores a stored administration again with the very package it was scored with. */
    @Transactional
    public CaseViews.Rescore rescore(String id, Caller caller, long administrationId) {
        open(id, caller, Access.COUNSELLOR);
        CaseAdministration administration = administration(id, administrationId);
        Instrument instrument = scoring.instrument(administration.instrumentId, administration.version);
        if (!instrument.digest().equals(administration.digest)) {
            throw new IllegalStateException(administration.instrumentId + "@" + administration.version
                    + " no longer has the digest it was scored with");
        }
        ScoreReport again = scoring.score(instrument, read(administration.responses, JsonNode.class),
                new ScoreOptions(administration.language, null));
        audit(id, caller, "result-rescored", String.valueOf(administrationId));
        return new CaseViews.Rescore(administrationId, write(again).equals(administration.report), again);
    }

    /** The reports of the case, oldest first: what its profile is built from. */
    @Transactional
    public List<ScoreReport> reports(String id, Caller caller) {
        open(id, caller, Access.MEMBER);
        audit(id, caller, "profile-read", null);
        return CaseAdministration.<CaseAdministration>find("caseId = ?1 order by id", id).stream()
                .map(this::report).toList();
    }

    ScoreReport report(CaseAdministration administration) {
        return read(administration.report, ScoreReport.class);
    }

    // ---- consents

    private static final List<String> SHAREABLE = List.of("synthesis", "profile", "results");

    @Transactional
    public CaseConsent consent(String id, Caller caller, CaseViews.NewConsent request) {
        open(id, caller, Access.BENEFICIARY);
        if (request == null || request.recipient() == null || request.recipient().isBlank()
                || request.recipient().length() > 200) {
            throw InvalidRequestException.at("/recipient", "invalid-recipient", "name the recipient, up to 200 characters");
        }
        if (request.shared() == null || request.shared().isEmpty() || !SHAREABLE.containsAll(request.shared())) {
            throw InvalidRequestException.at("/shared", "invalid-shared", "say what is shared: any of " + SHAREABLE);
        }
        CaseConsent consent = new CaseConsent();
        consent.caseId = id;
        consent.recipient = request.recipient().strip();
        consent.shared = String.join(",", request.shared());
        consent.purpose = request.purpose() == null ? null : text("/purpose", request.purpose(), "the purpose");
        consent.givenBy = caller.name();
        consent.givenAt = now();
        consent.persist();
        audit(id, caller, "consent-given", consent.recipient + ": " + consent.shared);
        return consent;
    }

    @Transactional
    public CaseConsent withdrawConsent(String id, Caller caller, long consentId) {
        open(id, caller, Access.BENEFICIARY);
        CaseConsent consent = CaseConsent.findById(consentId);
        if (consent == null || !consent.caseId.equals(id)) {
            throw new CaseNotFoundException(id + "/consents/" + consentId);
        }
        if (consent.withdrawnAt == null) {
            consent.withdrawnAt = now();
            audit(id, caller, "consent-withdrawn", consent.recipient);
        }
        return consent;
    }

    @Transactional
    public List<CaseConsent> consents(String id, Caller caller) {
        open(id, caller, Access.MEMBER);
        return CaseConsent.<CaseConsent>find("caseId = ?1 order by id", id).list();
    }

    /**
     * What the centre may hand a third party: only the parts the beneficiary consented to give that recipient, under
     * a consent not withdrawn. The transmission is recorded in the audit trail.
     */
    @Transactional
    public CaseViews.Transmission transmit(String id, Caller caller, CaseViews.NewTransmission request,
            java.util.function.Function<String, io.bilan.synthesis.Synthesis> approvedSynthesis) {
        open(id, caller, Access.COUNSELLOR);
        if (request == null || request.consent() == null || request.parts() == null || request.parts().isEmpty()) {
            throw InvalidRequestException.at("/consent", "missing-field", "name the consent and the parts to transmit");
        }
        CaseConsent consent = CaseConsent.findById(request.consent());
        if (consent == null || !consent.caseId.equals(id)) {
            throw CaseRuleException.of("no-consent", "no such consent of the beneficiary: nothing is transmitted without one");
        }
        if (consent.withdrawnAt != null) {
            throw CaseRuleException.of("consent-withdrawn", "the beneficiary withdrew this consent");
        }
        List<String> consented = List.of(consent.shared.split(","));
        List<ProblemDetails.Error> refused = new ArrayList<>();
        for (int i = 0; i < request.parts().size(); i++) {
            if (!consented.contains(request.parts().get(i))) {
                refused.add(error("/parts/" + i, "not-consented", "the beneficiary did not consent to give "
                        + request.parts().get(i) + " to this recipient; they consented to " + consented));
            }
        }
        if (!refused.isEmpty()) {
            throw new CaseRuleException("parts not covered by the consent", refused);
        }
        List<ScoreReport> reports = CaseAdministration.<CaseAdministration>find("caseId = ?1 order by id", id).stream()
                .map(this::report).toList();
        audit(id, caller, "transmitted", consent.recipient + ": " + String.join(",", request.parts()));
        return new CaseViews.Transmission(consent.recipient, consent.purpose, consent.id, consent.givenAt,
                request.parts().contains("synthesis") ? approvedSynthesis.apply(id) : null,
                request.parts().contains("profile") ? io.bilan.profile.ProfileBuilder.build(reports) : null,
                request.parts().contains("results") ? reports : null);
    }

    // ---- audit

    @Transactional
    public List<CaseAudit> auditTrail(String id, Caller caller) {
        open(id, caller, Access.COUNSELLOR);
        audit(id, caller, "audit-read", null);
        return CaseAudit.<CaseAudit>find("caseId = ?1 order by id", id).list();
    }

    void audit(String caseId, Caller caller, String action, String detail) {
        CaseAudit entry = new CaseAudit();
        entry.caseId = caseId;
        entry.at = now();
        entry.actor = caller.name();
        entry.action = action;
        entry.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
        entry.persist();
    }

    // ---- helpers

    static void requirePhase(CaseRecord record, CasePhase phase, String rule) {
        if (!record.phase.equals(phase.code())) {
            throw CaseRuleException.of("wrong-phase", rule + "; the case is in " + record.phase);
        }
    }

    private static String text(String pointer, String text, String what) {
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw InvalidRequestException.at(pointer, "invalid-text", "give " + what + ", 1 to " + MAX_TEXT + " characters");
        }
        return text.strip();
    }

    static ProblemDetails.Error error(String pointer, String code, String message) {
        return new ProblemDetails.Error(code, pointer, message, null, "error");
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, String> contact(CaseRecord record) {
        if (record.contact == null) {
            return null;
        }
        try {
            return json.readValue(record.contact, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.bilan.engine.cases;

import static io.bilan.engine.cases.CaseChecks.requirePhase;
import static io.bilan.engine.cases.CaseChecks.text;

import io.bilan.engine.problem.InvalidRequestException;
import io.bilan.engine.problem.Texts;
import io.bilan.engine.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;

/** The preliminary phase: the demand, whether a bilan fits it, and the contract signed by both sides. */
@ApplicationScoped
public class PreliminaryPhase {

    private final CaseAccess access;
    private final AuditTrail audit;
    private final CaseViewAssembler views;
    private final CaseJson json;
    private final Clock clock;

    PreliminaryPhase(CaseAccess access, AuditTrail audit, CaseViewAssembler views, CaseJson json, Clock clock) {
        this.access = access;
        this.audit = audit;
        this.views = views;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public CaseViews.CaseView recordDemand(String id, Caller caller, String demand) {
        CaseRecord record = access.open(id, caller, Access.COUNSELLOR);
        requirePhase(record, CasePhase.PRELIMINARY, "rule.phase.demand");
        record.demand = text("/demand", demand, "demand");
        audit.record(id, caller, "demand-recorded", null);
        return views.view(record);
    }

    /** The counsellor's decision, or the one of an administration of the preliminary interview. */
    @Transactional
    public CaseViews.CaseView decideFit(String id, Caller caller, CaseViews.FitDecision request) {
        CaseRecord record = access.open(id, caller, Access.COUNSELLOR);
        requirePhase(record, CasePhase.PRELIMINARY, "rule.phase.fit-decision");
        if (request == null) {
            throw InvalidRequestException.at("", "missing-body", Texts.of("rule.fit-missing-body"));
        }
        CaseViews.Decision decision = request.decision();
        String route = request.route();
        String source = "counsellor";
        if (request.administration() != null) {
            CaseAdministration administration = Administrations.find(record.id, request.administration());
            if (!administration.instrumentId.equals("preliminary-interview")) {
                throw InvalidRequestException.at("/administration", "not-a-preliminary-interview",
                        Texts.of("rule.not-a-preliminary-interview"));
            }
            Map<String, Object> results = json.report(administration).results();
            String outcome = results == null ? null : String.valueOf(results.get("decision"));
            decision = switch (outcome == null ? "" : outcome) {
                case "proceed" -> CaseViews.Decision.FIT;
                case "redirect" -> CaseViews.Decision.REDIRECT;
                default -> throw CaseRuleException.of("fit-undecided", Texts.of("rule.fit-undecided", outcome));
            };
            if (route == null && results.get("route") != null) {
                route = String.valueOf(results.get("route"));
            }
            source = "administration:" + administration.id;
        }
        if (decision == null) {
            throw InvalidRequestException.at("/decision", "invalid-decision", Texts.of("rule.invalid-decision"));
        }
        if (decision == CaseViews.Decision.REDIRECT && (route == null || route.isBlank())) {
            throw InvalidRequestException.at("/route", "missing-route", Texts.of("rule.missing-route"));
        }
        record.fitDecision = decision.code();
        record.fitRoute = route == null ? null : text("/route", route, "route");
        record.fitSource = source;
        record.fitDecidedBy = caller.name();
        record.fitDecidedAt = OffsetDateTime.now(clock);
        audit.record(id, caller, "fit-decided", decision.code());
        return views.view(record);
    }

    /** The caller signs the contract: as the beneficiary, or as one of the case's counsellors. */
    @Transactional
    public CaseViews.CaseView sign(String id, Caller caller) {
        CaseRecord record = access.open(id, caller, Access.MEMBER);
        requirePhase(record, CasePhase.PRELIMINARY, "rule.phase.contract");
        if (CaseViews.Decision.ofCode(record.fitDecision) != CaseViews.Decision.FIT) {
            throw CaseRuleException.of("no-fit-decision", Texts.of("rule.contract-needs-fit"));
        }
        if (CaseAccess.isBeneficiary(record, caller)) {
            record.beneficiarySignedBy = caller.name();
            record.beneficiarySignedAt = OffsetDateTime.now(clock);
            audit.record(id, caller, "contract-signed", "beneficiary");
        } else {
            record.counsellorSignedBy = caller.name();
            record.counsellorSignedAt = OffsetDateTime.now(clock);
            audit.record(id, caller, "contract-signed", "counsellor");
        }
        return views.view(record);
    }
}

package io.bilan.engine.cases;

import io.bilan.engine.config.EngineConfig;
import io.bilan.engine.problem.InvalidRequestException;
import io.bilan.engine.problem.ProblemDetails;
import io.bilan.engine.problem.Texts;
import io.bilan.engine.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Moves a case to its next phase when {@link PhaseRules} find nothing missing; a refusal lists all that is. */
@ApplicationScoped
public class Transitions {

    private final CaseAccess access;
    private final AuditTrail audit;
    private final CaseViewAssembler views;
    private final EngineConfig config;
    private final Clock clock;

    Transitions(CaseAccess access, AuditTrail audit, CaseViewAssembler views, EngineConfig config, Clock clock) {
        this.access = access;
        this.audit = audit;
        this.views = views;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Records why the follow-up is held before the day it is due, in the conclusion or follow-up phase: without it, the
     * case does not close on a follow-up held early. A new reason replaces the previous one; both are in the audit.
     */
    @Transactional
    public CaseViews.CaseView recordEarlyFollowUp(String id, Caller caller, String reason) {
        CaseRecord record = access.openLocked(id, caller, Access.COUNSELLOR);
        if (!record.phase.equals(CasePhase.CONCLUSION.code()) && !record.phase.equals(CasePhase.FOLLOW_UP.code())) {
            throw CaseRuleException.of("wrong-phase", Texts.of("rule.early-follow-up-phase", record.phase));
        }
        record.earlyFollowUpReason = CaseChecks.text("/reason", reason, "reason");
        record.earlyFollowUpBy = caller.name();
        record.earlyFollowUpAt = OffsetDateTime.now(clock);
        audit.record(id, caller, "early-follow-up-reason-recorded", null);
        return views.view(record);
    }

    @Transactional
    public CaseViews.CaseView moveTo(String id, Caller caller, CaseViews.Transition request) {
        CaseRecord record = access.openLocked(id, caller, Access.COUNSELLOR);
        if (request == null || request.to() == null) {
            throw InvalidRequestException.at("/to", "unknown-phase", Texts.of("rule.unknown-phase"));
        }
        CasePhase to = request.to();
        List<ProblemDetails.Error> missing = PhaseRules.missingFor(views.snapshot(record), to);
        if (!missing.isEmpty()) {
            throw new CaseRuleException(Texts.of("rule.cannot-move", record.phase, to.code(), missing.size()), missing);
        }
        if (to == CasePhase.CONCLUSION) {
            record.concludedAt = OffsetDateTime.now(clock);
            record.followUpOn = request.followUpOn() != null ? request.followUpOn()
                    : LocalDate.now(clock).plus(config.cases().followUpAfter());
        }
        if (to == CasePhase.CLOSED) {
            record.closedAt = OffsetDateTime.now(clock);
            record.closingRoute = record.phase.equals(CasePhase.PRELIMINARY.code()) ? record.fitRoute : null;
        }
        audit.record(id, caller, "phase-changed", record.phase + " -> " + to.code());
        record.phase = to.code();
        return views.view(record);
    }
}

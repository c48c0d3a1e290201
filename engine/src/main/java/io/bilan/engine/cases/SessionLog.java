package io.bilan.engine.cases;

import static io.bilan.engine.cases.CaseChecks.text;

import io.bilan.engine.problem.InvalidRequestException;
import io.bilan.engine.problem.Texts;
import io.bilan.engine.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The sessions held with the beneficiary, within the legal maximum of a bilan. A session is checked against the
 * minutes already used and stored with the case's row locked: sessions sent together are counted one after the
 * other, and never add up beyond the maximum.
 */
@ApplicationScoped
public class SessionLog {

    /** The legal maximum of a bilan de compétences (Code du travail, R6313-4): 24 hours. */
    public static final int MAXIMUM_MINUTES = 24 * 60;

    private final CaseAccess access;
    private final AuditTrail audit;
    private final Clock clock;

    SessionLog(CaseAccess access, AuditTrail audit, Clock clock) {
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public CaseViews.SessionView log(String id, Caller caller, CaseViews.NewSession request) {
        CaseRecord record = access.openLocked(id, caller, Access.COUNSELLOR);
        CaseChecks.requireOpen(record);
        if (request == null || request.date() == null || request.minutes() == null || request.minutes() < 1
                || request.minutes() > MAXIMUM_MINUTES) {
            throw InvalidRequestException.at(request == null || request.date() == null ? "/date" : "/minutes",
                    "invalid-session", Texts.of("rule.invalid-session", MAXIMUM_MINUTES));
        }
        int used = CaseSession.minutesUsed(id);
        if (used + request.minutes() > MAXIMUM_MINUTES) {
            throw CaseRuleException.of("over-legal-maximum", Texts.of("rule.over-legal-maximum",
                    used + request.minutes(), MAXIMUM_MINUTES - used));
        }
        CaseSession session = new CaseSession();
        session.caseId = id;
        session.phase = record.phase;
        session.heldOn = request.date();
        session.minutes = request.minutes();
        session.activities = text("/activities", request.activities(), "activities");
        session.recordedBy = caller.name();
        session.recordedAt = OffsetDateTime.now(clock);
        session.persist();
        audit.record(id, caller, "session-logged", request.minutes() + " min");
        return view(session);
    }

    @Transactional
    public List<CaseViews.SessionView> sessions(String id, Caller caller) {
        access.open(id, caller, Access.MEMBER);
        return CaseSession.ofCase(id).stream().map(SessionLog::view).toList();
    }

    static CaseViews.SessionView view(CaseSession session) {
        return new CaseViews.SessionView(session.id, session.phase, session.heldOn, session.minutes, session.activities,
                session.recordedBy);
    }
}

package io.bilan.engine.cases;

import java.time.LocalDate;
import java.util.Set;

/**
 * What the rules of the phases look at in a case, and nothing else: read from the database once, judged without it.
 *
 * @param phase                 where the case is
 * @param demandRecorded        whether the beneficiary's demand is recorded
 * @param fitDecision           {@code fit}, {@code redirect} or null
 * @param beneficiarySigned     whether the beneficiary signed the contract
 * @param counsellorSigned      whether a counsellor signed it
 * @param administrationPhases  the phases in which instruments were administered
 * @param sessionPhases         the phases in which sessions were logged
 * @param synthesisApproved     whether the beneficiary approved the synthesis
 * @param followUpOn            when the follow-up is due, or null before the conclusion
 * @param followUpHeldOn        the last day a session was held or an instrument administered in the follow-up phase,
 *                              or null
 * @param earlyFollowUpReason   whether a counsellor recorded why the follow-up is held before it is due
 */
public record CaseSnapshot(CasePhase phase, boolean demandRecorded, String fitDecision, boolean beneficiarySigned,
        boolean counsellorSigned, Set<CasePhase> administrationPhases, Set<CasePhase> sessionPhases,
        boolean synthesisApproved, LocalDate followUpOn, LocalDate followUpHeldOn, boolean earlyFollowUpReason) {

    public CaseSnapshot {
        administrationPhases = Set.copyOf(administrationPhases);
        sessionPhases = Set.copyOf(sessionPhases);
    }

    /** A case whose follow-up is not scheduled yet, or whose dates do not matter to the rule judged. */
    public CaseSnapshot(CasePhase phase, boolean demandRecorded, String fitDecision, boolean beneficiarySigned,
            boolean counsellorSigned, Set<CasePhase> administrationPhases, Set<CasePhase> sessionPhases,
            boolean synthesisApproved) {
        this(phase, demandRecorded, fitDecision, beneficiarySigned, counsellorSigned, administrationPhases, sessionPhases,
                synthesisApproved, null, null, false);
    }
}

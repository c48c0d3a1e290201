package io.bilan.engine.cases;

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
 */
public record CaseSnapshot(CasePhase phase, boolean demandRecorded, String fitDecision, boolean beneficiarySigned,
        boolean counsellorSigned, Set<CasePhase> administrationPhases, Set<CasePhase> sessionPhases,
        boolean synthesisApproved) {

    public CaseSnapshot {
        administrationPhases = Set.copyOf(administrationPhases);
        sessionPhases = Set.copyOf(sessionPhases);
    }
}

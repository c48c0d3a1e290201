package io.bilan.engine.cases;

import static io.bilan.engine.cases.CaseChecks.error;

import io.bilan.engine.problem.ProblemDetails;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of the phases of a bilan: what a case still needs to move to a phase. A pure function of a
 * {@link CaseSnapshot}; it reads nothing and changes nothing.
 *
 * <ul>
 *   <li>preliminary -> investigation: the demand, a fit decision, both signatures of the contract;</li>
 *   <li>preliminary -> closed: a redirect decision;</li>
 *   <li>investigation -> conclusion: an instrument administered in the investigation;</li>
 *   <li>conclusion -> follow-up: the synthesis approved by the beneficiary;</li>
 *   <li>follow-up -> closed: the follow-up held, as a session or an administration.</li>
 * </ul>
 */
public final class PhaseRules {

    private PhaseRules() {
    }

    /** What moving the case to {@code to} still needs, one error each; empty when it can be done. */
    public static List<ProblemDetails.Error> missingFor(CaseSnapshot snapshot, CasePhase to) {
        CasePhase from = snapshot.phase();
        List<ProblemDetails.Error> missing = new ArrayList<>();
        if (from == CasePhase.CLOSED) {
            missing.add(error(null, "case-closed", "the case is closed"));
            return missing;
        }
        if (from == CasePhase.PRELIMINARY && to == CasePhase.CLOSED) {
            if (!"redirect".equals(snapshot.fitDecision())) {
                missing.add(error(null, "no-redirect",
                        "a case closes in the preliminary phase only with a redirect decision and its route"));
            }
            return missing;
        }
        if (to != from.next()) {
            missing.add(error(null, "not-the-next-phase", "from " + from.code() + " the next phase is "
                    + from.next().code() + (from == CasePhase.PRELIMINARY ? " (or closed, after a redirect)" : "")));
            return missing;
        }
        switch (from) {
            case PRELIMINARY -> {
                if (!snapshot.demandRecorded()) {
                    missing.add(error(null, "no-demand", "record the beneficiary's demand"));
                }
                if (!"fit".equals(snapshot.fitDecision())) {
                    missing.add(error(null, "no-fit-decision", "decide that the bilan fits the demand"));
                }
                if (!snapshot.beneficiarySigned()) {
                    missing.add(error(null, "unsigned-by-beneficiary", "the beneficiary signs the contract"));
                }
                if (!snapshot.counsellorSigned()) {
                    missing.add(error(null, "unsigned-by-counsellor", "a counsellor signs the contract"));
                }
            }
            case INVESTIGATION -> {
                if (!snapshot.administrationPhases().contains(CasePhase.INVESTIGATION)) {
                    missing.add(error(null, "no-investigation", "administer at least one instrument of the investigation"));
                }
            }
            case CONCLUSION -> {
                if (!snapshot.synthesisApproved()) {
                    missing.add(error(null, "synthesis-not-approved", "the beneficiary approves the synthesis document"));
                }
            }
            case FOLLOW_UP -> {
                if (!snapshot.sessionPhases().contains(CasePhase.FOLLOW_UP)
                        && !snapshot.administrationPhases().contains(CasePhase.FOLLOW_UP)) {
                    missing.add(error(null, "no-follow-up",
                            "hold the follow-up: log its session or administer the follow-up questionnaire"));
                }
            }
            default -> {
            }
        }
        return missing;
    }
}

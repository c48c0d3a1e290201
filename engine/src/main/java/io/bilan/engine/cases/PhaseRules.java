package io.bilan.engine.cases;

import static io.bilan.engine.cases.CaseChecks.error;

import io.bilan.engine.problem.ProblemDetails;
import io.bilan.engine.problem.Texts;
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
 *   <li>conclusion -> follow-up: a conclusion session logged and the synthesis approved by the beneficiary;</li>
 *   <li>follow-up -> closed: the follow-up held, as a session or an administration, on or after the day it is due,
 *       or before it with the reason recorded.</li>
 * </ul>
 *
 * <p>Each error's message is in the caller's language ({@link Texts}).
 */
public final class PhaseRules {

    private PhaseRules() {
    }

    /** What moving the case to {@code to} still needs, one error each; empty when it can be done. */
    public static List<ProblemDetails.Error> missingFor(CaseSnapshot snapshot, CasePhase to) {
        CasePhase from = snapshot.phase();
        List<ProblemDetails.Error> missing = new ArrayList<>();
        if (from == CasePhase.CLOSED) {
            missing.add(error(null, "case-closed", Texts.of("rule.case-closed")));
            return missing;
        }
        if (from == CasePhase.PRELIMINARY && to == CasePhase.CLOSED) {
            if (!"redirect".equals(snapshot.fitDecision())) {
                missing.add(error(null, "no-redirect", Texts.of("rule.no-redirect")));
            }
            return missing;
        }
        if (to != from.next()) {
            missing.add(error(null, "not-the-next-phase", Texts.of(from == CasePhase.PRELIMINARY
                    ? "rule.not-the-next-phase.preliminary" : "rule.not-the-next-phase", from.code(), from.next().code())));
            return missing;
        }
        switch (from) {
            case PRELIMINARY -> {
                if (!snapshot.demandRecorded()) {
                    missing.add(error(null, "no-demand", Texts.of("rule.no-demand")));
                }
                if (CaseViews.Decision.ofCode(snapshot.fitDecision()) != CaseViews.Decision.FIT) {
                    missing.add(error(null, "no-fit-decision", Texts.of("rule.no-fit-decision")));
                }
                if (!snapshot.beneficiarySigned()) {
                    missing.add(error(null, "unsigned-by-beneficiary", Texts.of("rule.unsigned-by-beneficiary")));
                }
                if (!snapshot.counsellorSigned()) {
                    missing.add(error(null, "unsigned-by-counsellor", Texts.of("rule.unsigned-by-counsellor")));
                }
            }
            case INVESTIGATION -> {
                if (!snapshot.administrationPhases().contains(CasePhase.INVESTIGATION)) {
                    missing.add(error(null, "no-investigation", Texts.of("rule.no-investigation")));
                }
            }
            case CONCLUSION -> {
                if (!snapshot.sessionPhases().contains(CasePhase.CONCLUSION)) {
                    missing.add(error(null, "no-conclusion-session", Texts.of("rule.no-conclusion-session")));
                }
                if (!snapshot.synthesisApproved()) {
                    missing.add(error(null, "synthesis-not-approved", Texts.of("rule.synthesis-not-approved")));
                }
            }
            case FOLLOW_UP -> {
                if (!snapshot.sessionPhases().contains(CasePhase.FOLLOW_UP)
                        && !snapshot.administrationPhases().contains(CasePhase.FOLLOW_UP)) {
                    missing.add(error(null, "no-follow-up", Texts.of("rule.no-follow-up")));
                } else if (early(snapshot)) {
                    missing.add(error(null, "follow-up-early", Texts.of("rule.follow-up-early", snapshot.followUpOn(),
                            snapshot.followUpHeldOn())));
                }
            }
            default -> {
            }
        }
        return missing;
    }

    /**
     * Whether the follow-up was held only before the day it is due, with no reason recorded: a follow-up is meant to
     * look back on months of carrying the project out, and one held early is the centre's to explain.
     */
    private static boolean early(CaseSnapshot snapshot) {
        return snapshot.followUpOn() != null && snapshot.followUpHeldOn() != null
                && snapshot.followUpHeldOn().isBefore(snapshot.followUpOn()) && !snapshot.earlyFollowUpReason();
    }
}

package io.bilan.engine.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bilan.engine.problem.ProblemDetails;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules of the phases, judged on snapshots written by hand: no database, no engine. */
class PhaseRulesTest {

    private static final Set<CasePhase> NONE = Set.of();

    /** A case in {@code phase} that has done nothing yet. */
    private static CaseSnapshot bare(CasePhase phase) {
        return new CaseSnapshot(phase, false, null, false, false, NONE, NONE, false);
    }

    private static List<String> codes(CaseSnapshot snapshot, CasePhase to) {
        return PhaseRules.missingFor(snapshot, to).stream().map(ProblemDetails.Error::code).toList();
    }

    @Nested
    class FromThePreliminaryPhase {

        @Test
        void theInvestigationNeedsTheDemandTheFitDecisionAndBothSignatures() {
            assertEquals(List.of("no-demand", "no-fit-decision", "unsigned-by-beneficiary", "unsigned-by-counsellor"),
                    codes(bare(CasePhase.PRELIMINARY), CasePhase.INVESTIGATION));
        }

        @Test
        void eachRequirementIsListedAloneWhenTheOthersAreMet() {
            assertEquals(List.of("no-demand"), codes(new CaseSnapshot(CasePhase.PRELIMINARY, false, "fit", true, true,
                    NONE, NONE, false), CasePhase.INVESTIGATION));
            assertEquals(List.of("no-fit-decision"), codes(new CaseSnapshot(CasePhase.PRELIMINARY, true, null, true,
                    true, NONE, NONE, false), CasePhase.INVESTIGATION));
            assertEquals(List.of("unsigned-by-beneficiary"), codes(new CaseSnapshot(CasePhase.PRELIMINARY, true, "fit",
                    false, true, NONE, NONE, false), CasePhase.INVESTIGATION));
            assertEquals(List.of("unsigned-by-counsellor"), codes(new CaseSnapshot(CasePhase.PRELIMINARY, true, "fit",
                    true, false, NONE, NONE, false), CasePhase.INVESTIGATION));
        }

        @Test
        void aRedirectIsNoFitForTheInvestigation() {
            assertEquals(List.of("no-fit-decision"), codes(new CaseSnapshot(CasePhase.PRELIMINARY, true, "redirect",
                    true, true, NONE, NONE, false), CasePhase.INVESTIGATION));
        }

        @Test
        void theInvestigationOpensWhenAllIsThere() {
            assertEquals(List.of(), codes(new CaseSnapshot(CasePhase.PRELIMINARY, true, "fit", true, true, NONE, NONE,
                    false), CasePhase.INVESTIGATION));
        }

        @Test
        void theCaseClosesOnlyAfterARedirect() {
            assertEquals(List.of("no-redirect"), codes(bare(CasePhase.PRELIMINARY), CasePhase.CLOSED));
            assertEquals(List.of("no-redirect"), codes(new CaseSnapshot(CasePhase.PRELIMINARY, true, "fit", true, true,
                    NONE, NONE, false), CasePhase.CLOSED));
            assertEquals(List.of(), codes(new CaseSnapshot(CasePhase.PRELIMINARY, false, "redirect", false, false,
                    NONE, NONE, false), CasePhase.CLOSED));
        }

        @Test
        void noPhaseIsSkippedAndTheMessageNamesTheWay() {
            List<ProblemDetails.Error> missing = PhaseRules.missingFor(bare(CasePhase.PRELIMINARY), CasePhase.CONCLUSION);
            assertEquals(1, missing.size());
            assertEquals("not-the-next-phase", missing.getFirst().code());
            assertEquals("from preliminary the next phase is investigation (or closed, after a redirect)",
                    missing.getFirst().message());
            assertEquals(List.of("not-the-next-phase"), codes(bare(CasePhase.PRELIMINARY), CasePhase.FOLLOW_UP));
            assertEquals(List.of("not-the-next-phase"), codes(bare(CasePhase.PRELIMINARY), CasePhase.PRELIMINARY));
        }
    }

    @Nested
    class FromTheInvestigation {

        @Test
        void theConclusionNeedsAnInstrumentAdministeredInTheInvestigation() {
            assertEquals(List.of("no-investigation"), codes(bare(CasePhase.INVESTIGATION), CasePhase.CONCLUSION));
            assertEquals(List.of("no-investigation"), codes(new CaseSnapshot(CasePhase.INVESTIGATION, true, "fit", true,
                    true, Set.of(CasePhase.PRELIMINARY), Set.of(CasePhase.INVESTIGATION), false), CasePhase.CONCLUSION));
            assertEquals(List.of(), codes(new CaseSnapshot(CasePhase.INVESTIGATION, true, "fit", true, true,
                    Set.of(CasePhase.INVESTIGATION), NONE, false), CasePhase.CONCLUSION));
        }

        @Test
        void itNeitherClosesNorSkipsTheConclusion() {
            List<ProblemDetails.Error> missing = PhaseRules.missingFor(bare(CasePhase.INVESTIGATION), CasePhase.CLOSED);
            assertEquals(List.of("not-the-next-phase"), missing.stream().map(ProblemDetails.Error::code).toList());
            assertEquals("from investigation the next phase is conclusion", missing.getFirst().message());
            assertEquals(List.of("not-the-next-phase"), codes(bare(CasePhase.INVESTIGATION), CasePhase.FOLLOW_UP));
        }
    }

    @Nested
    class FromTheConclusion {

        @Test
        void theFollowUpNeedsAConclusionSessionAndTheApprovedSynthesis() {
            assertEquals(List.of("no-conclusion-session", "synthesis-not-approved"),
                    codes(bare(CasePhase.CONCLUSION), CasePhase.FOLLOW_UP));
            assertEquals(List.of("no-conclusion-session"), codes(new CaseSnapshot(CasePhase.CONCLUSION, false, null,
                    false, false, NONE, Set.of(CasePhase.INVESTIGATION), true), CasePhase.FOLLOW_UP));
            assertEquals(List.of("synthesis-not-approved"), codes(new CaseSnapshot(CasePhase.CONCLUSION, false, null,
                    false, false, NONE, Set.of(CasePhase.CONCLUSION), false), CasePhase.FOLLOW_UP));
            assertEquals(List.of(), codes(new CaseSnapshot(CasePhase.CONCLUSION, false, null, false, false, NONE,
                    Set.of(CasePhase.CONCLUSION), true), CasePhase.FOLLOW_UP));
        }

        @Test
        void itDoesNotCloseBeforeTheFollowUp() {
            assertEquals(List.of("not-the-next-phase"), codes(new CaseSnapshot(CasePhase.CONCLUSION, true, "fit", true,
                    true, NONE, NONE, true), CasePhase.CLOSED));
        }
    }

    @Nested
    class FromTheFollowUp {

        @Test
        void itClosesOnceTheFollowUpIsHeldAsASessionOrAnAdministration() {
            assertEquals(List.of("no-follow-up"), codes(bare(CasePhase.FOLLOW_UP), CasePhase.CLOSED));
            assertEquals(List.of("no-follow-up"), codes(new CaseSnapshot(CasePhase.FOLLOW_UP, true, "fit", true, true,
                    Set.of(CasePhase.INVESTIGATION), Set.of(CasePhase.CONCLUSION), true), CasePhase.CLOSED));
            assertEquals(List.of(), codes(new CaseSnapshot(CasePhase.FOLLOW_UP, false, null, false, false, NONE,
                    Set.of(CasePhase.FOLLOW_UP), false), CasePhase.CLOSED));
            assertEquals(List.of(), codes(new CaseSnapshot(CasePhase.FOLLOW_UP, false, null, false, false,
                    Set.of(CasePhase.FOLLOW_UP), NONE, false), CasePhase.CLOSED));
        }

        /** Due on 2027-06-06: held the day before, on the day, or the day before with a reason. */
        @Test
        void aFollowUpHeldBeforeItIsDueClosesTheCaseOnlyWithAReason() {
            LocalDate due = LocalDate.of(2027, 6, 6);
            Set<CasePhase> held = Set.of(CasePhase.FOLLOW_UP);
            List<ProblemDetails.Error> early = PhaseRules.missingFor(new CaseSnapshot(CasePhase.FOLLOW_UP, true, "fit",
                    true, true, held, NONE, true, due, LocalDate.of(2027, 6, 5), false), CasePhase.CLOSED);
            assertEquals(List.of("follow-up-early"), early.stream().map(ProblemDetails.Error::code).toList());
            assertEquals("the follow-up is due on 2027-06-06 and was held on 2027-06-05: hold it on or after the day it "
                    + "is due, or record why it came earlier (PUT /api/v1/cases/{id}/follow-up/early-reason)",
                    early.getFirst().message());
            assertEquals(List.of(), codes(new CaseSnapshot(CasePhase.FOLLOW_UP, true, "fit", true, true, NONE, held,
                    true, due, due, false), CasePhase.CLOSED));
            assertEquals(List.of(), codes(new CaseSnapshot(CasePhase.FOLLOW_UP, true, "fit", true, true, NONE, held,
                    true, due, LocalDate.of(2027, 6, 5), true), CasePhase.CLOSED));
            // Not held at all: that is what is missing, whatever the dates.
            assertEquals(List.of("no-follow-up"), codes(new CaseSnapshot(CasePhase.FOLLOW_UP, true, "fit", true, true,
                    NONE, NONE, true, due, null, true), CasePhase.CLOSED));
        }

        @Test
        void itGoesNowhereElse() {
            assertEquals(List.of("not-the-next-phase"), codes(bare(CasePhase.FOLLOW_UP), CasePhase.INVESTIGATION));
        }
    }

    @Nested
    class FromAClosedCase {

        @Test
        void nothingMovesIt() {
            for (CasePhase to : CasePhase.values()) {
                List<ProblemDetails.Error> missing = PhaseRules.missingFor(bare(CasePhase.CLOSED), to);
                assertEquals(List.of("case-closed"), missing.stream().map(ProblemDetails.Error::code).toList(), to.code());
                assertEquals("the case is closed", missing.getFirst().message());
            }
        }
    }

    @Test
    void everyMissingRequirementSaysWhatToDo() {
        List<ProblemDetails.Error> missing = PhaseRules.missingFor(bare(CasePhase.PRELIMINARY), CasePhase.INVESTIGATION);
        assertEquals(List.of("record the beneficiary's demand", "decide that the bilan fits the demand",
                "the beneficiary signs the contract", "a counsellor signs the contract"),
                missing.stream().map(ProblemDetails.Error::message).toList());
        assertEquals("hold the follow-up: log its session or administer the follow-up questionnaire",
                PhaseRules.missingFor(bare(CasePhase.FOLLOW_UP), CasePhase.CLOSED).getFirst().message());
    }
}

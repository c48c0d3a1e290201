package io.bilan.engine.cases;

import io.bilan.engine.problem.InvalidRequestException;
import io.bilan.engine.problem.ProblemDetails;
import io.bilan.engine.problem.Texts;

/** Checks every step of a case makes: the phase it is in, the texts it is given. */
final class CaseChecks {

    /** The longest free text a case keeps in one field. */
    static final int MAX_TEXT = 4000;

    private CaseChecks() {
    }

    /** Refuses unless the case is in {@code phase}; {@code rule} is the key of the text saying so. */
    static void requirePhase(CaseRecord record, CasePhase phase, String rule) {
        if (!record.phase.equals(phase.code())) {
            throw CaseRuleException.of("wrong-phase", Texts.of("rule.wrong-phase", Texts.of(rule), record.phase));
        }
    }

    static void requireOpen(CaseRecord record) {
        if (record.phase.equals(CasePhase.CLOSED.code())) {
            throw CaseRuleException.of("case-closed", Texts.of("rule.case-closed"));
        }
    }

    /** A text of 1 to {@link #MAX_TEXT} characters, stripped; {@code what} names it ({@code field.<what>} in Texts). */
    static String text(String pointer, String text, String what) {
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw InvalidRequestException.at(pointer, "invalid-text", Texts.of("rule.invalid-text",
                    Texts.of("field." + what), MAX_TEXT));
        }
        return text.strip();
    }

    static ProblemDetails.Error error(String pointer, String code, String message) {
        return new ProblemDetails.Error(code, pointer, message, null, "error");
    }
}

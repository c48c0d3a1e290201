package io.bilan.engine.cases;

import com.fasterxml.jackson.annotation.JsonValue;
import io.bilan.engine.problem.UnknownValueCode;
import java.util.Arrays;
import java.util.Locale;

/** The phases of a bilan de compétences, in order, and where a case ends. */
@UnknownValueCode("unknown-phase")
public enum CasePhase {
    PRELIMINARY, INVESTIGATION, CONCLUSION, FOLLOW_UP, CLOSED;

    /** As the API and instrument manifests write it: {@code follow-up}. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static CasePhase of(String code) {
        return Arrays.stream(values()).filter(phase -> phase.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(code));
    }

    /** The phase after this one in a bilan that goes its whole way. */
    public CasePhase next() {
        return this == CLOSED ? CLOSED : values()[ordinal() + 1];
    }
}

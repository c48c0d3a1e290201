package io.bilan.api.instrument;

import com.fasterxml.jackson.annotation.JsonValue;

/** What an instrument is, which decides how it is administered and how its results count as evidence. */
public enum InstrumentKind {
    /** Items with right and wrong answers (aptitude, knowledge, reasoning). */
    TEST("test"),
    /** Self-report items: interests, values, self-assessed competences, the preliminary interview. */
    QUESTIONNAIRE("questionnaire"),
    /** Behaviourally anchored criteria rated by one or more observers during a role play or interview. */
    OBSERVATION_GRID("observation-grid");

    private final String code;

    InstrumentKind(String code) {
        this.code = code;
    }

    /** The code used in manifests and the API. */
    @JsonValue
    public String code() {
        return code;
    }
}

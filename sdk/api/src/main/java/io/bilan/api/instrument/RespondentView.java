package io.bilan.api.instrument;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What the person who answered sees of their own result once they have submitted: the manifest's
 * {@code respondentView}. Absent, it follows the kind ({@link #defaultFor(InstrumentKind)}).
 */
public enum RespondentView {
    /** Each scale in plain words (its band and the band's text) with a bar and the score, then the interpretation. */
    SCALES("scales"),
    /** Each scale's band and its text in words only, no score and no chart, then the interpretation. */
    SUMMARY("summary"),
    /** Nothing of the results: the page says the counsellor will go through them with the person. */
    COUNSELLOR_ONLY("counsellor-only");

    private final String code;

    RespondentView(String code) {
        this.code = code;
    }

    /** The code used in manifests. */
    @JsonValue
    public String code() {
        return code;
    }

    /**
     * The view of a package that declares none: a questionnaire (interests, values, self-assessment) shows its
     * scales; a test or an observation grid shows nothing, its results are read with the counsellor.
     */
    public static RespondentView defaultFor(InstrumentKind kind) {
        return kind == InstrumentKind.QUESTIONNAIRE ? SCALES : COUNSELLOR_ONLY;
    }
}

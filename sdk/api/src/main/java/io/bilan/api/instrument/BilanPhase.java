package io.bilan.api.instrument;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The phases of a bilan de compétences an instrument is meant for, with the names shown to a person (the only
 * ones: scripts receive them from the runtime as {@code vocabulary.phases}).
 */
public enum BilanPhase {
    PRELIMINARY("preliminary", "Phase préliminaire", "Preliminary phase"),
    INVESTIGATION("investigation", "Phase d'investigation", "Investigation phase"),
    CONCLUSION("conclusion", "Phase de conclusion", "Conclusion phase"),
    FOLLOW_UP("follow-up", "Suivi", "Follow-up");

    private final String code;
    private final String labelFr;
    private final String labelEn;

    BilanPhase(String code, String labelFr, String labelEn) {
        this.code = code;
        this.labelFr = labelFr;
        this.labelEn = labelEn;
    }

    /** The name shown to a person in {@code language} ({@code fr}; anything else gives English). */
    public String label(String language) {
        return "fr".equals(language) ? labelFr : labelEn;
    }

    /** The code used in manifests and the API. */
    @JsonValue
    public String code() {
        return code;
    }
}

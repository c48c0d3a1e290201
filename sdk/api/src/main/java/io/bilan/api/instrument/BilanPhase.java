package io.bilan.api.instrument;

import com.fasterxml.jackson.annotation.JsonValue;

/** The phases of a bilan de compétences an instrument is meant for. */
public enum BilanPhase {
    PRELIMINARY("preliminary"),
    INVESTIGATION("investigation"),
    CONCLUSION("conclusion"),
    FOLLOW_UP("follow-up");

    private final String code;

    BilanPhase(String code) {
        this.code = code;
    }

    /** The code used in manifests and the API. */
    @JsonValue
    public String code() {
        return code;
    }
}

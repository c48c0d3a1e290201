package io.bilan.api.vocabulary;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a piece of evidence about a competence comes from; observed and tested evidence weigh more. */
public enum EvidenceSource {
    SELF_ASSESSMENT("self-assessment"),
    TEST("test"),
    OBSERVATION("observation"),
    EXPERIENCE("experience");

    private final String code;

    EvidenceSource(String code) {
        this.code = code;
    }

    /** The code used in manifests and the API. */
    @JsonValue
    public String code() {
        return code;
    }
}

package io.bilan.api.report;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a scale could be scored. */
public enum ScaleStatus {
    SCORED("scored"),
    /** Fewer items were answered than the scale's missing-data rule allows: no score. */
    INSUFFICIENT_DATA("insufficient-data");

    private final String code;

    ScaleStatus(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}

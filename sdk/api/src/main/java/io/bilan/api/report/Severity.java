package io.bilan.api.report;

import com.fasterxml.jackson.annotation.JsonValue;

/** How serious a problem or flag is. Only errors block loading a package or scoring a response set. */
public enum Severity {
    ERROR("error"),
    WARNING("warning"),
    INFO("info");

    private final String code;

    Severity(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}

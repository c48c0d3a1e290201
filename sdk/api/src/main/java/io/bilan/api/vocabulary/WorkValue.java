package io.bilan.api.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The six work values of O*NET's work importance profiles, so occupation data can be matched to a
 * person's values directly.
 */
public enum WorkValue {
    ACHIEVEMENT("achievement", "Achievement"),
    WORKING_CONDITIONS("working-conditions", "Working Conditions"),
    RECOGNITION("recognition", "Recognition"),
    RELATIONSHIPS("relationships", "Relationships"),
    SUPPORT("support", "Support"),
    INDEPENDENCE("independence", "Independence");

    private final String code;
    private final String onetName;

    WorkValue(String code, String onetName) {
        this.code = code;
        this.onetName = onetName;
    }

    /** The code used in manifests and the API. */
    @JsonValue
    public String code() {
        return code;
    }

    /** The element name in O*NET's {@code Work Values.txt}. */
    public String onetName() {
        return onetName;
    }

    /** The value of a code ({@code working-conditions}) or an O*NET name ({@code Working Conditions}). */
    @JsonCreator
    public static WorkValue of(String code) {
        for (WorkValue value : values()) {
            if (value.code.equals(code) || value.onetName.equalsIgnoreCase(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("not a work value: " + code);
    }
}

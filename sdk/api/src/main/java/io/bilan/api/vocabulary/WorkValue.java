package io.bilan.api.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The six work values of O*NET's work importance profiles, so occupation data can be matched to a
 * person's values directly.
 */
public enum WorkValue {
    ACHIEVEMENT("achievement", "Achievement", "Réussite"),
    WORKING_CONDITIONS("working-conditions", "Working Conditions", "Conditions de travail"),
    RECOGNITION("recognition", "Recognition", "Reconnaissance"),
    RELATIONSHIPS("relationships", "Relationships", "Relations"),
    SUPPORT("support", "Support", "Soutien"),
    INDEPENDENCE("independence", "Independence", "Autonomie");

    private final String code;
    private final String onetName;
    private final String labelFr;

    WorkValue(String code, String onetName, String labelFr) {
        this.code = code;
        this.onetName = onetName;
        this.labelFr = labelFr;
    }

    /** The name shown to a person in {@code language} ({@code fr}, else English). */
    public String label(String language) {
        return "fr".equals(language) ? labelFr : onetName.charAt(0) + onetName.substring(1).toLowerCase(java.util.Locale.ROOT);
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

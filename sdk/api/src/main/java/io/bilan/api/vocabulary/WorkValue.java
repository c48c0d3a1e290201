package io.bilan.api.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The six work values of O*NET's work importance profiles, so occupation data can be matched to a
 * person's values directly.
 *
 * <p>The labels here are the only ones: instruments' scripts receive them from the runtime
 * ({@code vocabulary.workValues}), and the documentation and the synthesis are tested against them. Two French
 * names were chosen among variants: {@link #INDEPENDENCE} is <i>Indépendance</i>, not <i>Autonomie</i>, which
 * a reader would confuse with the competence {@link Competence#AUTONOMY} (<i>Travailler en autonomie</i>);
 * {@link #ACHIEVEMENT} is <i>Réussite</i>, the name the work-values questionnaire has always shown, rather than
 * <i>Accomplissement</i>, which the descriptions keep ("voir le résultat de son travail").
 */
public enum WorkValue {
    ACHIEVEMENT("achievement", "Achievement", "Réussite", "Achievement"),
    WORKING_CONDITIONS("working-conditions", "Working Conditions", "Conditions de travail", "Working conditions"),
    RECOGNITION("recognition", "Recognition", "Reconnaissance", "Recognition"),
    RELATIONSHIPS("relationships", "Relationships", "Relations", "Relationships"),
    SUPPORT("support", "Support", "Soutien", "Support"),
    INDEPENDENCE("independence", "Independence", "Indépendance", "Independence");

    private final String code;
    private final String onetName;
    private final String labelFr;
    private final String labelEn;

    WorkValue(String code, String onetName, String labelFr, String labelEn) {
        this.code = code;
        this.onetName = onetName;
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

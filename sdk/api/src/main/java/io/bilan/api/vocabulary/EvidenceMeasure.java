package io.bilan.api.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What the level of a piece of competence evidence measures. Only levels that measure the same thing are averaged:
 * a documentation level says how well the competence is backed up, not how well it is mastered, so it adds
 * confidence to a mastery level and never lowers (or raises) it.
 */
public enum EvidenceMeasure {
    /** How well the person masters the competence: self-rated, observed in a role play or measured by a test. */
    MASTERY("mastery"),
    /**
     * How well the competence is documented: the number and precision of the examples heard in interview, the
     * experiences and months of practice the person names.
     */
    DOCUMENTATION("documentation");

    private final String code;

    EvidenceMeasure(String code) {
        this.code = code;
    }

    /** The code used in manifests, scripts and the API. */
    @JsonValue
    public String code() {
        return code;
    }

    /** The measure with this code. */
    @JsonCreator
    public static EvidenceMeasure of(String code) {
        for (EvidenceMeasure measure : values()) {
            if (measure.code.equals(code)) {
                return measure;
            }
        }
        throw new IllegalArgumentException("unknown evidence measure: " + code);
    }
}

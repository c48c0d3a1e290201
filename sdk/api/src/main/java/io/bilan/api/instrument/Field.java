package io.bilan.api.instrument;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * A typed field of a repeating-group entry, e.g. the job title or the competences used in a past job.
 *
 * @param type      the value's type
 * @param options   the allowed values for {@code choice} and {@code choices}; none for {@code competences}
 * @param min       lowest number for {@code number}
 * @param max       highest number for {@code number}
 * @param maxLength longest text for {@code text}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Field(String id, LocalizedText label, Type type, boolean required, List<ChoiceOption> options,
        Double min, Double max, Integer maxLength) {

    /** The value types a field can hold. */
    public enum Type {
        /** A string of at most {@code maxLength} characters. */
        TEXT("text"),
        /** A number within {@code min} and {@code max}. */
        NUMBER("number"),
        /** true or false. */
        BOOLEAN("boolean"),
        /** One option value. */
        CHOICE("choice"),
        /** An array of distinct option values. */
        CHOICES("choices"),
        /** A date as {@code YYYY-MM} or {@code YYYY-MM-DD}. */
        DATE("date"),
        /**
         * An array of distinct competence ids of the built-in framework
         * ({@link io.bilan.api.vocabulary.Competence}), e.g. the competences used in a past job.
         */
        COMPETENCES("competences");

        private final String code;

        Type(String code) {
            this.code = code;
        }

        @JsonValue
        public String code() {
            return code;
        }
    }
}

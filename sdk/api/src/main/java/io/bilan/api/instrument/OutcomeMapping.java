package io.bilan.api.instrument;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.bilan.api.vocabulary.EvidenceMeasure;
import io.bilan.api.vocabulary.EvidenceSource;
import io.bilan.api.vocabulary.RiasecArea;
import io.bilan.api.vocabulary.WorkValue;

/**
 * How a scale feeds one of the shared vocabularies that profiles are built from. The scale's result is
 * carried over as a level from 0 to 1: its position between the lowest and highest possible score.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = OutcomeMapping.Interest.class, name = "interest"),
    @JsonSubTypes.Type(value = OutcomeMapping.Value.class, name = "work-value"),
    @JsonSubTypes.Type(value = OutcomeMapping.Competence.class, name = "competence"),
})
public sealed interface OutcomeMapping {

    /** The scale whose result is carried over. */
    String scale();

    /** Where the evidence comes from; {@code null} when the manifest does not say. */
    EvidenceSource source();

    /**
     * The scale measures interest in one RIASEC area.
     *
     * @param source where the evidence comes from; a questionnaire's self-report when {@code null}
     */
    record Interest(RiasecArea area, String scale, EvidenceSource source) implements OutcomeMapping {
    }

    /**
     * The scale measures the importance of one of the six O*NET work values.
     *
     * @param source where the evidence comes from; a questionnaire's self-report when {@code null}
     */
    record Value(WorkValue value, String scale, EvidenceSource source) implements OutcomeMapping {
    }

    /**
     * The scale is evidence of a competence.
     *
     * @param competence the id of a competence of the built-in framework, or an ESCO skill URI
     * @param source     what kind of evidence it is, which decides its weight in the portfolio
     * @param measures   what the scale's level measures: {@code mastery} (also when {@code null}) or
     *                   {@code documentation}; a profile averages only levels that measure the same thing
     */
    record Competence(String competence, String scale, EvidenceSource source, EvidenceMeasure measures)
            implements OutcomeMapping {

        /** A mapping whose level measures mastery. */
        public Competence(String competence, String scale, EvidenceSource source) {
            this(competence, scale, source, null);
        }
    }
}

package io.bilan.api.spi;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bilan.api.instrument.LocalizedText;
import io.bilan.api.report.OutcomeResult;
import io.bilan.api.report.Severity;
import java.util.List;
import java.util.Map;

/**
 * What a script or Java scorer adds to the declarative results. Texts are given in every declared
 * language; the runtime picks the report's. A script returns the same shape as JSON, checked against
 * {@code urn:bilan:schema:score-additions:1}.
 *
 * @param scales         new scales by id (ids must not clash with declared scales)
 * @param flags          things to notice
 * @param interpretation paragraphs of interpretation
 * @param outcomes       results carried over to the shared vocabularies
 * @param results        further structured, language-neutral results
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ScoreAdditions(Map<String, AddedScale> scales, List<AddedFlag> flags,
        List<LocalizedText> interpretation, List<OutcomeResult> outcomes, Map<String, Object> results) {

    public ScoreAdditions {
        scales = scales == null ? Map.of() : scales;
        flags = flags == null ? List.of() : List.copyOf(flags);
        interpretation = interpretation == null ? List.of() : List.copyOf(interpretation);
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
        results = results == null ? Map.of() : results;
    }

    /** Nothing added. */
    public static ScoreAdditions none() {
        return new ScoreAdditions(null, null, null, null, null);
    }

    /**
     * A scale computed by the script or scorer.
     *
     * @param band optional band the score falls in
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AddedScale(LocalizedText label, Double raw, Double mean, Double min, Double max, AddedBand band) {
    }

    /** A band with its texts. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AddedBand(String id, LocalizedText label, LocalizedText text) {
    }

    /** A flag with its message in every declared language. */
    public record AddedFlag(String code, Severity severity, LocalizedText message) {
    }
}

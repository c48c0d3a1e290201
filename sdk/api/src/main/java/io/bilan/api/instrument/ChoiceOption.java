package io.bilan.api.instrument;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One option of a choice, ranking, forced-choice or knowledge item.
 *
 * @param value the code stored in responses, unique within its item
 * @param label what the respondent reads
 * @param score the number this option contributes to a scale, for single-choice items; {@code null} when
 *              the option is not scored
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChoiceOption(String value, LocalizedText label, Double score) {
}

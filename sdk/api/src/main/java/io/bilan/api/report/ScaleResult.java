package io.bilan.api.report;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One scale in a score report: the {@link ScaleScore} with its label and band in the report's language.
 * Fields are as in {@link ScaleScore}; {@code source} says whether the scale was declared in the
 * manifest or added by the script or Java scorer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScaleResult(String label, Double raw, Double mean, Integer answered, Integer items, Double min,
        Double max, Boolean prorated, ScaleStatus status, NormScores norm, BandResult band, String source) {
}

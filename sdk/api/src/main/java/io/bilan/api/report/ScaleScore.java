package io.bilan.api.report;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The language-neutral result of one scale, as scripts and Java scorers receive it.
 *
 * @param raw      the weighted sum of item values (prorated when items are missing and the rule says so);
 *                 {@code null} without enough data
 * @param mean     the weighted mean of the answered item values; {@code null} without enough data
 * @param answered how many of the scale's items were answered
 * @param items    how many items the scale has
 * @param min      the lowest possible score on the scale's metric (raw for sums, mean for means)
 * @param max      the highest possible score on that metric
 * @param prorated whether {@code raw} was scaled up for missing items
 * @param norm     the norm conversion, when the instrument has norms for this scale
 * @param band     the id of the band the score falls in, if the scale or its norms define bands
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScaleScore(Double raw, Double mean, int answered, int items, double min, double max,
        boolean prorated, ScaleStatus status, NormScores norm, String band) {

    /** The score on the scale's own metric: {@code mean} for mean scales, {@code raw} for sums. */
    public Double score(boolean meanScale) {
        return meanScale ? mean : raw;
    }
}

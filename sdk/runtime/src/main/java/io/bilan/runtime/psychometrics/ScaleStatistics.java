package io.bilan.runtime.psychometrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a data set says about one scale: its score distribution, Cronbach's alpha and the item analysis, as
 * {@code psych::alpha(x)} in R reports them for the keyed item values {@code x} (no {@code keys}, default
 * {@code use = "pairwise"}). Computed by {@link ScaleSample}, whose Javadoc gives every formula. A value
 * that cannot be computed (too few items or answers, a zero variance) is {@code null}.
 *
 * @param scale    the scale's id
 * @param items    how many items the scale lists
 * @param n        respondents who answered at least one of its items
 * @param scored   respondents who got a score (enough items answered)
 * @param mean     the mean of the scale's score as Bilan scores it ({@code raw} for a sum scale, {@code mean}
 *                 for a mean scale), over the scored respondents
 * @param sd       its standard deviation, with {@code n - 1}
 * @param alpha    over the items kept (items with no variance are left out, as psych does)
 * @param itemStatistics one per item, in the scale's order
 * @param warnings items with no variance, items whose item-rest correlation is negative
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScaleStatistics(String scale, int items, long n, long scored, Double mean, Double sd, Alpha alpha,
        List<ItemStatistics> itemStatistics, List<Warning> warnings) {

    public ScaleStatistics {
        itemStatistics = List.copyOf(itemStatistics);
        warnings = List.copyOf(warnings);
    }

    /**
     * Cronbach's alpha of a set of items.
     *
     * @param raw          psych {@code raw_alpha}: {@code k/(k-1) * (1 - tr(C)/sum(C))}, C the pairwise covariances
     * @param standardized psych {@code std.alpha}: {@code k/(k-1) * (1 - k/sum(R))}, R = {@code cov2cor(C)}
     * @param averageR     psych {@code average_r}: the mean of the off-diagonal entries of R
     */
    public record Alpha(Double raw, Double standardized, Double averageR) {
    }

    /**
     * One item of the scale. The correlations are {@code null} for an item left out for having no variance.
     *
     * @param item                  the item's id, with {@code .option} for an option of a ranking, forced-choice or
     *                              multiple-choice item
     * @param reversed              whether the scale keys it -1 (its values are already reversed here)
     * @param n                     respondents who answered it (psych {@code n})
     * @param mean                  the mean of its keyed value (psych {@code mean})
     * @param sd                    its standard deviation, {@code n - 1} (psych {@code sd})
     * @param itemTotalR            psych {@code raw.r}: its correlation with each respondent's mean of the answered kept
     *                              items, over respondents who answered it
     * @param standardizedItemTotalR psych {@code std.r}: {@code colSums(R)/sqrt(sum(R))}
     * @param itemRestR             psych {@code r.drop}: its correlation with the sum of the other kept items, from C
     * @param alphaIfDropped        psych {@code alpha.drop}: alpha of the other kept items; {@code null} when fewer than
     *                              two would remain
     * @param excluded              {@code no-variance} when the item was left out of every statistic but n, mean, sd
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemStatistics(String item, boolean reversed, long n, Double mean, Double sd, Double itemTotalR,
            Double standardizedItemTotalR, Double itemRestR, Alpha alphaIfDropped, String excluded) {
    }

    /**
     * Something a researcher should look at.
     *
     * @param code {@code negative-item-rest-correlation} (the classic sign of a missing reverse key) or
     *             {@code no-variance} (every answer the same, or fewer than two answers: left out of alpha)
     */
    public record Warning(String code, String item, String message) {
    }
}

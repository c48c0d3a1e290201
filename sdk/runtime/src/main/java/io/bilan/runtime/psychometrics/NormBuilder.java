package io.bilan.runtime.psychometrics;

import io.bilan.api.instrument.LocalizedText;
import io.bilan.api.instrument.NormTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Builds a norm table of one scale from the scores of a sample, in the package format: a {@link NormTable}
 * written as JSON is what a manifest's {@code norms} holds. One row per distinct score of the sample, in
 * ascending order; a score between two rows takes the lower row when scoring.
 *
 * <p>For a score x, with n scores in the sample, their mean m and standard deviation s ({@code n - 1}):
 * <ul>
 * <li><b>percentile rank</b> {@code = 100 (below + equal / 2) / n}, below and equal counting the sample's
 *     scores under x and equal to x (the mid-point definition), rounded to one decimal;</li>
 * <li><b>T</b> {@code = 50 + 10 z}, {@code z = (x - m) / s}, rounded to one decimal (linear T, not
 *     normalised);</li>
 * <li><b>stanine</b> {@code = floor(2z + 0.5) + 5} held to 1..9: stanine 5 is {@code -0.25 <= z < 0.25},
 *     each other stanine half an SD wide, 1 below {@code z = -1.75} and 9 from {@code z = 1.75};</li>
 * <li><b>sten</b> {@code = floor(2z) + 6} held to 1..10: sten 6 is {@code 0 <= z < 0.5}, each sten half an
 *     SD wide, 1 below {@code z = -2} and 10 from {@code z = 2}.</li>
 * </ul>
 * A z a hair (10⁻⁹) under a cut point counts as on it, so that a score exactly a quarter SD above the mean
 * is never put a stanine down by rounding. Rounding keeps the derived scores non-decreasing, as a
 * manifest's rows must be.
 */
public final class NormBuilder {

    private static final double SLACK = 1e-9;

    private NormBuilder() {
    }

    /**
     * A norm table with one scale.
     *
     * @param id         the table's id, e.g. {@code fr-adults-2025}
     * @param population who the sample is, in every language of the package
     * @param collected  when the sample was collected, free text; may be {@code null}
     * @param scale      the scale's id
     * @param basis      whether {@code scores} are raw scores or means (as the scale's aggregation)
     * @param scores     the sample's scores (NaN values are ignored)
     * @throws IllegalArgumentException with fewer than two scores, or when they are all equal
     */
    public static NormTable build(String id, LocalizedText population, String collected, String scale,
            NormTable.Basis basis, double[] scores) {
        double[] sorted = Arrays.stream(scores).filter(Double::isFinite).sorted().toArray();
        int n = sorted.length;
        double sd = ScaleSample.standardDeviation(sorted);
        if (n < 2 || !(sd > 0)) {
            throw new IllegalArgumentException("norms need at least two different scores; the sample has " + n
                    + (n < 2 ? "" : ", all equal to " + sorted[0]));
        }
        double mean = ScaleSample.mean(sorted);
        List<NormTable.Row> rows = new ArrayList<>();
        int below = 0;
        while (below < n) {
            double score = sorted[below];
            int equal = 0;
            while (below + equal < n && sorted[below + equal] == score) {
                equal++;
            }
            double z = (score - mean) / sd;
            rows.add(new NormTable.Row(score, round1(100.0 * (below + equal / 2.0) / n), round1(50 + 10 * z),
                    stanine(z), sten(z)));
            below += equal;
        }
        return new NormTable(id, population, n, collected, Map.of(scale, new NormTable.ScaleNorms(basis, rows)),
                null);
    }

    /** The stanine of a z score: half-SD bands centred on the mean. */
    static int stanine(double z) {
        return (int) Math.clamp((long) Math.floor(2 * z + 0.5 + SLACK) + 5, 1, 9);
    }

    /** The sten of a z score: half-SD bands with the mean between sten 5 and 6. */
    static int sten(double z) {
        return (int) Math.clamp((long) Math.floor(2 * z + SLACK) + 6, 1, 10);
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }
}

package io.bilan.runtime.psychometrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.bilan.runtime.psychometrics.ScaleStatistics.ItemStatistics;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Small cases worked by hand. */
class ScaleSampleTest {

    private static final double NA = Double.NaN;

    private static ScaleSample sample(double[]... rows) {
        List<String> items = java.util.stream.IntStream.rangeClosed(1, rows[0].length).mapToObj(i -> "i" + i).toList();
        ScaleSample sample = new ScaleSample("S", items, items.stream().map(i -> false).toList());
        for (double[] row : rows) {
            double sum = 0;
            for (double v : row) {
                sum += Double.isNaN(v) ? 0 : v;
            }
            sample.add(row, sum);
        }
        return sample;
    }

    /**
     * Three items, four respondents: (1,2,2), (2,2,3), (3,4,3), (4,4,4). Item means 2.5, 3, 3.
     * C = [[5/3, 4/3, 1], [4/3, 4/3, 2/3], [1, 2/3, 2/3]] (e.g. cov(i1, i2) = (1.5·1 + 0.5·1 + 0.5·1 + 1.5·1)/3);
     * tr(C) = 11/3, sum(C) = 11/3 + 2·3 = 29/3, so raw alpha = 3/2 · (1 − 11/29) = 27/29.
     * Without i1: tr = 2, sum = 2 + 4/3 = 10/3, alpha = 2 · (1 − 3/5) = 0.8.
     * r.drop of i1 = (4/3 + 1) / sqrt(5/3 · 10/3) = (7/3) / (sqrt(50)/3) = 7/sqrt(50).
     * r(i2, i3) = (2/3) / sqrt(4/3 · 2/3) = 1/sqrt(2): average r without i1.
     * Sum scores 5, 7, 10, 12: mean 8.5, SD sqrt((12.25 + 2.25 + 2.25 + 12.25)/3) = sqrt(29/3).
     * psych gives the same: PsychAgreementTest checks them against expected.json's "tiny".
     */
    @Test
    void threeItemsFourRespondents() {
        ScaleStatistics s = sample(new double[] {1, 2, 2}, new double[] {2, 2, 3}, new double[] {3, 4, 3},
                new double[] {4, 4, 4}).statistics();

        assertEquals(27.0 / 29, s.alpha().raw(), 1e-12);
        assertEquals(4, s.n());
        assertEquals(8.5, s.mean(), 1e-12);
        assertEquals(Math.sqrt(29.0 / 3), s.sd(), 1e-12);
        ItemStatistics i1 = s.itemStatistics().getFirst();
        assertEquals(0.8, i1.alphaIfDropped().raw(), 1e-12);
        assertEquals(1 / Math.sqrt(2), i1.alphaIfDropped().averageR(), 1e-12);
        assertEquals(7 / Math.sqrt(50), i1.itemRestR(), 1e-12);
        assertEquals(List.of(), s.warnings());
    }

    @Test
    void aConstantItemAndAnItemAnsweredOnceAreLeftOut() {
        ScaleStatistics s = sample(new double[] {1, 2, 2, 3, 5}, new double[] {2, 2, 3, 3, NA},
                new double[] {3, 4, 3, 3, NA}, new double[] {4, 4, 4, NA, NA}).statistics();

        assertEquals(27.0 / 29, s.alpha().raw(), 1e-12, "alpha of the three varying items");
        assertEquals("no-variance", s.itemStatistics().get(3).excluded());
        assertEquals(0.0, s.itemStatistics().get(3).sd());
        assertEquals("no-variance", s.itemStatistics().get(4).excluded());
        assertNull(s.itemStatistics().get(4).sd(), "one answer has no SD");
        assertEquals(List.of("no-variance", "no-variance"), s.warnings().stream().map(ScaleStatistics.Warning::code).toList());
    }

    @Test
    void twoItemsHaveAnAlphaButNoAlphaIfDropped() {
        ScaleStatistics s = sample(new double[] {1, 2}, new double[] {2, 2}, new double[] {3, 4},
                new double[] {4, 4}).statistics();

        // C = [[5/3, 4/3], [4/3, 4/3]]: alpha = 2 (1 − 3/(3 + 8/3)) = 2 · 8/17.
        assertEquals(16.0 / 17, s.alpha().raw(), 1e-12);
        assertNull(s.itemStatistics().getFirst().alphaIfDropped());
    }

    @Test
    void fewerThanTwoVaryingItemsHaveNoAlpha() {
        ScaleStatistics s = sample(new double[] {1, 3}, new double[] {2, 3}, new double[] {NA, NA}).statistics();

        assertNull(s.alpha());
        assertEquals(2, s.n(), "the respondent who answered nothing is not counted");
    }
}

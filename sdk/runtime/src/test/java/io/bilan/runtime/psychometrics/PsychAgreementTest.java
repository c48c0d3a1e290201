package io.bilan.runtime.psychometrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bilan.runtime.TestPackages;
import io.bilan.runtime.batch.BatchSummary;
import io.bilan.runtime.psychometrics.ScaleStatistics.ItemStatistics;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code psychometrics/responses.csv} scored with the package {@code psychometrics} agrees to 1e-9 with what
 * R's psych 2.2.9 reports for it: {@code expected.json} and {@code psych-scores.csv}, written by
 * {@code src/test/r/psych-expected.R}. 300 generated respondents; scale E (a sum, prorated from 5 answers of
 * 7) has a reversed item (e3), a constant item (e5), an item missing its reverse key (e6) and 8 % missing
 * answers; scale A is a mean scale with a reversed item.
 */
class PsychAgreementTest {

    private static JsonNode expected;
    private static PsychComparison psych;

    @BeforeAll
    static void scoreTheDataSet() throws Exception {
        try (InputStream in = resource("expected.json")) {
            expected = TestPackages.runtime().json().readTree(in);
        }
        try (Reader in = reader("responses.csv")) {
            psych = new PsychComparison(TestPackages.load("psychometrics"), in, expected);
        }
        assertEquals(new BatchSummary(300, 300, 0), psych.summary());
    }

    private static InputStream resource(String name) {
        return PsychAgreementTest.class.getResourceAsStream("/psychometrics/" + name);
    }

    private static Reader reader(String name) {
        return new InputStreamReader(resource(name), StandardCharsets.UTF_8);
    }

    @Test
    void alphaItemAnalysisAndScoreDistributionAgreeWithPsych() {
        for (String scale : psych.scales()) {
            psych.assertScaleAgrees(scale);
        }
        // Row 8 answers nothing on E, row 12 one item of 7 (minAnswered 5).
        assertEquals(299, psych.statistics("E").n());
    }

    @Test
    void everyRespondentsScoreAgreesWithScoreItems() throws Exception {
        try (Reader in = reader("psych-scores.csv")) {
            psych.assertScoresAgree(in);
        }
    }

    @Test
    void psychsMeanAndSdAreThoseOfTheMeanScale() {
        psych.assertPsychMeanAndSdAreTheScores("A");
    }

    @Test
    void theCaseWorkedByHandInScaleSampleTestAgreesWithPsych() {
        ScaleSample sample = new ScaleSample("S", List.of("i1", "i2", "i3"), List.of(false, false, false));
        for (double[] row : new double[][] {{1, 2, 2}, {2, 2, 3}, {3, 4, 3}, {4, 4, 4}}) {
            sample.add(row, row[0] + row[1] + row[2]);
        }
        ScaleStatistics tiny = sample.statistics();
        psych.assertAlpha(expected.at("/tiny/alpha"), tiny.alpha(), "alpha");
        ItemStatistics i1 = tiny.itemStatistics().getFirst();
        psych.near(expected.at("/tiny/items/i1/rDrop"), i1.itemRestR(), "i1 r.drop");
        psych.assertAlpha(expected.at("/tiny/items/i1/alphaDrop"), i1.alphaIfDropped(), "i1 alpha.drop");
    }

    @Test
    void theReversedItemIsReportedKeyed() {
        ItemStatistics e3 = psych.statistics("E").itemStatistics().get(2);
        assertEquals("e3", e3.item());
        assertTrue(e3.reversed());
        assertTrue(e3.itemRestR() > 0.5, "keyed -1, e3 goes with its scale: " + e3.itemRestR());
    }

    @Test
    void theConstantItemIsLeftOutWithAWarning() {
        ItemStatistics e5 = psych.statistics("E").itemStatistics().get(4);
        assertEquals("no-variance", e5.excluded());
        assertEquals(0.0, e5.sd());
        assertNull(e5.itemTotalR());
        assertNull(e5.alphaIfDropped());
        assertTrue(psych.statistics("E").warnings().stream()
                .anyMatch(w -> w.code().equals("no-variance") && w.item().equals("e5")));
    }

    @Test
    void theItemMissingItsReverseKeyRaisesTheOnlyNegativeCorrelationWarning() {
        List<ScaleStatistics.Warning> negative = psych.scales().stream()
                .flatMap(scale -> psych.statistics(scale).warnings().stream())
                .filter(w -> w.code().equals("negative-item-rest-correlation")).toList();
        assertEquals(1, negative.size(), negative.toString());
        assertEquals("e6", negative.getFirst().item());
        assertTrue(negative.getFirst().message().endsWith("is a reverse key missing?"), negative.getFirst().message());
    }
}

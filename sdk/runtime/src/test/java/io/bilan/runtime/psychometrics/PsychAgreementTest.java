package io.bilan.runtime.psychometrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bilan.runtime.Instrument;
import io.bilan.runtime.TestPackages;
import io.bilan.runtime.batch.BatchScorer;
import io.bilan.runtime.batch.BatchSummary;
import io.bilan.runtime.psychometrics.ScaleStatistics.ItemStatistics;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The statistics of {@code psychometrics/responses.csv} scored with the package {@code psychometrics} agree
 * to 1e-9 with {@code expected.json}, which {@code src/test/python/psych_alpha.py} computes from psych's
 * formulas in plain Python (see its docstring). Scale E has a reversed item (e3), a constant item (e5), an
 * item missing its reverse key (e6) and 8 % missing answers; scale A is a mean scale.
 */
class PsychAgreementTest {

    private static final double TOLERANCE = 1e-9;
    private static JsonNode expected;
    private static Map<String, ScaleStatistics> statistics;

    @BeforeAll
    static void scoreTheDataSet() throws Exception {
        Instrument instrument = TestPackages.load("psychometrics");
        DataSetStatistics data = new DataSetStatistics(instrument);
        BatchSummary summary;
        try (InputStream in = resource("responses.csv")) {
            summary = new BatchScorer(instrument, io.bilan.runtime.scoring.ScoreOptions.in("en"),
                    TestPackages.runtime().json(), data)
                    .scoreCsv(new InputStreamReader(in, StandardCharsets.UTF_8), new StringWriter());
        }
        assertEquals(new BatchSummary(300, 300, 0), summary);
        try (InputStream in = resource("expected.json")) {
            expected = TestPackages.runtime().json().readTree(in);
        }
        statistics = data.scales().stream().collect(Collectors.toMap(ScaleStatistics::scale, Function.identity()));
    }

    private static InputStream resource(String name) {
        return PsychAgreementTest.class.getResourceAsStream("/psychometrics/" + name);
    }

    private static void near(JsonNode expected, Double actual, String what) {
        assertTrue(actual != null, what + " is missing");
        assertEquals(expected.asDouble(), actual, TOLERANCE, what);
    }

    @Test
    void scaleScoresAndAlphaAgreeWithPsych() {
        for (String scale : List.of("E", "A")) {
            JsonNode want = expected.at("/scales/" + scale);
            ScaleStatistics got = statistics.get(scale);
            assertEquals(want.get("n").asLong(), got.n(), scale + " n");
            assertEquals(want.get("scored").asLong(), got.scored(), scale + " scored");
            near(want.get("mean"), got.mean(), scale + " mean");
            near(want.get("sd"), got.sd(), scale + " sd");
            near(want.at("/alpha/raw"), got.alpha().raw(), scale + " raw_alpha");
            near(want.at("/alpha/standardized"), got.alpha().standardized(), scale + " std.alpha");
            near(want.at("/alpha/averageR"), got.alpha().averageR(), scale + " average_r");
        }
        // Row 8 answers nothing on E, row 12 two items of 7 (minAnswered 5): n 299, scored 294 with the
        // missing answers of the other rows.
        assertEquals(299, statistics.get("E").n());
    }

    @Test
    void itemStatisticsAgreeWithPsych() {
        for (String scale : List.of("E", "A")) {
            for (ItemStatistics item : statistics.get(scale).itemStatistics()) {
                JsonNode want = expected.at("/scales/" + scale + "/items/" + item.item());
                String what = scale + "/" + item.item();
                assertEquals(want.get("n").asLong(), item.n(), what + " n");
                near(want.get("mean"), item.mean(), what + " mean");
                if (want.get("excluded").asBoolean()) {
                    continue;
                }
                near(want.get("sd"), item.sd(), what + " sd");
                near(want.get("rawR"), item.itemTotalR(), what + " raw.r");
                near(want.get("stdR"), item.standardizedItemTotalR(), what + " std.r");
                near(want.get("rDrop"), item.itemRestR(), what + " r.drop");
                near(want.at("/alphaDrop/raw"), item.alphaIfDropped().raw(), what + " alpha.drop raw");
                near(want.at("/alphaDrop/standardized"), item.alphaIfDropped().standardized(), what + " alpha.drop std");
                near(want.at("/alphaDrop/averageR"), item.alphaIfDropped().averageR(), what + " alpha.drop r");
            }
        }
    }

    @Test
    void theReversedItemIsReportedKeyed() {
        ItemStatistics e3 = statistics.get("E").itemStatistics().get(2);
        assertEquals("e3", e3.item());
        assertTrue(e3.reversed());
        assertTrue(e3.itemRestR() > 0.5, "keyed -1, e3 goes with its scale: " + e3.itemRestR());
    }

    @Test
    void theConstantItemIsLeftOutWithAWarning() {
        ItemStatistics e5 = statistics.get("E").itemStatistics().get(4);
        assertEquals("no-variance", e5.excluded());
        assertEquals(0.0, e5.sd());
        assertNull(e5.itemTotalR());
        assertNull(e5.alphaIfDropped());
        assertTrue(statistics.get("E").warnings().stream()
                .anyMatch(w -> w.code().equals("no-variance") && w.item().equals("e5")));
    }

    @Test
    void theItemMissingItsReverseKeyRaisesTheOnlyNegativeCorrelationWarning() {
        List<ScaleStatistics.Warning> negative = statistics.values().stream()
                .flatMap(s -> s.warnings().stream())
                .filter(w -> w.code().equals("negative-item-rest-correlation")).toList();
        assertEquals(1, negative.size(), negative.toString());
        assertEquals("e6", negative.getFirst().item());
        assertTrue(negative.getFirst().message().endsWith("is a reverse key missing?"), negative.getFirst().message());
    }
}

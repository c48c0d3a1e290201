package io.bilan.runtime.psychometrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bilan.api.report.ScaleResult;
import io.bilan.api.report.ScaleStatus;
import io.bilan.api.report.ScoreReport;
import io.bilan.runtime.Instrument;
import io.bilan.runtime.TestPackages;
import io.bilan.runtime.batch.BatchScorer;
import io.bilan.runtime.batch.BatchSummary;
import io.bilan.runtime.psychometrics.ScaleStatistics.Alpha;
import io.bilan.runtime.psychometrics.ScaleStatistics.ItemStatistics;
import io.bilan.runtime.scoring.ScoreOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A data set scored by Bilan next to what R's psych reports for it, as {@code src/test/r/psych-expected.R}
 * writes it: {@code expected.json} (per scale: {@code psych::alpha}, the alpha of {@code psych::scoreItems},
 * the distribution of the scale's score, the item analysis) and {@code psych-scores.csv} (per respondent and
 * scale: the score of {@code scoreItems(impute = "none")} and how many items are missing). Every check
 * compares one figure within {@link #TOLERANCE} and remembers the largest difference seen.
 */
final class PsychComparison {

    static final double TOLERANCE = 1e-9;

    private final JsonNode expected;
    private final Map<String, ScaleStatistics> statistics;
    private final Map<String, ScoreReport> reports = new LinkedHashMap<>();
    private final BatchSummary summary;
    private double largestDifference;
    private int figures;

    /** Scores {@code responses} (CSV with a respondent column) with {@code instrument}. */
    PsychComparison(Instrument instrument, Reader responses, JsonNode expected) throws Exception {
        this.expected = expected;
        DataSetStatistics data = new DataSetStatistics(instrument);
        summary = new BatchScorer(instrument, ScoreOptions.in(instrument.manifest().languages().getFirst()),
                TestPackages.runtime().json(), (responseSet, report) -> {
                    data.scored(responseSet, report);
                    reports.put(report.respondent(), report);
                }).scoreCsv(responses, new StringWriter());
        statistics = data.scales().stream()
                .collect(Collectors.toMap(ScaleStatistics::scale, Function.identity()));
    }

    BatchSummary summary() {
        return summary;
    }

    ScaleStatistics statistics(String scale) {
        return statistics.get(scale);
    }

    /** The largest absolute difference between a figure of Bilan and the same figure of psych so far. */
    double largestDifference() {
        return largestDifference;
    }

    /** How many figures were compared so far. */
    int figures() {
        return figures;
    }

    /**
     * psych::alpha's alpha and item analysis, scoreItems' alpha, and the distribution of the scale's score
     * agree with the statistics of {@code scale}.
     */
    void assertScaleAgrees(String scale) {
        JsonNode want = expected.at("/scales/" + scale);
        ScaleStatistics got = statistics.get(scale);
        assertAlpha(want.get("alpha"), got.alpha(), scale);
        near(want.at("/scoreItems/alpha"), got.alpha().raw(), scale + " scoreItems alpha");
        exact(want.at("/score/n"), got.n(), scale + " n");
        exact(want.at("/score/scored"), got.scored(), scale + " scored");
        near(want.at("/score/mean"), got.mean(), scale + " mean");
        near(want.at("/score/sd"), got.sd(), scale + " sd");
        for (ItemStatistics item : got.itemStatistics()) {
            assertItemAgrees(want.at("/items/" + item.item()), item, scale + "/" + item.item());
        }
    }

    /**
     * psych::alpha's own mean and SD (of each respondent's mean of the answered items) are those of the
     * scale's score: true of a mean scale scored from one answer, with no item left out.
     */
    void assertPsychMeanAndSdAreTheScores(String scale) {
        JsonNode want = expected.at("/scales/" + scale + "/alpha");
        ScaleStatistics got = statistics.get(scale);
        near(want.get("mean"), got.mean(), scale + " psych::alpha mean");
        near(want.get("sd"), got.sd(), scale + " psych::alpha sd");
    }

    /**
     * For every respondent and scale: Bilan's {@code answered} is the number of items less scoreItems'
     * missing, its {@code mean} is scoreItems' score, and its {@code raw} is that score times the items
     * added up (all of them when prorated).
     */
    void assertScoresAgree(Reader psychScores) throws IOException {
        List<String[]> rows = new BufferedReader(psychScores).lines().map(line -> line.split(",", -1)).toList();
        List<String> header = Arrays.asList(rows.getFirst());
        List<String> scales = header.stream().filter(c -> c.endsWith(".score"))
                .map(c -> c.substring(0, c.length() - ".score".length())).toList();
        assertEquals(reports.size(), rows.size() - 1, "respondents");
        for (String[] row : rows.subList(1, rows.size())) {
            String respondent = row[0];
            ScoreReport report = reports.get(respondent);
            assertNotNull(report, "respondent " + respondent);
            for (String scale : scales) {
                String what = respondent + " " + scale;
                String score = row[header.indexOf(scale + ".score")];
                int missing = Integer.parseInt(row[header.indexOf(scale + ".missing")]);
                ScaleResult result = report.scales().get(scale);
                assertEquals(result.items() - missing, result.answered(), what + " answered");
                figures++;
                assertEquals(result.answered() == 0, score.isEmpty(), what + ": psych scores whoever answered");
                if (result.status() == ScaleStatus.SCORED) {
                    double psych = Double.parseDouble(score);
                    near(psych, result.mean(), what + " mean");
                    int added = result.prorated() ? result.items() : result.answered();
                    near(psych * added, result.raw(), what + " raw");
                }
            }
        }
    }

    private void assertItemAgrees(JsonNode want, ItemStatistics got, String what) {
        assertTrue(want.isObject(), what + " has psych figures");
        exact(want.get("n"), got.n(), what + " n");
        near(want.get("mean"), got.mean(), what + " mean");
        near(want.get("sd"), got.sd(), what + " sd");
        if (want.path("excluded").asBoolean()) {
            assertEquals("no-variance", got.excluded(), what + " excluded");
            return;
        }
        assertNull(got.excluded(), what + " excluded");
        near(want.get("rawR"), got.itemTotalR(), what + " raw.r");
        near(want.get("stdR"), got.standardizedItemTotalR(), what + " std.r");
        near(want.get("rDrop"), got.itemRestR(), what + " r.drop");
        if (want.has("alphaDrop")) {
            assertAlpha(want.get("alphaDrop"), got.alphaIfDropped(), what + " alpha.drop");
        } else {
            assertNull(got.alphaIfDropped(), what + " alpha.drop");
        }
    }

    void assertAlpha(JsonNode want, Alpha got, String what) {
        assertNotNull(got, what);
        near(want.get("raw"), got.raw(), what + " raw_alpha");
        near(want.get("standardized"), got.standardized(), what + " std.alpha");
        near(want.get("averageR"), got.averageR(), what + " average_r");
    }

    void near(JsonNode want, Double got, String what) {
        assertTrue(want != null && want.isNumber(), what + ": psych gives no number");
        near(want.asDouble(), got, what);
    }

    private void near(double want, Double got, String what) {
        assertNotNull(got, what + " is missing");
        largestDifference = Math.max(largestDifference, Math.abs(want - got));
        figures++;
        assertEquals(want, got, TOLERANCE, what);
    }

    private void exact(JsonNode want, long got, String what) {
        figures++;
        assertEquals(want.asLong(), got, what);
    }

    /** The scales psych reports on, in its order. */
    List<String> scales() {
        List<String> scales = new ArrayList<>();
        expected.get("scales").fieldNames().forEachRemaining(scales::add);
        return scales;
    }
}

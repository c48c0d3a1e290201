package io.bilan.runtime.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bilan.runtime.Instrument;
import io.bilan.runtime.TestPackages;
import io.bilan.runtime.scoring.ScoreOptions;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Batches on instruments with a script: the columns the script adds are known from the first scored row,
 * and a failing script refuses its row only. Package {@code scripted}: scales R, I, A sum three 1-5 items
 * each; the script adds the scale {@code spread} (highest minus lowest) and the results {@code code} (the
 * areas from highest to lowest) and {@code top}, and flags a flat profile.
 */
class ScriptedBatchTest {

    private static final Instrument SCRIPTED = TestPackages.load("scripted");
    private static final String HEADER = "respondent,r1,r2,r3,i1,i2,i3,a1,a2,a3\n";

    private static String scoreCsv(Instrument instrument, String csv, BatchSummary expected) throws Exception {
        StringWriter out = new StringWriter();
        BatchSummary summary = new BatchScorer(instrument, ScoreOptions.in("en"), TestPackages.runtime().json())
                .scoreCsv(new StringReader(csv), out);
        assertEquals(expected, summary);
        return out.toString();
    }

    @Test
    void addsTheScriptsScalesAndScalarResultsAfterTheDeclaredOnes() throws Exception {
        String output = scoreCsv(SCRIPTED, HEADER
                + "x,9,5,5,2,2,2,2,2,2\n"
                + "y,5,5,5,2,2,2,2,2,2\n"
                + "z,3,3,3,3,3,3,3,3,3\n", new BatchSummary(3, 2, 1));
        String[] lines = output.split("\r\n");

        assertEquals("row,respondent,R.raw,R.mean,R.answered,I.raw,I.mean,I.answered,A.raw,A.mean,A.answered,"
                + "spread.raw,spread.mean,results.code,results.top,flags,error", lines[0]);
        // The refused first row waited for the header, which the first scored row decided.
        assertTrue(lines[1].startsWith("1,x,,,,,,,,,,,,,,,out-of-range at /answers/r1: "), lines[1]);
        // R 15, I 6, A 6: RIA (ties keep declaration order), spread 15 - 6; the script gives spread no mean.
        assertEquals("2,y,15,5,3,6,2,3,6,2,3,9,,RIA,R,,", lines[2]);
        assertEquals("3,z,9,3,3,9,3,3,9,3,3,0,,RIA,R,flat-profile,", lines[3]);
    }

    @Test
    void tooManyRefusedRowsBeforeTheFirstScoredOneFixTheHeaderWithoutTheScriptsColumns() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < CsvReportWriter.PENDING_MAX_ROWS; i++) {
            csv.append("x,9,5,5,2,2,2,2,2,2\n");
        }
        csv.append("y,5,5,5,2,2,2,2,2,2\n");
        int rows = CsvReportWriter.PENDING_MAX_ROWS + 1;

        List<Map<String, String>> output = BatchFiles.readCsv(
                scoreCsv(SCRIPTED, csv.toString(), new BatchSummary(rows, 1, rows - 1)));

        Map<String, String> scored = output.getLast();
        assertEquals(Integer.toString(rows), scored.get("row"));
        assertEquals("15", scored.get("R.raw"));
        assertFalse(scored.containsKey("spread.raw"));
        assertEquals(13, scored.size(), "row, respondent, three declared scales, flags, error");
    }

    @Test
    void aFailingScriptRefusesItsRowOnly() throws Exception {
        Instrument endless = TestPackages.runtime().validate(TestPackages.source("hostile-endless-loop"))
                .instrument().orElseThrow();
        StringWriter out = new StringWriter();
        BatchSummary summary = new BatchScorer(endless, ScoreOptions.in("en"), TestPackages.runtime().json())
                .scoreNdjson(new StringReader("{\"respondent\": \"a\", \"answers\": {}}\n{\"answers\": {\"r1\": 9}}\n"), out);

        assertEquals(new BatchSummary(2, 0, 2), summary);
        String[] lines = out.toString().split("\n");
        JsonNode failed = TestPackages.runtime().json().readTree(lines[0]);
        assertEquals("a", failed.get("respondent").asText());
        assertTrue(failed.at("/error/code").asText().startsWith("script-"), failed.toString());
        assertEquals(0, failed.at("/error/problems").size());
        assertEquals("invalid-response", TestPackages.runtime().json().readTree(lines[1]).at("/error/code").asText());
    }
}

package io.bilan.runtime.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * CSV batches on the package {@code every-rule}, with expectations computed by hand in the comments (the
 * same rules as {@code DeclarativeScoringTest}). Every row answers l5 and l6, which scale S_fail requires.
 */
class CsvBatchTest {

    private static final String EVERY_RULE_HEADER = "row,respondent,"
            + "S_sum.raw,S_sum.mean,S_sum.answered,S_sum.percentile,S_sum.t,S_sum.stanine,S_sum.sten,S_sum.band,"
            + "S_noprorate.raw,S_noprorate.mean,S_noprorate.answered,"
            + "S_fail.raw,S_fail.mean,S_fail.answered,"
            + "S_mean.raw,S_mean.mean,S_mean.answered,S_mean.band,"
            + "S_choice.raw,S_choice.mean,S_choice.answered,"
            + "S_rank.raw,S_rank.mean,S_rank.answered,"
            + "S_fc.raw,S_fc.mean,S_fc.answered,"
            + "S_mc.raw,S_mc.mean,S_mc.answered,"
            + "S_test.raw,S_test.mean,S_test.answered,"
            + "S_obs.raw,S_obs.mean,S_obs.answered,"
            + "S_mixed.raw,S_mixed.mean,S_mixed.answered,"
            + "flags,error";

    private static String score(String file, BatchSummary expected) throws Exception {
        StringWriter out = new StringWriter();
        BatchSummary summary = BatchFiles.scorer().scoreCsv(BatchFiles.open(file), out);
        assertEquals(expected, summary);
        return out.toString();
    }

    private static String scoreText(String csv) throws Exception {
        StringWriter out = new StringWriter();
        BatchFiles.scorer().scoreCsv(new StringReader(csv), out);
        return out.toString();
    }

    @Test
    void scoresCompleteAndIncompleteRowsAndRefusesInvalidOnes() throws Exception {
        String output = score("every-rule.csv", new BatchSummary(5, 2, 3));
        String[] lines = output.split("\r\n", -1);

        assertEquals(EVERY_RULE_HEADER, lines[0]);
        // p-001, the package's complete fixture. S_sum: 4 + (6-2) + 2*5 + 1 = 19 over weight 5, mean 3.8,
        // adults norm row 19 (84, 60, 7, 7), band on T 60 = high. S_noprorate 4+2. S_fail (3+4)/2.
        // S_mean 4 + (6-2) = 8, mean 4, high. S_choice b=2 + (10-3) = 9. S_rank p 2nd of 4 = 3, q 1st = 4
        // reversed to 1. S_fc m neither = 1, n most = 2. S_mc x picked, y not. S_test 1 + 0.5 + 0.
        // S_obs mean of observers 3 and 4. S_mixed l1 4 + m 1 + n 2 = 7, mean 7/3 in its shortest form.
        assertEquals("1,p-001,19,3.8,4,84,60,7,7,high,6,3,2,7,3.5,2,8,4,2,high,9,4.5,2,4,2,2,3,1.5,2,1,0.5,2,"
                + "1.5,0.5,3,3.5,3.5,1,7,2.3333333333333335,3,,", lines[1]);
        // p-002, l2 missing. S_sum: 5 + 2*3 + 2 = 13 over weight 4, mean 3.25; prorated by its place in the
        // answered items' range 4..20 carried to the scale's 5..25: 5 + (13-4)/16 * 20 = 16.25 (= 13 * 5/4),
        // adults row 15 (50, 50, 5, 6), band on T 50 = average. S_noprorate keeps l1 alone. S_mean needs both
        // items: no score. S_choice c=4 + (10-10) = 4. Scales without answers have no score. 700 s is over the
        // 600 s limit. S_mixed has l1 alone; 5 is the top of its range, so it prorates to the scale's top, 9.
        assertEquals("2,p-002,16.25,3.25,3,50,50,5,6,average,5,5,1,4,2,2,,,1,,4,2,2,,,0,,,0,,,0,,,0,,,0,9,5,1,"
                + "insufficient-data;time-limit-exceeded,", lines[2]);
        assertEquals("", lines[lines.length - 1], "the output ends with a line break");
        assertEquals(7, lines.length, "the blank input line is not a row");

        List<Map<String, String>> rows = BatchFiles.readCsv(output);
        assertEquals(5, rows.size());
        for (Map<String, String> row : rows) {
            assertEquals(43, row.size());
        }
        Map<String, String> wrongCells = rows.get(2);
        assertEquals("3", wrongCells.get("row"));
        assertEquals("p-003", wrongCells.get("respondent"));
        assertEquals("", wrongCells.get("S_sum.raw"));
        assertTrue(wrongCells.get("error").startsWith("wrong-type at /answers/l1: "), wrongCells.get("error"));
        assertTrue(wrongCells.get("error").contains("; out-of-range at /answers/l3: "), wrongCells.get("error"));

        Map<String, String> incomplete = rows.get(3);
        assertEquals("p-004", incomplete.get("respondent"));
        assertEquals("insufficient-answers at /answers: scale \"S_fail\" needs at least 2 answered items, got 1",
                incomplete.get("error"));

        Map<String, String> badJson = rows.get(4);
        assertEquals("5", badJson.get("row"));
        assertTrue(badJson.get("error").startsWith("invalid-row: column rg1 does not hold valid JSON: "),
                badJson.get("error"));
    }

    @Test
    void readsForcedChoiceRankingAndMultipleChoiceColumns() throws Exception {
        List<Map<String, String>> rows = BatchFiles.readCsv(score("choices.csv", new BatchSummary(4, 2, 2)));

        Map<String, String> a = rows.get(0);
        // most m, least o: m = 2, n = 1. Ranking p q r s: p 1st of 4 = 4, q 2nd = 3 reversed to 2.
        // "[]": answered, nothing picked. A single oc1 rating of 2.
        assertEquals(List.of("3", "1.5", "2"), cells(a, "S_fc"));
        assertEquals(List.of("6", "3", "2"), cells(a, "S_rank"));
        assertEquals(List.of("0", "0", "2"), cells(a, "S_mc"));
        assertEquals(List.of("2", "2", "1"), cells(a, "S_obs"));
        assertEquals("", a.get("error"));

        Map<String, String> b = rows.get(1);
        // most o, least m: m = 0, n = 1. Ranking s r q p: p 4th = 1, q 3rd = 2 reversed to 3.
        assertEquals(List.of("1", "0.5", "2"), cells(b, "S_fc"));
        assertEquals(List.of("4", "2", "2"), cells(b, "S_rank"));
        assertEquals(List.of("2", "1", "2"), cells(b, "S_mc"));
        assertEquals(List.of("", "", "0"), cells(b, "S_obs"));

        assertEquals("c", rows.get(2).get("respondent"));
        assertTrue(rows.get(2).get("error").startsWith("missing-property at /answers/fc1/least: "),
                rows.get(2).get("error"));
        String d = rows.get(3).get("error");
        assertTrue(d.contains("incomplete-ranking at /answers/rk1: "), d);
        assertTrue(d.contains("same-most-and-least at /answers/fc1/least: "), d);
    }

    @Test
    void readsObserverColumnsAndPassesUnknownColumnsToTheValidator() throws Exception {
        List<Map<String, String>> rows = BatchFiles.readCsv(score("observers.csv", new BatchSummary(4, 2, 2)));

        assertEquals(List.of("3.5", "3.5", "1"), cells(rows.get(0), "S_obs"));
        assertEquals(List.of("4", "4", "1"), cells(rows.get(1), "S_obs"));
        assertEquals("invalid-row: item oc1 is answered in more than one column", rows.get(2).get("error"));
        assertTrue(rows.get(3).get("error").startsWith("unknown-item at /answers/age: "), rows.get(3).get("error"));
    }

    @Test
    void quotesCellsThatNeedIt() throws Exception {
        String output = scoreText("respondent,l5,l6\n\"Dupont, Marie \"\"M\"\"\",3,3\n");
        String[] lines = output.split("\r\n");
        assertTrue(lines[1].startsWith("1,\"Dupont, Marie \"\"M\"\"\",,"), lines[1]);
        assertEquals("Dupont, Marie \"M\"", BatchFiles.readCsv(output).getFirst().get("respondent"));
    }

    @Test
    void acceptsAByteOrderMarkAndNumbersWrittenAsDecimals() throws Exception {
        List<Map<String, String>> rows = BatchFiles.readCsv(scoreText("\uFEFFrespondent,l5,l6\nx, 4.0 ,2\n"));
        assertEquals(List.of("6", "3", "2"), cells(rows.getFirst(), "S_fail"));
    }

    @Test
    void anEmptyInputGivesTheHeaderOnly() throws Exception {
        assertEquals(EVERY_RULE_HEADER + "\r\n", scoreText(""));
    }

    @Test
    void refusesAHeaderNamingAColumnTwice() {
        InvalidBatchException e = assertThrows(InvalidBatchException.class,
                () -> scoreText("respondent,l1,l1\nx,1,2\n"));
        assertEquals("the CSV header names the column \"l1\" twice", e.getMessage());
    }

    @Test
    void refusesARowWithMoreCellsThanTheHeaderAndGoesOn() throws Exception {
        List<Map<String, String>> rows = BatchFiles.readCsv(
                scoreText("respondent,l5,l6\nx,1,2,3\ny,1,2\n"));
        assertEquals("invalid-row: the row has more cells than the header's 3 columns", rows.get(0).get("error"));
        assertEquals("x", rows.get(0).get("respondent"));
        assertEquals(List.of("3", "1.5", "2"), cells(rows.get(1), "S_fail"));
    }

    @Test
    void refusesATooLongCellWithoutHoldingItAndGoesOn() throws IOException, InvalidBatchException {
        StringWriter out = new StringWriter();
        String before = "respondent,ft1,l5,l6\nx,\"";
        String after = "\",3,3\ny,fine,3,3\n";
        BatchSummary summary = BatchFiles.scorer().scoreCsv(
                new GeneratedReader(before, 'a', BatchScorer.MAX_ROW_CHARS + 1L, after), out);

        assertEquals(new BatchSummary(2, 1, 1), summary);
        List<Map<String, String>> rows = BatchFiles.readCsv(out.toString());
        assertEquals("invalid-row: the row is longer than " + BatchScorer.MAX_ROW_CHARS + " characters",
                rows.get(0).get("error"));
        assertEquals("", rows.get(1).get("error"));
    }

    private static List<String> cells(Map<String, String> row, String scale) {
        return List.of(row.get(scale + ".raw"), row.get(scale + ".mean"), row.get(scale + ".answered"));
    }
}

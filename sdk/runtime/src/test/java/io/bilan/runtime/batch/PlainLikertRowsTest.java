package io.bilan.runtime.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.runtime.Instrument;
import io.bilan.runtime.TestPackages;
import io.bilan.runtime.psychometrics.DataSetStatistics;
import io.bilan.runtime.scoring.ScoreOptions;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Rows read straight into answers give exactly what the general path gives, row for row and in the statistics, on
 * generated rows that mix plain ratings with every kind of cell the plain reader must leave to the general path.
 */
class PlainLikertRowsTest {

    /** Cells that are not plain ratings: the general path accepts some (spaces, 4.0, 05) and refuses the others. */
    private static final List<String> ODD_CELLS = List.of(" 3", "4 ", "4.0", "05", "0", "9", "-1", "+2", "three",
            "2.5", "1e0", "\t", "99999999999");

    /**
     * bfi, psychometrics and numeric-rules (weights, reverse keys, two formats, a required rating, every missing-data
     * rule) are scored without reports on the plain path; every-rule (norms, bands) with its reports.
     */
    @ParameterizedTest
    @ValueSource(strings = {"psychometrics", "bfi", "numeric-rules", "every-rule"})
    void bothPathsWriteTheSameRowsAndStatistics(String name) throws Exception {
        Instrument instrument = TestPackages.load(name);
        assertEquals(!name.equals("every-rule"), instrument.numericRows(ScoreOptions.in("en"), true) != null);
        // every-rule's Likert items only: its scales then meet norms, bands, no prorating and the fail rule.
        List<String> items = instrument.manifest().items().stream()
                .filter(item -> item instanceof io.bilan.api.instrument.Item.Likert).map(item -> item.id()).toList();
        String csv = generated(items, new Random(20261206L), 3000);

        StringWriter plain = new StringWriter();
        DataSetStatistics plainStatistics = new DataSetStatistics(instrument);
        BatchSummary plainSummary = scorer(instrument, plainStatistics).scoreCsv(new StringReader(csv), plain, true);
        StringWriter general = new StringWriter();
        DataSetStatistics generalStatistics = new DataSetStatistics(instrument);
        BatchSummary generalSummary = scorer(instrument, generalStatistics)
                .scoreCsv(new StringReader(csv), general, false);

        assertEquals(generalSummary, plainSummary);
        assertEquals(general.toString(), plain.toString());
        String json = TestPackages.runtime().json().writeValueAsString(generalStatistics.scales());
        assertEquals(json, TestPackages.runtime().json().writeValueAsString(plainStatistics.scales()));
    }

    @Test
    void rowsScoredWithoutReportsSayWhatTheReportsSay() throws Exception {
        Instrument instrument = TestPackages.load("numeric-rules");
        String csv = """
                respondent,n1,n2,n3,n4,n5,n6,n7,n8
                all,1,2,3,4,5,1,7,3
                prorated,5,,3,,4,2,,
                s1 short,,,1,,2,5,2,
                s2 fails,,,,6,,3,,
                s3 skipped,2,2,2,2,,4,,
                """;
        StringWriter out = new StringWriter();
        DataSetStatistics statistics = new DataSetStatistics(instrument);
        BatchSummary summary = scorer(instrument, statistics).scoreCsv(new StringReader(csv), out, true);
        assertEquals(new BatchSummary(5, 4, 1), summary);
        List<java.util.Map<String, String>> rows = BatchFiles.readCsv(out.toString());
        // all: s1 = (6 - 1) + 2 × 2 + 3 + 0.5 × 4 = 14, its mean 14 / 4.5; s2 = (3 + (8 - 4) + 5) / 3 = 4;
        // s3 = 5 + 1 + (8 - 7) = 7; s4 = (1 + 3 × 7) / 4 = 5.5.
        assertEquals(java.util.Map.of("s1.raw", "14", "s1.mean", "3.111111111111111", "s1.answered", "4", "s2.raw", "12",
                "s2.mean", "4", "s3.raw", "7", "s4.mean", "5.5", "flags", ""), pick(rows.get(0), "s1.raw", "s1.mean",
                "s1.answered", "s2.raw", "s2.mean", "s3.raw", "s4.mean", "flags"));
        // prorated: s1 answered n1 (reversed 1) and n3 (3), 2 of 4 items, fewer than 3: no score, flagged; s2 =
        // (3 + 4) / 2 = 3.5; s3 = 4 + 2 = 6, not prorated; s4 lacks n7.
        assertEquals(java.util.Map.of("s1.raw", "", "s1.answered", "2", "s2.mean", "3.5", "s3.raw", "6",
                "s3.answered", "2", "s4.raw", "", "flags", "insufficient-data"), pick(rows.get(1), "s1.raw",
                "s1.answered", "s2.mean", "s3.raw", "s3.answered", "s4.raw", "flags"));
        // "s1 short": s1 has n3 alone, flagged; s2 = (1 + 2) / 2; s3 = 2 + 5 + (8 - 2) = 13.
        assertEquals(java.util.Map.of("s1.raw", "", "s2.mean", "1.5", "s3.raw", "13", "flags", "insufficient-data"),
                pick(rows.get(2), "s1.raw", "s2.mean", "s3.raw", "flags"));
        // s2 fails with one answer: the row is refused, naming the scale.
        assertEquals("", rows.get(3).get("s1.raw"));
        assertTrue(rows.get(3).get("error").contains("scale \"s2\" needs at least 2 answered items, got 1"),
                rows.get(3).get("error"));
        // s3 skipped with one answer: no score and no flag of its own; s4 lacks n7 and flags.
        assertEquals(java.util.Map.of("s3.raw", "", "s3.answered", "1", "flags", "insufficient-data"),
                pick(rows.get(4), "s3.raw", "s3.answered", "flags"));
        // s1 of "s3 skipped", all 4 answered (n1 reversed 4, n2 2 × 2, n3 2, n4 0.5 × 2): 4 + 4 + 2 + 1 = 11.
        assertEquals("11", rows.get(4).get("s1.raw"));
        assertEquals(4, statistics.scales().getFirst().n());
    }

    private static java.util.Map<String, String> pick(java.util.Map<String, String> row, String... columns) {
        java.util.Map<String, String> picked = new java.util.HashMap<>();
        for (String column : columns) {
            picked.put(column, row.get(column));
        }
        return picked;
    }

    @Test
    void instrumentsAndColumnsOtherThanRatingsKeepTheGeneralPath() throws Exception {
        Instrument psychometrics = TestPackages.load("psychometrics");
        assertNotNull(plainRows("respondent,e1,a2", psychometrics));
        assertNull(plainRows("respondent,durationSeconds,e1", psychometrics));
        assertNull(plainRows("respondent,e1,unknown", psychometrics));
        assertNotNull(plainRows("respondent,l1", BatchFiles.EVERY_RULE));
        assertNull(plainRows("respondent,l1,sc1", BatchFiles.EVERY_RULE));
        assertNull(plainRows("respondent,e1", TestPackages.load("scripted")));
    }

    @Test
    void aPlainRowsAnswersAreItsAnsweredItemsOnly() throws Exception {
        PlainLikertRows rows = plainRows("respondent,e1,a2", TestPackages.load("psychometrics"));
        PlainLikertRows.Row row = rows.read(csvRow(" p1 ,,4"));
        assertEquals(java.util.Map.of("a2", 4), row.answers());
        assertEquals("p1", row.respondent());
        assertNull(row.answers().get("e1"));
        assertNull(row.answers().get("respondent"));
        assertEquals(1, row.answers().size());
        assertNull(rows.read(csvRow("p1,4.0,4")));
        assertNull(rows.read(csvRow("p1,\" 4\",4")));
        assertEquals(java.util.Map.of("e1", 3), rows.read(csvRow("p1,\"3\"")).answers());
    }

    /** The one row of {@code line}, as the batch reads it. */
    private static CsvRowReader.Row csvRow(String line) throws Exception {
        return new CsvRowReader(new StringReader(line), BatchScorer.MAX_ROW_CHARS).next(Integer.MAX_VALUE);
    }

    private static PlainLikertRows plainRows(String header, Instrument instrument) throws Exception {
        CsvResponseColumns columns = CsvResponseColumns.of(List.of(header.split(",")), instrument.manifest(),
                TestPackages.runtime().json());
        return PlainLikertRows.of(columns.columns(), instrument);
    }

    private static BatchScorer scorer(Instrument instrument, DataSetStatistics statistics) {
        return new BatchScorer(instrument, ScoreOptions.in("en"), TestPackages.runtime().json(), statistics);
    }

    /**
     * Ratings 1 to 6 (6 is out of range for a five-point item), some in quotes, blanks, odd cells, short rows, odd
     * respondents (blank, padded, too long, starting like a formula with a comma and quotes in it, negative numbers).
     */
    private static String generated(List<String> items, Random random, int rows) {
        StringBuilder csv = new StringBuilder("respondent," + String.join(",", items) + "\n");
        for (int row = 0; row < rows; row++) {
            int kind = random.nextInt(20);
            csv.append(switch (kind) {
                case 0 -> "";
                case 1 -> "  p" + row + " ";
                case 2 -> "x".repeat(201);
                case 5 -> "\"=p" + row + ",\"\"q\"\"\"";
                case 6 -> "-" + row;
                default -> "p" + row;
            });
            int cells = kind == 3 ? random.nextInt(items.size()) : items.size();
            for (int i = 0; i < cells; i++) {
                int dice = random.nextInt(100);
                String rating = Integer.toString(1 + random.nextInt(dice < 13 ? 6 : 5));
                csv.append(',').append(dice < 8 ? "" : dice < 11 ? ODD_CELLS.get(random.nextInt(ODD_CELLS.size()))
                        : dice < 12 ? "\"" + rating + "\"" : rating);
            }
            csv.append(kind == 4 ? "\r\n" : "\n");
        }
        return csv.toString();
    }
}

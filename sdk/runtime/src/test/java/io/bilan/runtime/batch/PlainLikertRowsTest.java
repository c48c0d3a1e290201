package io.bilan.runtime.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

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

    @ParameterizedTest
    @ValueSource(strings = {"psychometrics", "bfi", "every-rule"})
    void bothPathsWriteTheSameRowsAndStatistics(String name) throws Exception {
        Instrument instrument = TestPackages.load(name);
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

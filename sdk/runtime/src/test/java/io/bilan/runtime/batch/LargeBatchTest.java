package io.bilan.runtime.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Many rows streamed from generated input to discarded output: nothing holds the rows, so this would run
 * the same with a hundred million. Every 1,000th row is out of range and refused. NDJSON goes through the
 * same scoring, so fewer rows keep the suite quick.
 */
class LargeBatchTest {

    private static final int CSV_ROWS = 100_000;
    private static final int NDJSON_ROWS = 20_000;

    private static String likert(long row, int item) {
        return row % 1000 == 0 && item == 1 ? "9" : Long.toString(1 + (row + item) % 5);
    }

    @Test
    void streamsACsvBatch() throws Exception {
        GeneratedReader in = GeneratedReader.rows("respondent,l1,l2,l3,l4,l5,l6", CSV_ROWS, row ->
                "p" + row + "," + likert(row, 1) + "," + likert(row, 2) + "," + likert(row, 3) + ","
                        + likert(row, 4) + "," + likert(row, 5) + "," + likert(row, 6));
        LineCountingWriter out = new LineCountingWriter();

        BatchSummary summary = BatchFiles.scorer().scoreCsv(in, out);

        assertEquals(new BatchSummary(CSV_ROWS, CSV_ROWS - CSV_ROWS / 1000, CSV_ROWS / 1000), summary);
        assertEquals(CSV_ROWS + 1, out.lines(), "a header and one line per row");
        assertTrue(out.last().startsWith(CSV_ROWS + ",p" + CSV_ROWS + ","), out.last());
        assertTrue(out.last().contains("out-of-range at /answers/l1"), out.last());
        assertTrue(out.flushes() >= CSV_ROWS / BatchScorer.FLUSH_EVERY_ROWS, "flushed as it goes");
    }

    @Test
    void streamsAnNdjsonBatch() throws Exception {
        GeneratedReader in = GeneratedReader.rows("", NDJSON_ROWS, row -> "{\"respondent\": \"p" + row
                + "\", \"answers\": {\"l1\": " + likert(row, 1) + ", \"l5\": " + likert(row, 5)
                + ", \"l6\": " + likert(row, 6) + "}}");
        LineCountingWriter out = new LineCountingWriter();

        BatchSummary summary = BatchFiles.scorer().scoreNdjson(in, out);

        assertEquals(new BatchSummary(NDJSON_ROWS, NDJSON_ROWS - NDJSON_ROWS / 1000, NDJSON_ROWS / 1000), summary);
        assertEquals(NDJSON_ROWS, out.lines());
        assertTrue(out.last().startsWith("{\"row\":" + NDJSON_ROWS + ",\"respondent\":\"p" + NDJSON_ROWS + "\""), out.last());
        assertTrue(out.flushes() >= NDJSON_ROWS / BatchScorer.FLUSH_EVERY_ROWS, "flushed as it goes");
    }
}

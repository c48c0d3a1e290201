package io.bilan.runtime.batch;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * The batch's former CSV reader, on Jackson's CSV parser, kept as the reference that {@link CsvRowReader} is
 * compared with: rows, cells and problems must come out the same. Blank lines are skipped. A row that cannot be read
 * (a cell or the row too long, too many cells, bad quoting) comes back with a problem; the parser resumes at the
 * next row.
 */
final class JacksonCsvRowReader {

    /** The cells of one row, or why it cannot be used ({@code problem} non-null, cells partial). */
    record Row(List<String> cells, String problem) {
    }

    // A corrupt input can make every token fail; after this many failures in a row the input is abandoned.
    private static final int MAX_CONSECUTIVE_FAILURES = 100;

    private final CsvParser parser;
    private final int maxRowChars;
    private boolean started;
    private boolean ended;

    JacksonCsvRowReader(Reader in, int maxRowChars) throws IOException {
        CsvFactory factory = CsvFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(maxRowChars).build())
                .enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
                .build();
        this.parser = factory.createParser(in);
        this.maxRowChars = maxRowChars;
    }

    /**
     * The next non-blank row, or {@code null} at the end of the input.
     *
     * @param maxCells more cells than this make the row unusable
     */
    Row next(int maxCells) throws IOException {
        while (true) {
            Row row = nextRow(maxCells);
            if (row == null || row.problem() != null || !isBlank(row.cells())) {
                return row;
            }
        }
    }

    private Row nextRow(int maxCells) throws IOException {
        if (ended) {
            return null;
        }
        if (!started) {
            started = true;
            // WRAP_AS_ARRAY presents the document as an array of rows.
            JsonToken first = nextTokenOrEnd();
            if (first != JsonToken.START_ARRAY) {
                ended = true;
                return null;
            }
        }
        JsonToken token;
        try {
            token = parser.nextToken();
        } catch (JsonProcessingException e) {
            return skipRestOfRow(new ArrayList<>(), problemOf(e));
        }
        if (token != JsonToken.START_ARRAY) {
            ended = true;
            return null;
        }
        // Sized for the header's columns (within reason), so a row's list does not grow cell by cell.
        List<String> cells = new ArrayList<>(Math.min(maxCells, 1024));
        long chars = 0;
        while (true) {
            try {
                token = parser.nextToken();
            } catch (JsonProcessingException e) {
                return skipRestOfRow(cells, problemOf(e));
            }
            if (token == null) {
                ended = true;
                return new Row(cells, null);
            }
            if (token == JsonToken.END_ARRAY) {
                return new Row(cells, null);
            }
            String cell = parser.getText();
            chars += cell.length();
            if (chars > maxRowChars) {
                return skipRestOfRow(cells, "the row is longer than " + maxRowChars + " characters");
            }
            if (cells.size() == maxCells) {
                return skipRestOfRow(cells, "the row has more cells than the header's " + maxCells + " columns");
            }
            cells.add(cell);
        }
    }

    /** Reads and drops tokens up to the end of the current row. */
    private Row skipRestOfRow(List<String> cells, String problem) throws IOException {
        int failures = 0;
        while (true) {
            JsonToken token;
            try {
                token = parser.nextToken();
                failures = 0;
            } catch (JsonProcessingException e) {
                if (++failures >= MAX_CONSECUTIVE_FAILURES) {
                    ended = true;
                    return new Row(cells, problem + "; the rest of the input cannot be read");
                }
                continue;
            }
            if (token == null) {
                ended = true;
                return new Row(cells, problem);
            }
            if (token == JsonToken.END_ARRAY) {
                return new Row(cells, problem);
            }
        }
    }

    private JsonToken nextTokenOrEnd() throws IOException {
        try {
            return parser.nextToken();
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static boolean isBlank(List<String> cells) {
        return cells.isEmpty() || cells.size() == 1 && cells.getFirst().isBlank();
    }

    private static String problemOf(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        return "not valid CSV: " + (message == null ? e.getClass().getSimpleName() : message);
    }
}

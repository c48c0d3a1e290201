package io.bilan.runtime.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bilan.api.report.ScoreReport;
import io.bilan.runtime.scoring.NumericRowScorer;
import io.bilan.runtime.Instrument;
import io.bilan.runtime.problem.ValidationCode;
import io.bilan.runtime.scoring.InvalidResponseException;
import io.bilan.runtime.scoring.ScoreOptions;
import io.bilan.runtime.scoring.ScoringException;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.List;

/**
 * Scores many response sets of one instrument in a single streamed pass: rows are read, scored and written
 * one at a time, so memory does not grow with the number of rows, and the output is flushed every
 * {@value #FLUSH_EVERY_ROWS} rows. A row that cannot be scored is written with its error and counted as
 * refused; it never stops the batch. The reader and writer are left open.
 *
 * <p><b>CSV</b> (RFC 4180, header row). Input columns: {@code respondent} and {@code durationSeconds}
 * (both optional), then one column per item, named by its id. A blank cell is an unanswered item. Likert,
 * numeric and observation-criterion cells are numbers; single-choice and knowledge cells an option value;
 * multiple-choice and ranking cells option values separated by {@code |} (a ranking most preferred first;
 * {@code []} for a multiple-choice answer with no pick); a forced-choice block takes two columns
 * {@code <item>.most} and {@code <item>.least}; an observation criterion may instead take one column per
 * observer, {@code <item>.<observer>}; free text is taken as typed; a repeating group's cell holds its
 * JSON array. A cell that does not fit its item (say {@code four} for a Likert item), and a column that
 * names no item, are passed on so the response validator reports them. Output columns: {@code row} (the
 * 1-based data row), {@code respondent}; per declared scale {@code <scale>.raw}, {@code .mean},
 * {@code .answered}, then {@code .percentile}, {@code .t}, {@code .stanine}, {@code .sten} when a norm table
 * covers the scale, then {@code .band} when the scale or such a table defines bands; then for a scale added
 * by the script or Java scorer {@code <scale>.raw}, {@code .mean}, and for each scalar {@code results}
 * entry {@code results.<key>}, both as found in the first scored row; then {@code flags} (distinct codes
 * joined by {@code ;}) and {@code error} (empty when scored). Lines end with CRLF. A cell that a spreadsheet
 * would take for a formula (it starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab, a carriage return
 * or a line feed, and is not a plain number such as {@code -1.5}) is written with a single quote before it and
 * in double quotes: a respondent {@code =HYPERLINK(...)} comes back as {@code "'=HYPERLINK(...)"}. The
 * respondent cell is read without its surrounding white space, so {@code "\t=1+1"} comes back as
 * {@code "'=1+1"}.
 *
 * <p><b>NDJSON</b>. Input: one response set per line, blank lines skipped. Output: one JSON object per
 * line, the score report with a first property {@code "row"}, or for a refused row
 * {@code {"row": n, "respondent": ..., "error": {"code": ..., "message": ..., "problems": [...]}}}.
 *
 * <p>Error codes: {@code invalid-response} (the response set does not fit the instrument; every problem is
 * listed), {@code invalid-row} (the line or row is not valid JSON or CSV, is longer than
 * {@value #MAX_ROW_CHARS} characters, or a cell cannot be converted), or the code of a script or Java scorer
 * failure such as {@code script-error}.
 */
public final class BatchScorer {

    /** The longest NDJSON line or CSV row, in characters; a longer one is refused as that row's error. */
    public static final int MAX_ROW_CHARS = 10 << 20;
    /** How many rows are written between two flushes of the output. */
    public static final int FLUSH_EVERY_ROWS = 100;

    /** Sees nothing, without building a response set for nothing. */
    private static final ScoredRowObserver NO_OBSERVER = new ScoredRowObserver() {
        @Override
        public void scored(JsonNode responseSet, ScoreReport report) {
        }

        @Override
        public void scored(java.util.Map<String, Object> answers, String respondent, ScoreReport report) {
        }

        @Override
        public boolean takesNumericRows() {
            return true;
        }

        @Override
        public void scored(NumericRowScorer scores) {
        }
    };

    private final Instrument instrument;
    private final ScoreOptions options;
    private final ObjectMapper json;
    private final ObjectReader lineReader;
    private final ObjectWriter lineWriter;
    private final ScoredRowObserver observer;

    public BatchScorer(Instrument instrument, ScoreOptions options, ObjectMapper json) {
        this(instrument, options, json, NO_OBSERVER);
    }

    /**
     * A scorer that also hands every scored row to {@code observer}, in row order, on the thread that scores
     * the batch: e.g. a {@link io.bilan.runtime.psychometrics.DataSetStatistics}.
     */
    public BatchScorer(Instrument instrument, ScoreOptions options, ObjectMapper json, ScoredRowObserver observer) {
        this.observer = java.util.Objects.requireNonNull(observer, "observer");
        this.instrument = instrument;
        this.options = options;
        this.json = json;
        this.lineReader = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.lineWriter = json.writer().without(SerializationFeature.INDENT_OUTPUT);
    }

    /** The formats of a batch and of its results: CSV or NDJSON, described above. */
    public enum Format {
        CSV, NDJSON
    }

    /**
     * Scores a CSV batch into a CSV of results.
     *
     * @throws InvalidBatchException when the header cannot be read or names a column twice; nothing was
     *                               written then
     * @throws IOException           when reading or writing fails
     */
    public BatchSummary scoreCsv(Reader in, Writer out) throws IOException, InvalidBatchException {
        return score(in, Format.CSV, out, Format.CSV);
    }

    /**
     * Scores an NDJSON batch into NDJSON results.
     *
     * @throws IOException when reading or writing fails
     */
    public BatchSummary scoreNdjson(Reader in, Writer out) throws IOException {
        try {
            return score(in, Format.NDJSON, out, Format.NDJSON);
        } catch (InvalidBatchException e) {
            throw new IllegalStateException("an NDJSON batch has no header to refuse", e);
        }
    }

    /**
     * Scores a batch of {@code input} format into results of {@code output} format, which may be the other one: a
     * CSV batch with NDJSON results keeps every report whole, an NDJSON batch with CSV results gives a table.
     *
     * @throws InvalidBatchException when a CSV header cannot be read or names a column twice; nothing was written
     *                               then
     * @throws IOException           when reading or writing fails
     */
    public BatchSummary score(Reader in, Format input, Writer out, Format output)
            throws IOException, InvalidBatchException {
        return input == Format.CSV ? scoreCsv(in, out, output, true) : scoreNdjson(in, results(out, output));
    }

    /** {@link #scoreCsv(Reader, Writer)}, with plain rows read straight into answers or, for tests, not. */
    BatchSummary scoreCsv(Reader in, Writer out, boolean plainRows) throws IOException, InvalidBatchException {
        return scoreCsv(in, out, Format.CSV, plainRows);
    }

    private BatchSummary scoreCsv(Reader in, Writer out, Format output, boolean plainRows)
            throws IOException, InvalidBatchException {
        CsvRowReader reader = new CsvRowReader(in, MAX_ROW_CHARS);
        CsvRowReader.Row header = reader.next(Integer.MAX_VALUE);
        if (header != null && header.problem() != null) {
            throw new InvalidBatchException("the CSV header cannot be read: " + header.problem());
        }
        CsvResponseColumns columns = header == null ? null
                : CsvResponseColumns.of(header.cells(), instrument.manifest(), json);
        CsvReportWriter csv = output == Format.CSV ? new CsvReportWriter(out, instrument.manifest(), json) : null;
        Results writer = csv != null ? results(csv) : results(out, output);
        Counts counts = new Counts();
        if (columns != null) {
            PlainLikertRows plain = plainRows ? PlainLikertRows.of(columns.columns(), instrument) : null;
            // Plain rows of an instrument whose reports hold only its scales' scores are scored without a report.
            NumericRowScorer numeric = plain == null || csv == null || !observer.takesNumericRows() ? null
                    : instrument.numericRows(options, observer != NO_OBSERVER);
            double[] numbers = numeric == null ? null : new double[numeric.answerCount()];
            CsvRowReader.Row cells;
            while ((cells = reader.next(columns.size())) != null) {
                long row = counts.rows + 1;
                if (numeric != null && cells.problem() == null && plain.readNumbers(cells, numbers)
                        && numeric.score(numbers)) {
                    csv.scored(row, plain.respondent(), numeric);
                    observer.scored(numeric);
                    if (counts.addScored() % FLUSH_EVERY_ROWS == 0) {
                        writer.flush();
                    }
                    continue;
                }
                PlainLikertRows.Row answers = plain == null || cells.problem() != null ? null : plain.read(cells);
                RowResult result = cells.problem() != null ? RowResult.Refused.invalidRow(cells.problem())
                        : answers != null ? scorePlain(answers) : scoreCells(columns, cells.cells());
                String respondent = result instanceof RowResult.Refused ? columns.respondent(cells.cells()) : null;
                writer.write(row, respondent == null ? null : json.getNodeFactory().textNode(respondent), result);
                if (counts.add(result) % FLUSH_EVERY_ROWS == 0) {
                    writer.flush();
                }
            }
        }
        writer.finish();
        return counts.summary();
    }

    private BatchSummary scoreNdjson(Reader in, Results writer) throws IOException {
        BoundedLineReader reader = new BoundedLineReader(in, MAX_ROW_CHARS);
        Counts counts = new Counts();
        boolean first = true;
        BoundedLineReader.Line line;
        while ((line = reader.next()) != null) {
            String text = line.text();
            if (first && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            first = false;
            if (!line.tooLong() && text.isBlank()) {
                continue;
            }
            long row = counts.rows + 1;
            JsonNode responseSet = null;
            RowResult result;
            if (line.tooLong()) {
                result = RowResult.Refused.invalidRow("the line is longer than " + MAX_ROW_CHARS + " characters");
            } else {
                try {
                    responseSet = lineReader.readTree(text);
                    result = score(responseSet);
                } catch (JsonProcessingException e) {
                    result = RowResult.Refused.invalidRow("not valid JSON: " + e.getOriginalMessage());
                }
            }
            JsonNode respondent = responseSet != null && responseSet.hasNonNull(CsvResponseColumns.RESPONDENT)
                    ? responseSet.get(CsvResponseColumns.RESPONDENT) : null;
            writer.write(row, respondent, result);
            if (counts.add(result) % FLUSH_EVERY_ROWS == 0) {
                writer.flush();
            }
        }
        writer.finish();
        return counts.summary();
    }

    /** Where the results of the rows go, one row at a time, in one of the formats. */
    private interface Results {

        /** The result of {@code row}; {@code respondent} as the row gave it, for a refused row. */
        void write(long row, JsonNode respondent, RowResult result) throws IOException;

        void flush() throws IOException;

        /** After the last row. */
        void finish() throws IOException;
    }

    private Results results(Writer out, Format output) throws IOException {
        if (output == Format.NDJSON) {
            return new Results() {
                @Override
                public void write(long row, JsonNode respondent, RowResult result) throws IOException {
                    out.write(lineWriter.writeValueAsString(ndjsonLine(row, respondent, result)));
                    out.write('\n');
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public void finish() throws IOException {
                    out.flush();
                }
            };
        }
        return results(new CsvReportWriter(out, instrument.manifest(), json));
    }

    private static Results results(CsvReportWriter writer) {
        return new Results() {
            @Override
            public void write(long row, JsonNode respondent, RowResult result) throws IOException {
                switch (result) {
                    case RowResult.Scored scored -> writer.scored(row, scored.report());
                    case RowResult.Refused refused -> writer.refused(row, respondent == null ? null
                            : respondent.isValueNode() ? respondent.asText() : respondent.toString(), refused.oneLine());
                }
            }

            @Override
            public void flush() throws IOException {
                writer.flush();
            }

            @Override
            public void finish() throws IOException {
                writer.finish();
            }
        };
    }

    private RowResult scoreCells(CsvResponseColumns columns, List<String> cells) {
        try {
            return score(columns.responseSet(cells));
        } catch (InvalidRowException e) {
            return RowResult.Refused.invalidRow(e.getMessage());
        }
    }

    /** A row that {@link PlainLikertRows} read: surely valid, so scored without the response check. */
    private RowResult scorePlain(PlainLikertRows.Row row) {
        try {
            ScoreReport report = instrument.scoreAccepted(row.answersByIndex(), row.answers(), row.respondent(), options);
            observer.scored(row.answers(), row.respondent(), report);
            return new RowResult.Scored(report);
        } catch (InvalidResponseException e) {
            int count = e.problems().size();
            return new RowResult.Refused(ValidationCode.INVALID_RESPONSE.code(), "the response set does not fit "
                    + instrument.coordinates() + ": " + count + (count == 1 ? " problem" : " problems"), e.problems());
        } catch (ScoringException e) {
            return new RowResult.Refused(e.code(), e.getMessage(), List.of());
        }
    }

    private RowResult score(JsonNode responseSet) {
        try {
            ScoreReport report = instrument.score(responseSet, options);
            observer.scored(responseSet, report);
            return new RowResult.Scored(report);
        } catch (InvalidResponseException e) {
            int count = e.problems().size();
            return new RowResult.Refused(ValidationCode.INVALID_RESPONSE.code(), "the response set does not fit "
                    + instrument.coordinates() + ": " + count + (count == 1 ? " problem" : " problems"), e.problems());
        } catch (ScoringException e) {
            return new RowResult.Refused(e.code(), e.getMessage(), List.of());
        }
    }

    private ObjectNode ndjsonLine(long row, JsonNode respondent, RowResult result) {
        ObjectNode line = json.createObjectNode().put("row", row);
        switch (result) {
            case RowResult.Scored scored -> line.setAll((ObjectNode) json.valueToTree(scored.report()));
            case RowResult.Refused refused -> {
                if (respondent != null) {
                    line.set(CsvResponseColumns.RESPONDENT, respondent);
                }
                ObjectNode error = line.putObject("error");
                error.put("code", refused.code()).put("message", refused.message());
                error.set("problems", json.valueToTree(refused.problems()));
            }
        }
        return line;
    }

    /** Running totals; {@link #add} returns the number of rows so far. */
    private static final class Counts {
        private long rows;
        private long scored;
        private long refused;

        long add(RowResult result) {
            if (result instanceof RowResult.Scored) {
                scored++;
            } else {
                refused++;
            }
            return ++rows;
        }

        long addScored() {
            scored++;
            return ++rows;
        }

        BatchSummary summary() {
            return new BatchSummary(rows, scored, refused);
        }
    }
}

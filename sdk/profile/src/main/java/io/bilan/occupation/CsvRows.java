package io.bilan.occupation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CSV file of someone else's making (RFC 4180, UTF-8, a header row; quoted cells may hold commas and line
 * breaks) row by row, each cell found by its column name so that column order and extra columns do not matter.
 * Problems are collected, each as {@code file:line: message}, the line being where the row starts.
 */
final class CsvRows {

    /** After this many problems in one file the rest of it is not read: the file is clearly not the expected one. */
    private static final int MAX_PROBLEMS = 100;

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    /** Takes one row; an IllegalArgumentException becomes a problem at the row's line. */
    interface Handler {
        void accept(Map<String, String> row);
    }

    private CsvRows() {
    }

    /**
     * Reads {@code file}, giving {@code handler} every row as a map from column name to cell. A missing file, a header
     * without one of {@code columns}, a row with more cells than the header or badly quoted text is a problem.
     */
    static void read(Path file, List<String> columns, List<String> problems, Handler handler) throws IOException {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            problems.add(name + ": missing");
            return;
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            read(in, name, columns, problems, handler);
        }
    }

    /** As {@link #read(Path, List, List, Handler)}, from a reader; {@code name} names it in problems. */
    static void read(Reader in, String name, List<String> columns, List<String> problems, Handler handler)
            throws IOException {
        int before = problems.size();
        try (JsonParser parser = CSV.createParser(in)) {
            parser.nextToken(); // the array that wraps the whole file
            Row first = next(parser);
            if (first == null) {
                problems.add(name + ":1: the file is empty; expected a header row with " + columns);
                return;
            }
            List<String> header = new ArrayList<>(first.cells());
            header.set(0, header.get(0).replace("\uFEFF", ""));
            List<String> missing = columns.stream().filter(column -> !header.contains(column)).toList();
            if (!missing.isEmpty()) {
                problems.add(name + ":1: missing column" + (missing.size() == 1 ? " " : "s ") + missing + "; found "
                        + header);
                return;
            }
            Row next;
            while (problems.size() - before < MAX_PROBLEMS && (next = next(parser)) != null) {
                if (next.cells().size() > header.size()) {
                    problems.add(name + ":" + next.line() + ": " + next.cells().size() + " cells, the header has "
                            + header.size());
                    continue;
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), i < next.cells().size() ? next.cells().get(i).strip() : "");
                }
                try {
                    handler.accept(row);
                } catch (IllegalArgumentException e) {
                    problems.add(name + ":" + next.line() + ": " + e.getMessage());
                }
            }
        } catch (JsonProcessingException e) {
            problems.add(name + ":" + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
        }
    }

    /** A row's cells and the line of its first cell, where the row starts. */
    private record Row(int line, List<String> cells) {
    }

    /** The next row, or {@code null} at the end of the file. */
    private static Row next(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            return null;
        }
        int line = -1;
        List<String> cells = new ArrayList<>();
        while (parser.nextToken() == JsonToken.VALUE_STRING) {
            if (line < 0) {
                line = parser.currentTokenLocation().getLineNr();
            }
            cells.add(parser.getText());
        }
        return new Row(line, cells);
    }
}

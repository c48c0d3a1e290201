package io.bilan.runtime.batch;

import java.io.IOException;
import java.io.Reader;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * Reads RFC 4180 CSV one row at a time into one reused array of characters, holding at most one row of bounded size:
 * a plain cell is read as characters and becomes a {@code String} only when asked. A row that cannot be read (too
 * long, more cells than the header, bad quoting) comes back with a problem instead of failing the whole input, and
 * reading resumes at the next row.
 *
 * <p>It reads what Jackson's CSV parser read before it (without a schema, rows as arrays, empty lines skipped), with
 * the same quirks, so that every batch is accepted or refused as before: a field in double quotes may hold commas,
 * line ends and doubled quotes, and white space up to 0x20 between its closing quote and the next comma or line end
 * is dropped, while any other character there is an error; a quote inside an unquoted field is an ordinary
 * character; a line ends at CRLF, LF or a lone CR, and the last one may have no line end; spaces and line ends
 * before a row are skipped, so a row's first cell loses its leading spaces; a row of one blank cell is skipped too;
 * a byte order mark is an ordinary character, left for the header's reader to drop. After an error, reading goes on
 * at the character that follows it, as a new cell. {@code CsvRowReaderTest} compares both readers on generated
 * input. One difference, on purpose: a cell longer than the row's limit is refused as the row being too long, and
 * the rest of that cell is skipped as a cell, where Jackson stopped inside the cell and read its remainder as cells
 * and rows of their own.
 */
final class CsvRowReader {

    /**
     * A row's cells, or why the row cannot be used ({@code problem} non-null, the cells read before it). Its
     * characters live in the reader's array: a row is valid until the next call to {@link #next}.
     */
    static final class Row {
        private final char[] text;
        /** Cell {@code i} spans {@code text[start(i)..ends[i])}. */
        private final int[] ends;
        private final int size;
        private final String problem;
        private List<String> cells;

        private Row(char[] text, int[] ends, int size, String problem) {
            this.text = text;
            this.ends = ends;
            this.size = size;
            this.problem = problem;
        }

        /** Why the row cannot be used, or {@code null}. */
        String problem() {
            return problem;
        }

        /** How many cells the row holds. */
        int size() {
            return size;
        }

        /** The characters of the row's cells, one after the other. */
        char[] text() {
            return text;
        }

        /** Where cell {@code i} starts in {@link #text()}. */
        int start(int i) {
            return i == 0 ? 0 : ends[i - 1];
        }

        /** Where cell {@code i} ends in {@link #text()}, exclusive. */
        int end(int i) {
            return ends[i];
        }

        /** Cell {@code i} as a string. */
        String cell(int i) {
            return new String(text, start(i), end(i) - start(i));
        }

        /** The cells as strings, made once when first asked. */
        List<String> cells() {
            if (cells == null) {
                String[] strings = new String[size];
                for (int i = 0; i < size; i++) {
                    strings[i] = cell(i);
                }
                cells = new Cells(strings);
            }
            return cells;
        }

        private boolean isBlank() {
            return size == 0 || size == 1 && cell(0).isBlank();
        }
    }

    /** A read-only list over an array, as {@code List.of} would be, without copying it. */
    private static final class Cells extends AbstractList<String> implements RandomAccess {
        private final String[] strings;

        Cells(String[] strings) {
            this.strings = strings;
        }

        @Override
        public String get(int index) {
            return strings[index];
        }

        @Override
        public int size() {
            return strings.length;
        }
    }

    // A corrupt input can make every cell fail; after this many failures in a row the input is abandoned.
    private static final int MAX_CONSECUTIVE_FAILURES = 100;
    private static final char SEPARATOR = ',';
    private static final char QUOTE = '"';
    /** What {@link #readCell} returns besides a cell. */
    private static final int CELL = 0;
    private static final int END_OF_ROW = 1;
    private static final int FAILED = 2;
    /** {@link #pendingLineEnd} once the input is exhausted. */
    private static final int EXHAUSTED = 1;
    /** The largest array of characters kept from one row to the next. */
    private static final int MAX_KEPT_CHARS = 1 << 16;

    private final Reader in;
    private final int maxRowChars;
    private final char[] buffer = new char[16384];
    private int position;
    private int limit;
    private boolean exhausted;
    /** The {@code '\r'} or {@code '\n'} that ended the last cell and its row, not yet passed; or EXHAUSTED; or 0. */
    private int pendingLineEnd;
    private boolean started;
    private boolean moreRows;
    private boolean ended;

    /** The characters of the row being read, cell after cell, at most {@code maxRowChars} of them. */
    private char[] text = new char[256];
    private int length;
    private int[] ends = new int[32];
    private int size;
    /** The row's characters went past {@code maxRowChars} in the cell being read. */
    private boolean overflow;
    /** The characters of the cell being read, kept or not. */
    private long cellLength;
    /** Why the last cell failed. */
    private String failure;

    CsvRowReader(Reader in, int maxRowChars) {
        this.in = in;
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
            if (row == null || row.problem() != null || !row.isBlank()) {
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
            moreRows = skipBlankLines();
        }
        if (!moreRows) {
            ended = true;
            return null;
        }
        // The previous row has been used, so its array is reused; one grown by a huge row is let go.
        if (text.length > MAX_KEPT_CHARS) {
            text = new char[256];
        }
        length = 0;
        size = 0;
        if (readWholeRow(maxCells)) {
            return row(null);
        }
        while (true) {
            overflow = false;
            cellLength = 0;
            int result = readCell();
            if (result == FAILED) {
                return skipRestOfRow(failure);
            }
            if (result == END_OF_ROW) {
                moreRows = startNewLine();
                return row(null);
            }
            if (overflow) {
                return skipRestOfRow("the row is longer than " + maxRowChars + " characters");
            }
            if (size == maxCells) {
                return skipRestOfRow("the row has more cells than the header's " + maxCells + " columns");
            }
            if (size == ends.length) {
                ends = Arrays.copyOf(ends, size * 2);
            }
            ends[size++] = length;
        }
    }

    /**
     * Reads the common row at once: one that lies whole in the buffer up to its LF, holds neither a quote nor a CR, and
     * keeps within the limits; it is then its comma-separated pieces, as cell after cell would read it. Leaves any
     * other row to {@link #readCell}, reading nothing. Whether it read the row.
     */
    private boolean readWholeRow(int maxCells) throws IOException {
        int from = position;
        int end = from;
        int cells = 1;
        while (true) {
            if (end == limit) {
                return false;
            }
            char c = buffer[end];
            if (c == '\n') {
                break;
            }
            if (c == QUOTE || c == '\r') {
                return false;
            }
            if (c == SEPARATOR) {
                cells++;
            }
            end++;
        }
        int chars = end - from - (cells - 1);
        if (cells > maxCells || chars > maxRowChars) {
            return false;
        }
        if (text.length < chars) {
            text = new char[Math.max(chars, 2 * text.length)];
        }
        if (ends.length < cells) {
            ends = Arrays.copyOf(ends, Math.max(cells, 2 * ends.length));
        }
        char[] row = text;
        int[] cellEnds = ends;
        int n = 0;
        int at = 0;
        for (int i = from; i < end; i++) {
            char c = buffer[i];
            if (c == SEPARATOR) {
                cellEnds[n++] = at;
            } else {
                row[at++] = c;
            }
        }
        cellEnds[n++] = at;
        length = at;
        size = n;
        position = end + 1;
        pendingLineEnd = 0;
        moreRows = skipBlankLines();
        return true;
    }

    /** Reads and drops cells up to the end of the current row. */
    private Row skipRestOfRow(String problem) throws IOException {
        int failures = 0;
        while (true) {
            // The cell that failed, or the last one skipped, is dropped.
            length = size == 0 ? 0 : ends[size - 1];
            cellLength = 0;
            int result = readCell();
            if (result == FAILED) {
                if (++failures >= MAX_CONSECUTIVE_FAILURES) {
                    ended = true;
                    return row(problem + "; the rest of the input cannot be read");
                }
                continue;
            }
            failures = 0;
            if (result == END_OF_ROW) {
                moreRows = startNewLine();
                return row(problem);
            }
        }
    }

    private Row row(String problem) {
        return new Row(text, ends, size, problem);
    }

    /**
     * Reads the next cell of the row into {@link #text}: CELL, END_OF_ROW when the row has no more cells, or FAILED
     * with {@link #failure} set.
     */
    private int readCell() throws IOException {
        if (pendingLineEnd != 0) {
            if (!exhausted) {
                passLineEnd();
            }
            return END_OF_ROW;
        }
        if (position == limit && !fill()) {
            // After a separator at the very end: one more empty cell.
            return CELL;
        }
        char first = buffer[position++];
        if (first == '\r' || first == '\n') {
            pendingLineEnd = first;
            return CELL;
        }
        if (first == QUOTE) {
            return readQuoted();
        }
        if (first == SEPARATOR) {
            return CELL;
        }
        append(first);
        while (true) {
            if (position == limit && !fill()) {
                return CELL;
            }
            int start = position;
            while (position < limit) {
                char c = buffer[position];
                if (c <= SEPARATOR && (c == SEPARATOR || c == '\r' || c == '\n')) {
                    append(start, position);
                    position++;
                    if (c != SEPARATOR) {
                        pendingLineEnd = c;
                    }
                    return CELL;
                }
                position++;
            }
            append(start, position);
        }
    }

    /** A cell after its opening quote, up to and past its closing quote and the separator or line end after it. */
    private int readQuoted() throws IOException {
        while (true) {
            if (position == limit && !fill()) {
                failure = "not valid CSV: Missing closing quote for value";
                return FAILED;
            }
            int start = position;
            while (position < limit && buffer[position] != QUOTE) {
                position++;
            }
            append(start, position);
            if (position < limit) {
                position++;
                if ((position < limit || fill()) && buffer[position] == QUOTE) {
                    append(QUOTE);
                    position++;
                    continue;
                }
                break;
            }
        }
        if (cellLength > maxRowChars) {
            // Jackson's parser refused such a cell before looking past its closing quote, and went on from there.
            return CELL;
        }
        while (position < limit || fill()) {
            char c = buffer[position++];
            if (c == SEPARATOR) {
                break;
            }
            if (c <= ' ') {
                if (c == '\r' || c == '\n') {
                    pendingLineEnd = c;
                    break;
                }
                continue;
            }
            failure = "not valid CSV: Unexpected character (" + describe(c)
                    + "): Expected column separator character (',' (code 44)) or end-of-line";
            return FAILED;
        }
        return CELL;
    }

    /** Passes the pending line end, and the LF of a CRLF. */
    private void passLineEnd() throws IOException {
        if (pendingLineEnd == '\r' && (position < limit || fill()) && buffer[position] == '\n') {
            position++;
        }
        pendingLineEnd = 0;
    }

    /** After a row: whether another one follows. */
    private boolean startNewLine() throws IOException {
        if (pendingLineEnd != 0) {
            if (exhausted) {
                return false;
            }
            passLineEnd();
        }
        return skipBlankLines();
    }

    /** Skips spaces and line ends; whether anything else follows. */
    private boolean skipBlankLines() throws IOException {
        while (position < limit || fill()) {
            char c = buffer[position];
            if (c == '\r' || c == '\n') {
                position++;
                pendingLineEnd = c;
                passLineEnd();
            } else if (c == ' ') {
                position++;
            } else {
                return true;
            }
        }
        return false;
    }

    /** Reads more input into the buffer, which must have been used up; false at the end of the input. */
    private boolean fill() throws IOException {
        if (exhausted) {
            return false;
        }
        int count = in.read(buffer, 0, buffer.length);
        position = 0;
        if (count > 0) {
            limit = count;
            return true;
        }
        limit = 0;
        exhausted = true;
        pendingLineEnd = EXHAUSTED;
        return false;
    }

    private void append(char c) {
        cellLength++;
        if (length == maxRowChars) {
            overflow = true;
            return;
        }
        if (length == text.length) {
            text = Arrays.copyOf(text, (int) Math.min(maxRowChars, 2L * length));
        }
        text[length++] = c;
    }

    /** Appends {@code buffer[from..to)}, up to the row's limit. */
    private void append(int from, int to) {
        int count = to - from;
        if (count == 0) {
            return;
        }
        cellLength += count;
        if (count > maxRowChars - length) {
            count = maxRowChars - length;
            overflow = true;
        }
        if (length + count > text.length) {
            text = Arrays.copyOf(text, (int) Math.min(maxRowChars, Math.max(2L * text.length, length + count)));
        }
        System.arraycopy(buffer, from, text, length, count);
        length += count;
    }

    /** A character as Jackson's parser names it in its errors. */
    private static String describe(char c) {
        if (Character.isISOControl(c)) {
            return "(CTRL-CHAR, code " + (int) c + ")";
        }
        if (c > 255) {
            return "'" + c + "' (code " + (int) c + " / 0x" + Integer.toHexString(c) + ")";
        }
        return "'" + c + "' (code " + (int) c + ")";
    }
}

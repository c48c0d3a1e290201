package io.bilan.runtime.batch;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Writes CSV lines (RFC 4180, CRLF) that a spreadsheet opens without running anything. A cell that starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab, a carriage return or a line feed would be read by Excel,
 * LibreOffice or Google Sheets as a formula (CSV injection); unless it is a plain number such as {@code -1.5},
 * it is written with a single quote before it, inside double quotes, as OWASP recommends: {@code =SUM(A1)}
 * becomes {@code "'=SUM(A1)"}. Other cells are quoted only when RFC 4180 requires it (a comma, a double quote
 * or a line break in them), so numbers stay numbers for R and pandas. Every CSV Bilan writes goes through it: batch
 * results here, the engine's satisfaction export.
 */
public final class CsvLineWriter {

    // Optional sign, digits with an optional fraction (or a fraction alone), optional exponent: what
    // Long.toString and Double.toString write, and what read.csv and pandas read as numbers.
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    /**
     * The digits of figures written lately, by their bits, one per slot: a batch's scores take few distinct values
     * (the means of a few integer ratings), and finding a double's shortest digits costs more than copying them.
     */
    private static final int WRITTEN_BITS = 9;
    // A line's array grown past this length by a long line (an error quoting a long row) is let go after it.
    private static final int MAX_KEPT_CHARS = 1 << 16;

    private final Writer out;
    private long[] writtenBits;
    private char[][] writtenDigits;
    /** The current line, {@code line[0..length)}. */
    private char[] line = new char[256];
    private int length;
    private boolean lineStarted;

    public CsvLineWriter(Writer out) {
        this.out = out;
    }

    /** Writes one line of cells; {@code null} is an empty cell. */
    public void write(String... cells) throws IOException {
        for (String cell : cells) {
            text(cell);
        }
        endLine();
    }

    public void flush() throws IOException {
        out.flush();
    }

    /** Adds a text cell to the current line: neutralised if it starts like a formula, quoted if needed. */
    void text(String value) {
        separate();
        if (value == null || value.isEmpty()) {
            return;
        }
        boolean formula = startsLikeAFormula(value);
        if (!formula && !needsQuotes(value)) {
            append(value);
            return;
        }
        room(2 * value.length() + 3);
        line[length++] = '"';
        if (formula) {
            line[length++] = '\'';
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                line[length++] = '"';
            }
            line[length++] = c;
        }
        line[length++] = '"';
    }

    /**
     * Adds a number cell to the current line, as {@link CsvReportWriter#number} writes it but straight into the
     * line: a number never starts like a formula nor needs quotes, so it skips both checks.
     */
    void number(Double value) {
        if (value == null) {
            separate();
            return;
        }
        number(value.doubleValue());
    }

    /** {@link #number(Double)} of a double that is there. */
    void number(double value) {
        separate();
        if (!Double.isFinite(value)) {
            return;
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            append((long) value);
            return;
        }
        // Double.toString's digits; a figure already written is copied.
        if (writtenBits == null) {
            writtenBits = new long[1 << WRITTEN_BITS];
            writtenDigits = new char[1 << WRITTEN_BITS][];
        }
        long bits = Double.doubleToRawLongBits(value);
        int slot = (int) ((bits * 0x9E3779B97F4A7C15L) >>> (64 - WRITTEN_BITS));
        char[] digits = writtenDigits[slot];
        if (digits == null || writtenBits[slot] != bits) {
            digits = Double.toString(value).toCharArray();
            writtenBits[slot] = bits;
            writtenDigits[slot] = digits;
        }
        room(digits.length);
        System.arraycopy(digits, 0, line, length, digits.length);
        length += digits.length;
    }

    /** Adds an integer cell to the current line; {@code null} is an empty cell. */
    void integer(Integer value) {
        separate();
        if (value != null) {
            append(value.intValue());
        }
    }

    /** Adds an integer cell to the current line. */
    void integer(long value) {
        separate();
        append(value);
    }

    /** Adds {@code count} empty cells to the current line. */
    void empty(int count) {
        for (int i = 0; i < count; i++) {
            separate();
        }
    }

    /** Ends the current line and writes it out. */
    void endLine() throws IOException {
        room(2);
        line[length++] = '\r';
        line[length++] = '\n';
        out.write(line, 0, length);
        if (line.length > MAX_KEPT_CHARS) {
            line = new char[256];
        }
        length = 0;
        lineStarted = false;
    }

    private void separate() {
        if (lineStarted) {
            room(1);
            line[length++] = ',';
        }
        lineStarted = true;
    }

    private void append(String text) {
        room(text.length());
        text.getChars(0, text.length(), line, length);
        length += text.length();
    }

    /** The decimal digits of {@code value}, as {@code Long.toString} writes them. */
    private void append(long value) {
        if (value == Long.MIN_VALUE) {
            append(Long.toString(value));
            return;
        }
        room(20);
        if (value >= 0 && value < 10) {
            line[length++] = (char) ('0' + value);
            return;
        }
        if (value < 0) {
            line[length++] = '-';
            value = -value;
        }
        // The digits from the last, at the end of the room made, then moved into place.
        int at = length + 19;
        int end = at;
        do {
            line[--at] = (char) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        System.arraycopy(line, at, line, length, end - at);
        length += end - at;
    }

    /** Makes room for {@code count} more characters in the line. */
    private void room(int count) {
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.max(length + count, 2 * line.length));
        }
    }

    /** Whether a spreadsheet could take the cell for a formula: see the class comment. */
    static boolean startsLikeAFormula(String cell) {
        if (cell.isEmpty()) {
            return false;
        }
        return switch (cell.charAt(0)) {
            case '=', '@', '\t', '\r', '\n' -> true;
            case '+', '-' -> !PLAIN_NUMBER.matcher(cell).matches();
            default -> false;
        };
    }

    /** The cell as written: neutralised if it starts like a formula, quoted if needed. */
    static String cell(String value) {
        CsvLineWriter writer = new CsvLineWriter(Writer.nullWriter());
        writer.text(value);
        return new String(writer.line, 0, writer.length);
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}

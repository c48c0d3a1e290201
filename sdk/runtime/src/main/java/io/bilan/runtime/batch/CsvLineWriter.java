package io.bilan.runtime.batch;

import java.io.IOException;
import java.io.Writer;
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

    // Lines up to this length go out through one reused array; a longer one (an error quoting a long row) is copied.
    private static final int MAX_REUSED_CHARS = 1 << 16;

    private final Writer out;
    private final StringBuilder line = new StringBuilder();
    private char[] chars = new char[256];
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
        appendCell(line, value);
    }

    /**
     * Adds a number cell to the current line, as {@link CsvReportWriter#number} writes it but straight into the
     * line: a number never starts like a formula nor needs quotes, so it skips both checks.
     */
    void number(Double value) {
        separate();
        if (value == null) {
            return;
        }
        double v = value;
        if (!Double.isFinite(v)) {
            return;
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            line.append((long) v);
        } else {
            // The same digits as Double.toString, without the intermediate String.
            line.append(v);
        }
    }

    /** Adds an integer cell to the current line; {@code null} is an empty cell. */
    void integer(Integer value) {
        separate();
        if (value != null) {
            line.append(value.intValue());
        }
    }

    /** Adds an integer cell to the current line. */
    void integer(long value) {
        separate();
        line.append(value);
    }

    /** Adds {@code count} empty cells to the current line. */
    void empty(int count) {
        for (int i = 0; i < count; i++) {
            separate();
        }
    }

    /** Ends the current line and writes it out. */
    void endLine() throws IOException {
        line.append("\r\n");
        int length = line.length();
        if (length > MAX_REUSED_CHARS) {
            out.write(line.toString());
        } else {
            if (chars.length < length) {
                chars = new char[Math.max(length, chars.length * 2)];
            }
            line.getChars(0, length, chars, 0);
            out.write(chars, 0, length);
        }
        line.setLength(0);
        lineStarted = false;
    }

    private void separate() {
        if (lineStarted) {
            line.append(',');
        }
        lineStarted = true;
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
        StringBuilder text = new StringBuilder();
        appendCell(text, value);
        return text.toString();
    }

    private static void appendCell(StringBuilder line, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        boolean formula = startsLikeAFormula(value);
        if (!formula && !needsQuotes(value)) {
            line.append(value);
            return;
        }
        line.append('"');
        if (formula) {
            line.append('\'');
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
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

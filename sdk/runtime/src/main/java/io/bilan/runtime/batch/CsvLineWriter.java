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

    private final Writer out;
    private final StringBuilder line = new StringBuilder();

    public CsvLineWriter(Writer out) {
        this.out = out;
    }

    /** Writes one line of cells; {@code null} is an empty cell. */
    public void write(String... cells) throws IOException {
        line.setLength(0);
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            appendCell(line, cells[i]);
        }
        line.append("\r\n");
        out.write(line.toString());
    }

    public void flush() throws IOException {
        out.flush();
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

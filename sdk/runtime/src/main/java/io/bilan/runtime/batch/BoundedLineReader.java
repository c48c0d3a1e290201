package io.bilan.runtime.batch;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines ({@code \n} or {@code \r\n}) holding at most {@code maxChars} characters each. The rest of a
 * longer line is read and dropped, never held, so one giant line cannot exhaust memory.
 */
final class BoundedLineReader {

    /** A line; when {@code tooLong}, {@code text} is empty and the line was dropped. */
    record Line(String text, boolean tooLong) {
    }

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[8192];
    private final StringBuilder line = new StringBuilder();
    private int position;
    private int limit;

    BoundedLineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line, or {@code null} at the end of the input. */
    Line next() throws IOException {
        line.setLength(0);
        boolean tooLong = false;
        boolean readAnything = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return readAnything ? finish(tooLong) : null;
                }
            }
            readAnything = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int length = position - start;
            if (!tooLong && line.length() + length > maxChars + 1) {
                // One extra character is allowed for the '\r' of a CRLF line end.
                tooLong = true;
                line.setLength(0);
            }
            if (!tooLong) {
                line.append(buffer, start, length);
            }
            if (position < limit) {
                position++;
                return finish(tooLong);
            }
        }
    }

    private Line finish(boolean tooLong) {
        if (!tooLong && !line.isEmpty() && line.charAt(line.length() - 1) == '\r') {
            line.setLength(line.length() - 1);
        }
        if (!tooLong && line.length() > maxChars) {
            tooLong = true;
        }
        if (tooLong) {
            line.setLength(0);
            return new Line("", true);
        }
        return new Line(line.toString(), false);
    }
}

package io.bilan.runtime.batch;

import java.io.Writer;

/** Output that is counted and dropped: the number of lines, the longest line and the last line are kept. */
final class LineCountingWriter extends Writer {

    private final StringBuilder line = new StringBuilder();
    private long lines;
    private int longest;
    private String last = "";
    private long flushes;

    @Override
    public void write(char[] buffer, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (buffer[i] == '\n') {
                lines++;
                longest = Math.max(longest, line.length());
                last = line.toString();
                line.setLength(0);
            } else if (line.length() < 100_000) {
                line.append(buffer[i]);
            }
        }
    }

    @Override
    public void flush() {
        flushes++;
    }

    @Override
    public void close() {
    }

    long lines() {
        return lines;
    }

    int longest() {
        return longest;
    }

    /** The last complete line, without its line break. */
    String last() {
        return last;
    }

    long flushes() {
        return flushes;
    }
}

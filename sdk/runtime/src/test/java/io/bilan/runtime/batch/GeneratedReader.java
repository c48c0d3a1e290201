package io.bilan.runtime.batch;

import java.io.Reader;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.LongFunction;

/** Input made up on the fly, piece by piece, so huge inputs never exist in memory as a whole. */
final class GeneratedReader extends Reader {

    private final Iterator<String> pieces;
    private String piece = "";
    private int position;

    GeneratedReader(Iterator<String> pieces) {
        this.pieces = pieces;
    }

    /** {@code before}, then {@code count} times {@code repeated}, then {@code after}. */
    GeneratedReader(String before, char repeated, long count, String after) {
        this(new Iterator<>() {
            private final String block = String.valueOf(repeated).repeat(8192);
            private long left = count;
            private int stage;

            @Override
            public boolean hasNext() {
                return stage < 2;
            }

            @Override
            public String next() {
                if (stage == 0) {
                    stage = 1;
                    return before;
                }
                if (stage == 1 && left > 0) {
                    int length = (int) Math.min(block.length(), left);
                    left -= length;
                    return block.substring(0, length);
                }
                if (stage == 1) {
                    stage = 2;
                    return after;
                }
                throw new NoSuchElementException();
            }
        });
    }

    /** {@code header} (none when empty), then rows 1 to {@code count} made by {@code row}, one per line. */
    static GeneratedReader rows(String header, long count, LongFunction<String> row) {
        return new GeneratedReader(new Iterator<>() {
            private long next;

            @Override
            public boolean hasNext() {
                return next <= count;
            }

            @Override
            public String next() {
                if (next > count) {
                    throw new NoSuchElementException();
                }
                long index = next++;
                if (index == 0) {
                    return header.isEmpty() ? "" : header + "\n";
                }
                return row.apply(index) + "\n";
            }
        });
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
        while (position == piece.length()) {
            if (!pieces.hasNext()) {
                return -1;
            }
            piece = pieces.next();
            position = 0;
        }
        int count = Math.min(length, piece.length() - position);
        piece.getChars(position, position + count, buffer, offset);
        position += count;
        return count;
    }

    @Override
    public void close() {
    }
}

package io.bilan.engine.scoring;

import java.io.IOException;
import java.io.Writer;
import java.util.function.LongSupplier;

/**
 * The results of a batch on their way to the client. The scorer flushes every hundred rows so that results stream;
 * over HTTP each flush is a chunk of a few kilobytes handed from the worker thread to the event loop, which cost
 * about a tenth of a fast batch. Here a flush goes through only when the last one is {@link #FLUSH_INTERVAL_NANOS}
 * old, so a fast batch is sent in large chunks and a slow one (a script per row) still shows its rows within that
 * interval; a full buffer is written whenever it fills, and {@link #flushNow} sends what is left.
 */
final class BatchOutput extends Writer {

    /** Characters kept before they are written on, whether or not a flush was asked for. */
    static final int BUFFER_CHARS = 1 << 16;
    /** The least time between two flushes that reach the client. */
    static final long FLUSH_INTERVAL_NANOS = 50_000_000L;

    private final Writer out;
    private final char[] buffer = new char[BUFFER_CHARS];
    private final LongSupplier nanoTime;
    private int count;
    private long lastFlush;

    BatchOutput(Writer out, LongSupplier nanoTime) {
        this.out = out;
        this.nanoTime = nanoTime;
        this.lastFlush = nanoTime.getAsLong();
    }

    @Override
    public void write(int c) throws IOException {
        if (count == buffer.length) {
            drain();
        }
        buffer[count++] = (char) c;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        while (length > 0) {
            if (count == buffer.length) {
                drain();
            }
            int n = Math.min(length, buffer.length - count);
            System.arraycopy(chars, offset, buffer, count, n);
            count += n;
            offset += n;
            length -= n;
        }
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        while (length > 0) {
            if (count == buffer.length) {
                drain();
            }
            int n = Math.min(length, buffer.length - count);
            text.getChars(offset, offset + n, buffer, count);
            count += n;
            offset += n;
            length -= n;
        }
    }

    /** Passed on only when the last flush that was is at least {@link #FLUSH_INTERVAL_NANOS} old. */
    @Override
    public void flush() throws IOException {
        long now = nanoTime.getAsLong();
        if (now - lastFlush >= FLUSH_INTERVAL_NANOS) {
            flushNow(now);
        }
    }

    /** Writes and flushes everything now: after the last row. */
    void flushNow() throws IOException {
        flushNow(nanoTime.getAsLong());
    }

    private void flushNow(long now) throws IOException {
        drain();
        out.flush();
        lastFlush = now;
    }

    private void drain() throws IOException {
        if (count > 0) {
            out.write(buffer, 0, count);
            count = 0;
        }
    }

    @Override
    public void close() throws IOException {
        flushNow();
        out.close();
    }
}

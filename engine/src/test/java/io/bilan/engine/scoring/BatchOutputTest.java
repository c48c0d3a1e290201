package io.bilan.engine.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A batch's results reach the client in large chunks, yet never wait longer than the flush interval once asked. */
class BatchOutputTest {

    private static final long MILLISECOND = 1_000_000L;

    /** Remembers what it held at each flush that reached it. */
    private static final class Client extends StringWriter {
        final List<String> flushed = new ArrayList<>();

        @Override
        public void flush() {
            flushed.add(toString());
        }
    }

    private final AtomicLong now = new AtomicLong(7_000 * MILLISECOND);
    private final Client client = new Client();
    private final BatchOutput output = new BatchOutput(client, now::get);

    @Test
    void aFlushWithinTheIntervalWaitsForTheNextOne() throws IOException {
        output.write("row 1\r\n");
        now.addAndGet(49 * MILLISECOND);
        output.flush();
        assertEquals(List.of(), client.flushed);
        assertEquals("", client.toString());
        now.addAndGet(MILLISECOND);
        output.write("row 2\r\n");
        output.flush();
        assertEquals(List.of("row 1\r\nrow 2\r\n"), client.flushed);
        // The interval starts again from the flush that went through: 50 ms later, not 1 ms.
        output.write("row 3\r\n");
        now.addAndGet(MILLISECOND);
        output.flush();
        assertEquals(1, client.flushed.size());
        now.addAndGet(49 * MILLISECOND);
        output.flush();
        assertEquals(List.of("row 1\r\nrow 2\r\n", "row 1\r\nrow 2\r\nrow 3\r\n"), client.flushed);
    }

    @Test
    void theLastRowsAreSentWhenTheBatchEnds() throws IOException {
        output.write("row,respondent\r\n");
        output.write('1');
        output.write(",p1\r\n".toCharArray(), 0, 5);
        output.flushNow();
        assertEquals(List.of("row,respondent\r\n1,p1\r\n"), client.flushed);
    }

    @Test
    void aFullBufferIsWrittenOnWithoutAFlush() throws IOException {
        // 100,000 characters in rows of 10: the buffer of 65,536 fills once, and its content goes on whole.
        String row = "123456789\n";
        for (int i = 0; i < 10_000; i++) {
            output.write(row);
        }
        assertEquals(BatchOutput.BUFFER_CHARS, client.toString().length());
        assertEquals(List.of(), client.flushed);
        output.flushNow();
        assertEquals(100_000, client.toString().length());
        assertEquals(row.repeat(10_000), client.toString());
    }
}

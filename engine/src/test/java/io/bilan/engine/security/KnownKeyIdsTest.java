package io.bilan.engine.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The ids of existing keys: made-up ids cost at most one read per interval, new keys are found within it. */
class KnownKeyIdsTest {

    private static final long MILLI = 1_000_000L;

    private final AtomicLong nanos = new AtomicLong(5_000 * MILLI);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochSecond(1_800_000_000L).plusNanos(nanos.get());
        }
    };
    private final Map<String, OffsetDateTime> database = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final KnownKeyIds known = new KnownKeyIds(new KnownKeyIds.Source() {
        @Override
        public Collection<String> all() {
            reads.incrementAndGet();
            return List.copyOf(database.keySet());
        }

        @Override
        public Collection<String> createdSince(OffsetDateTime since) {
            reads.incrementAndGet();
            List<String> ids = new ArrayList<>();
            database.forEach((id, created) -> {
                if (!created.isBefore(since)) {
                    ids.add(id);
                }
            });
            return ids;
        }
    }, Duration.ofSeconds(1), nanos::get, clock);

    /** What a check does with an id: refused at once, or a look at the database when one is due. */
    private boolean present(String id) {
        if (!known.contains(id)) {
            if (!known.lookDue()) {
                return false;
            }
            known.lookIfDue();
        }
        return known.contains(id);
    }

    private OffsetDateTime wallNow() {
        return OffsetDateTime.now(clock);
    }

    @Test
    void aFloodOfMadeUpIdsCostsOneReadPerIntervalAndHoldsNothing() {
        database.put("aaaaaaaaaaaaaaaa", wallNow());
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int presented = 100_000;
        for (int i = 0; i < presented; i++) {
            assertFalse(present(Long.toString(random.nextLong() >>> 1, 32)));
            nanos.addAndGet(MILLI / 10); // 10,000 made-up keys a second, for 10 s
        }
        // 10 s at one look per second at most: the first look, then one per elapsed second.
        assertTrue(reads.get() <= 11, reads.get() + " reads");
        assertEquals(1, known.size(), "only the id that exists is held");
    }

    @Test
    void aKeyCreatedElsewhereIsFoundWithinTheInterval() {
        assertFalse(present("bbbbbbbbbbbbbbbb")); // a look now
        database.put("cccccccccccccccc", wallNow());
        nanos.addAndGet(400 * MILLI);
        assertFalse(present("cccccccccccccccc"), "the last look was 400 ms ago: not yet");
        nanos.addAndGet(600 * MILLI);
        assertTrue(present("cccccccccccccccc"), "a second after the last look, the key is looked up");
    }

    @Test
    void aKeyWhoseCreationTimeLagsTheLookIsStillFound() {
        assertFalse(present("bbbbbbbbbbbbbbbb"));
        // Created a minute ago by the clock of the instance that made it, committed only now.
        database.put("dddddddddddddddd", wallNow().minusMinutes(1));
        nanos.addAndGet(1_000 * MILLI);
        assertTrue(present("dddddddddddddddd"));
    }

    @Test
    void aKeyDeletedElsewhereLeavesAtTheNextFullRead() {
        database.put("eeeeeeeeeeeeeeee", wallNow());
        assertTrue(present("eeeeeeeeeeeeeeee"));
        database.remove("eeeeeeeeeeeeeeee");
        nanos.addAndGet(KnownKeyIds.FULL_READ_EVERY.toNanos());
        present("ffffffffffffffff");
        assertFalse(known.contains("eeeeeeeeeeeeeeee"));
    }
}

package io.bilan.engine.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The memory of checked keys: bounded in number and in time, and never brought back by a read older than a revocation. */
class CheckedKeysTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(1_000 * SECOND);
    private final CheckedKeys<String> keys = new CheckedKeys<>(30 * SECOND, 100, now::get);

    @Test
    void neverHoldsMoreThanItsSize() {
        for (int i = 0; i < 10_000; i++) {
            keys.store("key" + i, "holder", keys.ticket());
            assertTrue(keys.size() <= 100, "size " + keys.size() + " after " + (i + 1));
        }
        assertEquals(100, keys.size());
    }

    @Test
    void forgetsWhatIsOlderThanItsTimeToLive() {
        keys.store("a", "holder", keys.ticket());
        now.addAndGet(30 * SECOND);
        assertNotNull(keys.fresh("a"), "still fresh at exactly 30 s");
        now.addAndGet(1);
        assertNull(keys.fresh("a"));
        keys.store("b", "holder", keys.ticket());
        assertEquals(1, keys.size(), "the stale entry is swept, not only ignored");
    }

    @Test
    void aReadBegunBeforeARevocationCannotStoreWhatItSaw() {
        keys.store("a", "valid", keys.ticket());
        long before = keys.ticket(); // a check reads the key, not yet revoked...
        keys.forget("a"); // ...the revocation commits and drops it...
        keys.store("a", "valid", before); // ...then the check stores what it read
        assertNull(keys.fresh("a"));
        long after = keys.ticket();
        keys.store("a", null, after); // a read begun after the commit finds the key revoked, and is kept
        assertNotNull(keys.fresh("a"));
        assertNull(keys.fresh("a").value());
    }

    @Test
    void aLaterReadIsNotOverwrittenByAnEarlierOne() {
        long first = keys.ticket();
        long second = keys.ticket();
        keys.store("a", "second", second);
        keys.store("a", "first", first);
        assertEquals("second", keys.fresh("a").value());
    }
}

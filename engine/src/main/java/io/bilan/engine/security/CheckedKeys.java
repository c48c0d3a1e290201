package io.bilan.engine.security;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Keys read from the database recently, bounded in number and in time. Reads are lock-free, so the usual check of
 * a key stays a map lookup on the thread of the request.
 *
 * <p>Every read of the database takes a ticket before it starts. A revocation, once committed, raises a floor above
 * every ticket taken so far and drops the key: a read that began before the commit saw the key not yet revoked, and
 * its ticket is under the floor, so it can no longer store what it saw. Without the floor such a read, finishing
 * just after the key was dropped, would put it back for a whole time to live.
 */
final class CheckedKeys<V> {

    /** What a read of the database found ({@code null}: no usable key), when, and its ticket. */
    record Entry<V>(V value, long checkedAt, long ticket) {
    }

    private final ConcurrentHashMap<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong tickets = new AtomicLong();
    private final AtomicLong floor = new AtomicLong();
    private final AtomicLong lastSweep;
    private final long ttlNanos;
    private final int maxSize;
    private final LongSupplier nanoTime;

    CheckedKeys(long ttlNanos, int maxSize, LongSupplier nanoTime) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("bilan.auth.key-cache-size must be at least 1, not " + maxSize);
        }
        this.ttlNanos = ttlNanos;
        this.maxSize = maxSize;
        this.nanoTime = nanoTime;
        this.lastSweep = new AtomicLong(nanoTime.getAsLong());
    }

    /** The entry of {@code id} if it was read within the time to live. */
    Entry<V> fresh(String id) {
        Entry<V> entry = entries.get(id);
        return entry != null && nanoTime.getAsLong() - entry.checkedAt() <= ttlNanos ? entry : null;
    }

    /** Taken just before reading the database about a key, and handed back to {@link #store}. */
    long ticket() {
        return tickets.incrementAndGet();
    }

    /**
     * Keeps what a read found, unless a revocation committed since the read began, or a read begun later already
     * stored its own finding.
     */
    void store(String id, V value, long ticket) {
        long now = nanoTime.getAsLong();
        entries.compute(id, (ignored, existing) -> {
            if (ticket <= floor.get() || existing != null && existing.ticket() > ticket) {
                return existing;
            }
            return new Entry<>(value, now, ticket);
        });
        if (entries.size() > maxSize || now - lastSweep.get() > ttlNanos) {
            sweep(now);
        }
    }

    /** Drops {@code id} after its revocation or deletion committed; reads begun before cannot store it again. */
    void forget(String id) {
        floor.accumulateAndGet(tickets.incrementAndGet(), Math::max);
        entries.remove(id);
    }

    int size() {
        return entries.size();
    }

    private void sweep(long now) {
        lastSweep.set(now);
        entries.values().removeIf(entry -> now - entry.checkedAt() > ttlNanos);
        // Still too many keys used within the time to live: drop any; each is read again on its next use.
        Iterator<String> ids = entries.keySet().iterator();
        while (entries.size() > maxSize && ids.hasNext()) {
            ids.next();
            ids.remove();
        }
    }
}

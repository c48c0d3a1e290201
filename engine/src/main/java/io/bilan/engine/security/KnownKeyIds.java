package io.bilan.engine.security;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The ids of the keys in the database, so a key nobody created is refused without reading it: a flood of made-up
 * keys costs neither memory nor a database read per request. The set is brought up to date at most once per
 * interval, and only when an id it does not hold is presented; it holds one short string per key ever created
 * and not deleted, which only admins and counsellors make.
 */
final class KnownKeyIds {

    /** Where the ids come from: the database. */
    interface Source {
        /** Every key id. */
        Collection<String> all();

        /** The ids of keys created at or after {@code since}. */
        Collection<String> createdSince(OffsetDateTime since);
    }

    /**
     * A key's creation time is written by the instance creating it, before it commits: looking back this much further
     * than the previous look covers transactions that commit late and clocks of instances a little apart.
     */
    static final Duration OVERLAP = Duration.ofMinutes(2);
    /** Anything missed beyond the overlap, and keys deleted elsewhere, are settled by a full reading this often. */
    static final Duration FULL_READ_EVERY = Duration.ofMinutes(10);

    private final Source source;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Clock clock;
    private volatile Set<String> ids = ConcurrentHashMap.newKeySet();
    private volatile boolean loaded;
    private volatile long lastLook;
    private OffsetDateTime lastLookAt;
    private long lastFullRead;

    KnownKeyIds(Source source, Duration interval, LongSupplier nanoTime, Clock clock) {
        this.source = source;
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
        this.clock = clock;
    }

    boolean contains(String id) {
        return ids.contains(id);
    }

    /** Whether the database may be read now about an id the set does not hold. */
    boolean lookDue() {
        return !loaded || nanoTime.getAsLong() - lastLook >= intervalNanos;
    }

    /** Reads the ids created since the last look, if that was at least an interval ago; others wait for it. */
    synchronized void lookIfDue() {
        if (!lookDue()) {
            return;
        }
        long now = nanoTime.getAsLong();
        OffsetDateTime at = OffsetDateTime.now(clock);
        if (!loaded || now - lastFullRead >= FULL_READ_EVERY.toNanos()) {
            Set<String> all = ConcurrentHashMap.newKeySet();
            all.addAll(source.all());
            ids = all;
            lastFullRead = now;
        } else {
            ids.addAll(source.createdSince(lastLookAt.minus(OVERLAP)));
        }
        lastLookAt = at;
        lastLook = now;
        loaded = true;
    }

    /** A key this instance created, once committed; after a look under way, so that look cannot lose it. */
    synchronized void add(String id) {
        ids.add(id);
    }

    /** A key this instance deleted, once committed. */
    synchronized void remove(String id) {
        ids.remove(id);
    }

    int size() {
        return ids.size();
    }
}

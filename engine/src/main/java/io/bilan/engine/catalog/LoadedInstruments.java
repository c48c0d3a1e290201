package io.bilan.engine.catalog;

import io.bilan.runtime.Instrument;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Loaded instruments by digest, held within a memory budget: each is accounted its package's bytes plus a fixed
 * overhead (its parsed manifest, schemas and scoring plan), and the least recently used are dropped when a new one
 * would go over the budget. A dropped instrument is loaded again from the store when next asked for; requests
 * still using it keep it alive until they end.
 *
 * <p>A hit reads a concurrent map and, at most once a millisecond per instrument, writes its last use: no lock.
 * Admitting and evicting take the lock of this object, and each digest is loaded by one thread at a time, the
 * others waiting for its result.
 */
final class LoadedInstruments {

    /** What an instrument holds besides its files, estimated: manifest, compiled schemas, scoring plan. */
    static final long OVERHEAD_BYTES = 64 * 1024;

    private static final long TOUCH_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final long budget;
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Instrument>> loading = new ConcurrentHashMap<>();
    /** The sum of the weights of {@link #held}; guarded by {@code this}. */
    private long weight;

    private static final class Held {
        final Instrument instrument;
        final long weight;
        volatile long lastUsed;

        Held(Instrument instrument, long weight) {
            this.instrument = instrument;
            this.weight = weight;
            this.lastUsed = System.nanoTime();
        }

        Instrument use() {
            long now = System.nanoTime();
            if (now - lastUsed > TOUCH_INTERVAL_NANOS) {
                lastUsed = now;
            }
            return instrument;
        }
    }

    LoadedInstruments(long budget) {
        this.budget = budget;
    }

    /** The weight an instrument is accounted: its package's bytes plus {@link #OVERHEAD_BYTES}. */
    static long weightOf(Instrument instrument) {
        return instrument.source().size() + OVERHEAD_BYTES;
    }

    /**
     * The instrument with {@code digest}, loaded by {@code load} when not held; concurrent calls for one digest
     * load it once. What {@code load} throws is thrown to every caller waiting for it.
     */
    Instrument get(String digest, Supplier<Instrument> load) {
        return get(digest, load, true);
    }

    /**
     * As {@link #get(String, Supplier)}; with {@code evict} false, an instrument loaded now is held only if it fits
     * in the budget without dropping another: for loading in advance, which must not push out what is in use.
     */
    Instrument get(String digest, Supplier<Instrument> load, boolean evict) {
        Held hit = held.get(digest);
        if (hit != null) {
            return hit.use();
        }
        CompletableFuture<Instrument> mine = new CompletableFuture<>();
        CompletableFuture<Instrument> running = loading.putIfAbsent(digest, mine);
        if (running != null) {
            return await(running);
        }
        try {
            // Another thread may have admitted it between the miss and our claim.
            Held again = held.get(digest);
            Instrument instrument = again != null ? again.use() : load.get();
            if (again == null) {
                admit(digest, instrument, evict);
            }
            mine.complete(instrument);
            return instrument;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            loading.remove(digest, mine);
        }
    }

    /**
     * Holds {@code instrument}, dropping the least recently used ones until it fits; one heavier than the whole
     * budget is not held.
     */
    synchronized void admit(String digest, Instrument instrument) {
        admit(digest, instrument, true);
    }

    private synchronized void admit(String digest, Instrument instrument, boolean evict) {
        if (held.containsKey(digest)) {
            return;
        }
        long needed = weightOf(instrument);
        if (needed > budget || (!evict && weight + needed > budget)) {
            return;
        }
        while (weight + needed > budget) {
            evictLeastRecentlyUsed();
        }
        held.put(digest, new Held(instrument, needed));
        weight += needed;
    }

    private void evictLeastRecentlyUsed() {
        Map.Entry<String, Held> oldest = null;
        for (Map.Entry<String, Held> entry : held.entrySet()) {
            if (oldest == null || entry.getValue().lastUsed - oldest.getValue().lastUsed < 0) {
                oldest = entry;
            }
        }
        held.remove(oldest.getKey());
        weight -= oldest.getValue().weight;
    }

    /** The accounted weight of the instruments held, never over the budget. */
    synchronized long weight() {
        return weight;
    }

    /** How many instruments are held. */
    int count() {
        return held.size();
    }

    long budget() {
        return budget;
    }

    /** The instrument with {@code digest} if it is held now, else {@code null}; never loads. */
    Instrument ifHeld(String digest) {
        Held hit = held.get(digest);
        return hit == null ? null : hit.use();
    }

    /** Whether the instrument with {@code digest} is held now. */
    boolean holds(String digest) {
        return held.containsKey(digest);
    }

    private static Instrument await(CompletableFuture<Instrument> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}

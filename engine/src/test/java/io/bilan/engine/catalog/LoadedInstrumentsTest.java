package io.bilan.engine.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.engine.Packages;
import io.bilan.runtime.BilanRuntime;
import io.bilan.runtime.Instrument;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The loaded instruments stay within their budget, drop the least recently used first and load each digest once
 * however many callers want it at the same moment. One loaded instrument stands for every digest: the holder only
 * weighs it.
 */
class LoadedInstrumentsTest {

    private static Instrument instrument;
    private static long weight;

    @BeforeAll
    static void load() throws Exception {
        BilanRuntime runtime = BilanRuntime.builder().build();
        instrument = runtime.load(runtime.read(Packages.TEAMWORK));
        weight = LoadedInstruments.weightOf(instrument);
    }

    @Test
    void anInstrumentWeighsItsFilesAndTheOverhead() {
        assertEquals(instrument.source().files().values().stream().mapToLong(bytes -> bytes.length).sum()
                + 64 * 1024, weight);
    }

    @Test
    void theLeastRecentlyUsedIsDroppedWhenANewOneWouldGoOverTheBudget() throws Exception {
        LoadedInstruments loaded = new LoadedInstruments(3 * weight + 1);
        AtomicInteger loads = new AtomicInteger();
        for (String digest : List.of("a", "b", "c")) {
            loaded.get(digest, () -> counted(loads));
            Thread.sleep(2);
        }
        assertEquals(3 * weight, loaded.weight());
        loaded.get("a", () -> counted(loads));
        Thread.sleep(2);
        assertEquals(3, loads.get(), "a was held");

        loaded.get("d", () -> counted(loads));
        assertEquals(3 * weight, loaded.weight());
        assertFalse(loaded.holds("b"), "b was used least recently");
        assertTrue(loaded.holds("a") && loaded.holds("c") && loaded.holds("d"));

        loaded.get("b", () -> counted(loads));
        assertEquals(5, loads.get(), "b was loaded again");
        assertFalse(loaded.holds("c"));
    }

    @Test
    void loadingInAdvanceNeverDropsAnother() {
        LoadedInstruments loaded = new LoadedInstruments(2 * weight + 1);
        loaded.get("a", () -> instrument);
        assertSame(instrument, loaded.get("b", () -> instrument, false));
        assertTrue(loaded.holds("b"), "b fits beside a");
        assertSame(instrument, loaded.get("c", () -> instrument, false));
        assertFalse(loaded.holds("c"), "c would have dropped a");
        assertTrue(loaded.holds("a") && loaded.holds("b"));
        assertEquals(2 * weight, loaded.weight());
    }

    @Test
    void aPackageHeavierThanTheBudgetIsServedButNotHeld() {
        LoadedInstruments loaded = new LoadedInstruments(weight - 1);
        assertSame(instrument, loaded.get("big", () -> instrument));
        assertFalse(loaded.holds("big"));
        assertEquals(0, loaded.weight());
    }

    @Test
    void concurrentCallersLoadADigestOnce() throws Exception {
        LoadedInstruments loaded = new LoadedInstruments(10 * weight);
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
            List<Future<Instrument>> got = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                got.add(threads.submit(() -> {
                    start.await();
                    return loaded.get("x", () -> {
                        sleep(100);
                        return counted(loads);
                    });
                }));
            }
            start.countDown();
            for (Future<Instrument> one : got) {
                assertSame(instrument, one.get());
            }
        }
        assertEquals(1, loads.get());
    }

    @Test
    void aFailedLoadReachesEveryWaitingCallerAndIsTriedAgainLater() throws Exception {
        LoadedInstruments loaded = new LoadedInstruments(10 * weight);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger loads = new AtomicInteger();
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            List<Future<Instrument>> got = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                got.add(threads.submit(() -> {
                    start.await();
                    return loaded.get("broken", () -> {
                        loads.incrementAndGet();
                        sleep(100);
                        throw new IllegalStateException("no longer reads");
                    });
                }));
            }
            start.countDown();
            for (Future<Instrument> one : got) {
                var failure = assertThrows(java.util.concurrent.ExecutionException.class, one::get);
                assertEquals("no longer reads", failure.getCause().getMessage());
            }
        }
        assertEquals(1, loads.get());
        assertSame(instrument, loaded.get("broken", () -> instrument));
    }

    @Test
    void concurrentUseNeverGoesOverTheBudget() throws Exception {
        long budget = 3 * weight + weight / 2;
        LoadedInstruments loaded = new LoadedInstruments(budget);
        AtomicInteger loads = new AtomicInteger();
        AtomicBoolean over = new AtomicBoolean();
        AtomicBoolean done = new AtomicBoolean();
        Thread watcher = Thread.ofPlatform().start(() -> {
            while (!done.get()) {
                if (loaded.weight() > budget) {
                    over.set(true);
                }
            }
        });
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int t = 0; t < 8; t++) {
                threads.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        String digest = "d" + ThreadLocalRandom.current().nextInt(10);
                        assertSame(instrument, loaded.get(digest, () -> counted(loads)));
                    }
                    return null;
                });
            }
        }
        done.set(true);
        watcher.join();
        assertFalse(over.get(), "the accounted weight went over the budget");
        assertEquals(3, loaded.count(), "three fit in the budget");
        assertEquals(3 * weight, loaded.weight());
        assertTrue(loads.get() > 10, "instruments were dropped and loaded again: " + loads.get());
    }

    private static Instrument counted(AtomicInteger loads) {
        loads.incrementAndGet();
        return instrument;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

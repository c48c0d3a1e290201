package io.bilan.engine.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A key revoked while it is being used: once {@code DELETE /api/v1/api-keys/{id}} has answered, this instance
 * accepts it no more, not even through a check that read the key just before the revocation committed.
 */
@QuarkusTest
class KeyRevocationRaceTest {

    private static final int ROUNDS = 15;
    private static final int THREADS = 3;

    @Inject
    ApiKeys keys;

    private final ExecutorService hammers = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void stop() {
        hammers.shutdownNow();
    }

    @Test
    void noCheckBegunAfterTheRevocationAnsweredSucceeds() throws Exception {
        long lateSuccesses = 0;
        long checksAfter = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String key = keys.create("race " + round, List.of(Roles.RESEARCHER), null, "tests").secret();
            String id = key.substring(6, 22);
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong answeredAt = new AtomicLong(Long.MAX_VALUE);
            AtomicLong late = new AtomicLong();
            AtomicLong after = new AtomicLong();
            AtomicLong before = new AtomicLong();
            List<Future<?>> hammering = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                hammering.add(hammers.submit(() -> {
                    while (running.get()) {
                        long begun = System.nanoTime();
                        boolean accepted = keys.check(key).isPresent();
                        if (begun > answeredAt.get()) {
                            after.incrementAndGet();
                            if (accepted) {
                                late.incrementAndGet();
                            }
                        } else if (accepted) {
                            before.incrementAndGet();
                        }
                    }
                }));
            }
            Thread.sleep(20);
            given().delete("/api/v1/api-keys/" + id).then().statusCode(200);
            answeredAt.set(System.nanoTime());
            Thread.sleep(30);
            running.set(false);
            for (Future<?> hammer : hammering) {
                hammer.get();
            }
            assertTrue(before.get() > 0, "the key worked before its revocation");
            lateSuccesses += late.get();
            checksAfter += after.get();
        }
        System.out.printf("%d revocations under %d checking threads: %d checks begun after DELETE answered, %d accepted%n",
                ROUNDS, THREADS, checksAfter, lateSuccesses);
        assertTrue(checksAfter > ROUNDS, "checks ran after the revocations: " + checksAfter);
        assertEquals(0, lateSuccesses, "checks accepted after DELETE answered, out of " + checksAfter);
    }
}

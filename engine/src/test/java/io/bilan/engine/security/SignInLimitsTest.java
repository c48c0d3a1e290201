package io.bilan.engine.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.engine.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Failed sign-ins are limited per account (5 in 15 minutes) and per address (20), in the database: what is counted,
 * for how long, what a success forgets, and that attempts sent at the same instant never get more tries than the
 * limit.
 */
@QuarkusTest
class SignInLimitsTest {

    @Inject
    SignInLimits limits;

    @Inject
    TestClock clock;

    @AfterEach
    void forget() {
        clock.advance(Duration.ofMinutes(16));
    }

    private static String unique(String what) {
        return what + "-" + System.nanoTime() + "@limits.test";
    }

    @Test
    void anAccountTakesFiveFailuresThenWaitsForTheOldestToExpire() {
        String email = unique("account");
        for (int i = 0; i < 5; i++) {
            limits.failed(assertInstanceOf(SignInLimits.Allowed.class, limits.attempt(email, "10.0.0." + i)));
            clock.advance(Duration.ofMinutes(1));
        }
        // Other spellings of the same address are the same account.
        SignInLimits.Limited limited = assertInstanceOf(SignInLimits.Limited.class,
                limits.attempt("  " + email.toUpperCase() + " ", "10.0.1.1"));
        // Five failures a minute apart, five minutes ago at most: the first counts ten more minutes.
        assertTrue(limited.retryAfter().compareTo(Duration.ofMinutes(9)) > 0
                && limited.retryAfter().compareTo(Duration.ofMinutes(10)) <= 0, limited.toString());
        // Being refused does not prolong the wait; the oldest failure expiring frees one try.
        clock.advance(limited.retryAfter());
        limits.failed(assertInstanceOf(SignInLimits.Allowed.class, limits.attempt(email, "10.0.1.2")));
        assertInstanceOf(SignInLimits.Limited.class, limits.attempt(email, "10.0.1.3"));
    }

    @Test
    void thePurgeDropsOnlyTheAttemptsOlderThanTheWindow() {
        String email = unique("purged");
        String address = "198.51.100." + (System.nanoTime() % 200);
        limits.failed(assertInstanceOf(SignInLimits.Allowed.class, limits.attempt(email, address)));
        clock.advance(Duration.ofMinutes(10));
        limits.failed(assertInstanceOf(SignInLimits.Allowed.class, limits.attempt(email, address)));
        String accountHash = SignInLimits.hash(SignInLimits.ACCOUNT, email);
        assertEquals(2, attemptsOf(accountHash));

        // 16 minutes after the first failure and 6 after the second: only the first is outside the 15-minute window.
        clock.advance(Duration.ofMinutes(6));
        limits.purge();
        assertEquals(1, attemptsOf(accountHash));
        clock.advance(Duration.ofMinutes(10));
        limits.purge();
        assertEquals(0, attemptsOf(accountHash));
    }

    private static long attemptsOf(String subjectHash) {
        return QuarkusTransaction.requiringNew().call(() -> SignInAttempt.count("subjectHash", subjectHash));
    }

    @Test
    void aSuccessForgetsTheAccountsFailures() {
        String email = unique("forgiven");
        for (int i = 0; i < 4; i++) {
            limits.failed(assertInstanceOf(SignInLimits.Allowed.class, limits.attempt(email, "10.1.0.1")));
        }
        limits.succeeded(assertInstanceOf(SignInLimits.Allowed.class, limits.attempt(email, "10.1.0.1")));
        for (int i = 0; i < 5; i++) {
            limits.failed(assertInstanceOf(SignInLimits.Allowed.class, limits.attempt(email, "10.1.0.2")));
        }
        assertInstanceOf(SignInLimits.Limited.class, limits.attempt(email, "10.1.0.3"));
        limits.clearAccount(email);
        assertInstanceOf(SignInLimits.Allowed.class, limits.attempt(email, "10.1.0.3"));
    }

    @Test
    void anAddressTakesTwentyFailuresWhateverTheAccounts() {
        String address = "192.0.2." + (System.nanoTime() % 200);
        for (int i = 0; i < 20; i++) {
            limits.failed(assertInstanceOf(SignInLimits.Allowed.class, limits.attempt(unique("spray" + i), address)));
        }
        assertInstanceOf(SignInLimits.Limited.class, limits.attempt(unique("spray-next"), address));
        assertInstanceOf(SignInLimits.Allowed.class, limits.attempt(unique("spray-next"), "198.51.100.7"));
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertInstanceOf(SignInLimits.Allowed.class, limits.attempt(unique("spray-later"), address));
    }

    @Test
    void attemptsSentTogetherGetNoMoreTriesThanTheLimit() throws Exception {
        String email = unique("together");
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<SignInLimits.Decision>> decisions = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                String address = "203.0.113." + i;
                decisions.add(pool.submit(() -> {
                    start.await();
                    return limits.attempt(email, address);
                }));
            }
            start.countDown();
            int allowed = 0;
            for (Future<SignInLimits.Decision> decision : decisions) {
                if (decision.get() instanceof SignInLimits.Allowed) {
                    allowed++;
                }
            }
            assertTrue(allowed >= 1 && allowed <= 5, "allowed " + allowed + " of " + threads);
            // Attempts that were in flight together may have held each other back, never let more through: one by
            // one, the account takes exactly what is left of its five.
            int more = 0;
            while (limits.attempt(email, "203.0.113.200") instanceof SignInLimits.Allowed) {
                more++;
            }
            assertEquals(5, allowed + more);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusedAttemptsLeaveNoTrace() {
        String email = unique("refused");
        for (int i = 0; i < 5; i++) {
            limits.failed(assertInstanceOf(SignInLimits.Allowed.class, limits.attempt(email, "10.2.0.1")));
        }
        long before = count();
        for (int i = 0; i < 10; i++) {
            assertInstanceOf(SignInLimits.Limited.class, limits.attempt(email, "10.2.0.1"));
        }
        assertEquals(before, count());
    }

    private static long count() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> SignInAttempt.count());
    }
}

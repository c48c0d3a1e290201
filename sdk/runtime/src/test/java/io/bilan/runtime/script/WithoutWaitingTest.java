package io.bilan.runtime.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Calls made inside {@link ScriptSandbox#withoutWaiting}, as an event loop makes them: only for a script whose calls
 * have been quick lately, never waiting for a turn or a context, stopped after a few milliseconds. Whatever would
 * wait throws {@link WouldWaitException} at once, and the same call made where waiting is allowed gives what it
 * always gives.
 */
class WithoutWaitingTest {

    /** Endless for {"slow": true}: only the time limit stops it, the statement limit being out of reach. */
    private static final String SLOW_ON_DEMAND =
            "function score(input) { while (input.slow) {} return { results: { n: input.n } }; }";
    /** A sandbox limit far from the 5 ms of a call made without waiting, so that a busy machine cannot blur the two. */
    private static final SandboxLimits LIMITS = SandboxLimits.defaults().withStatementLimit(1L << 50)
            .withTimeLimit(Duration.ofSeconds(3));

    @Test
    void aNewScriptIsCalledOnlyWhereWaitingIsAllowed() throws ScriptException {
        try (ScriptSandbox sandbox = new ScriptSandbox(LIMITS)) {
            CompiledScript script = sandbox.compile("scoring.js", SLOW_ON_DEMAND);

            assertFalse(script.runsQuickly());
            WouldWaitException refused = assertThrows(WouldWaitException.class, () -> withoutWaiting(script, "{\"n\":1}"));
            assertTrue(refused.getMessage().contains("has not been quick lately"), refused.getMessage());
            assertEquals("{\"results\":{\"n\":1}}", script.call("{\"n\":1}"));
        }
    }

    @Test
    void quickCallsLetTheScriptBeCalledWithoutWaitingWithTheSameResults() throws ScriptException {
        try (ScriptSandbox sandbox = new ScriptSandbox(LIMITS)) {
            CompiledScript script = sandbox.compile("scoring.js", SLOW_ON_DEMAND);

            int calls = warm(script);

            assertTrue(calls >= CompiledScript.QUICK_WINDOW, "decided on a full window, after " + calls + " calls");
            for (int n = 0; n < 100; n++) {
                String input = "{\"n\":" + n + "}";
                assertEquals(script.call(input), withoutWaiting(script, input));
            }
            assertTrue(script.runsQuickly());
        }
    }

    @Test
    void aCallPastTheShortLimitIsStoppedAndTheScriptGoesBackToWaiting() throws ScriptException {
        try (ScriptSandbox sandbox = new ScriptSandbox(LIMITS)) {
            CompiledScript script = sandbox.compile("scoring.js", SLOW_ON_DEMAND);
            warm(script);

            // Stopped near the short limit, far from the sandbox's 3 s.
            WouldWaitException stopped = refusedWithin(1_500, script, "{\"slow\":true}");

            assertTrue(stopped.getMessage().contains("ran past 5 ms"), stopped.getMessage());
            assertFalse(script.runsQuickly());
            assertThrows(WouldWaitException.class, () -> withoutWaiting(script, "{\"n\":2}"));
            // Where waiting is allowed the script works as before, and the same input breaks the sandbox's own limit.
            assertEquals("{\"results\":{\"n\":2}}", script.call("{\"n\":2}"));
            ScriptException limit = assertThrows(ScriptException.class, () -> script.call("{\"slow\":true}"));
            assertEquals(ScriptException.Kind.TIME_LIMIT, limit.kind());
            assertTrue(limit.getMessage().contains("time limit of 3000 ms"), limit.getMessage());
            // Quick again only after a full window of quick calls.
            warm(script);
            assertEquals("{\"results\":{\"n\":3}}", withoutWaiting(script, "{\"n\":3}"));
        }
    }

    @Test
    void noFreeTurnMeansWouldWaitAtOnce() throws Exception {
        // Two calls at once in the sandbox, so one per script: a slow call holds this script's only turn.
        SandboxLimits limits = LIMITS.withMaxConcurrentCalls(2);
        try (ScriptSandbox sandbox = new ScriptSandbox(limits)) {
            CompiledScript script = sandbox.compile("scoring.js", SLOW_ON_DEMAND);
            warm(script);
            CompletableFuture<ScriptException> holding = CompletableFuture.supplyAsync(
                    () -> assertThrows(ScriptException.class, () -> script.call("{\"slow\":true}")));
            // The slow call has its turn once the sandbox has no free turn of this script's half.
            long waitedUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (sandbox.freeTurns() == 2 && System.nanoTime() < waitedUntil) {
                Thread.onSpinWait();
            }

            // Refused at once, while the slow call holds the turn for the sandbox's 3 s.
            WouldWaitException refused = refusedWithin(1_000, script, "{\"n\":4}");

            // No turn, or no prepared context: the warm-up's one context is the slow call's.
            assertTrue(refused.getMessage().endsWith(" free"), refused.getMessage());
            assertEquals(ScriptException.Kind.TIME_LIMIT, holding.get(10, TimeUnit.SECONDS).kind());
            // The refused call counted for nothing: the script still runs quickly, once a context is prepared again
            // (the watchdog closed the slow call's).
            assertTrue(script.runsQuickly());
            assertEquals("{\"results\":{\"n\":4}}", script.call("{\"n\":4}"));
            assertEquals("{\"results\":{\"n\":4}}", withoutWaiting(script, "{\"n\":4}"));
        }
    }

    @Test
    void aSandboxLimitShorterThanTheShortOneIsBrokenAsEverywhere() throws ScriptException {
        SandboxLimits limits = LIMITS.withTimeLimit(Duration.ofMillis(4));
        try (ScriptSandbox sandbox = new ScriptSandbox(limits)) {
            CompiledScript script = sandbox.compile("scoring.js", SLOW_ON_DEMAND);
            warm(script);

            ScriptException limit = assertThrows(ScriptException.class,
                    () -> withoutWaiting(script, "{\"slow\":true}"));

            assertEquals(ScriptException.Kind.TIME_LIMIT, limit.kind());
            assertTrue(limit.getMessage().contains("time limit of 4 ms"), limit.getMessage());
        }
    }

    /**
     * Calls the script where waiting is allowed until it runs quickly, at most ten windows (a busy machine may make
     * a window's calls slow); returns how many calls that took. A call that broke a short sandbox limit while the
     * code was still cold counts like any other.
     */
    private static int warm(CompiledScript script) {
        int calls = 0;
        while (!script.runsQuickly() && calls < 10 * CompiledScript.QUICK_WINDOW) {
            try {
                script.call("{\"n\":0}");
            } catch (ScriptException coldAndTooSlow) {
                // counted as a slow call
            }
            calls++;
        }
        assertTrue(script.runsQuickly(), "quick after " + calls + " calls");
        return calls;
    }

    /** The refusal of a call made without waiting, which must come within {@code millis}. */
    private static WouldWaitException refusedWithin(long millis, CompiledScript script, String input) {
        long start = System.nanoTime();
        WouldWaitException refused = assertThrows(WouldWaitException.class, () -> withoutWaiting(script, input));
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(elapsedMillis < millis, elapsedMillis + " ms");
        return refused;
    }

    private static String withoutWaiting(CompiledScript script, String input) throws ScriptException {
        try {
            return ScriptSandbox.withoutWaiting(() -> {
                try {
                    return script.call(input);
                } catch (ScriptException e) {
                    throw new Failed(e);
                }
            });
        } catch (Failed failed) {
            throw failed.cause;
        }
    }

    /** Carries a checked failure out of {@link ScriptSandbox#withoutWaiting}'s supplier. */
    private static final class Failed extends RuntimeException {
        private final ScriptException cause;

        Failed(ScriptException cause) {
            super(cause.getMessage(), null, false, false);
            this.cause = cause;
        }
    }
}

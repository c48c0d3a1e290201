package io.bilan.runtime.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.runtime.script.ScriptException.Kind;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each limit fails only the call that breaks it, with its own kind and a message for the author; the next call
 * of the same script works. The script {@code misbehaving.js} misbehaves as its input's {@code mode} says.
 */
@Timeout(120)
class CallLimitsTest {

    private static final String OK = "{\"ok\":true}";

    /** Default limits except a time limit generous enough for a slow build machine and 64 MiB of allocation. */
    private static ScriptSandbox roomy;
    /** A 200 ms time limit and no statement limit, so only the clock stops a call. */
    private static ScriptSandbox hurried;
    private static CompiledScript misbehaving;
    private static CompiledScript misbehavingInAHurry;

    @BeforeAll
    static void startSandboxes() throws ScriptException {
        roomy = new ScriptSandbox(SandboxLimits.defaults()
                .withTimeLimit(Duration.ofSeconds(30))
                .withMaxAllocatedBytes(64L * 1024 * 1024));
        hurried = new ScriptSandbox(SandboxLimits.defaults()
                .withTimeLimit(Duration.ofMillis(200))
                .withStatementLimit(Long.MAX_VALUE));
        misbehaving = roomy.compile("misbehaving.js", TestScripts.read("misbehaving.js"));
        misbehavingInAHurry = hurried.compile("misbehaving.js", TestScripts.read("misbehaving.js"));
    }

    @AfterAll
    static void closeSandboxes() {
        roomy.close();
        hurried.close();
    }

    @Test
    void anEndlessLoopHitsTheStatementLimitAndItsContextIsReplaced() throws ScriptException {
        int contextsBefore = misbehaving.contextsCreated();

        ScriptException failure = failure(misbehaving, "endless-loop");

        assertEquals(Kind.STATEMENT_LIMIT, failure.kind());
        assertEquals("misbehaving.js:9:14: the call exceeded the limit of 1000000 statements; is there an endless loop?",
                failure.getMessage());
        assertEquals(OK, misbehaving.call("{}"));
        assertEquals(contextsBefore + 1, misbehaving.contextsCreated());
    }

    @Test
    void aCallThatGetsNoTurnWithinItsTimeLimitIsBusyAndTheNextOneRuns() throws Exception {
        try (ScriptSandbox single = new ScriptSandbox(SandboxLimits.defaults().withTimeLimit(Duration.ofSeconds(2))
                .withStatementLimit(Long.MAX_VALUE).withMaxConcurrentCalls(1))) {
            CompiledScript script = single.compile("misbehaving.js", TestScripts.read("misbehaving.js"));
            var hog = java.util.concurrent.CompletableFuture.supplyAsync(() -> failure(script, "busy-loop"));
            while (single.freeTurns() > 0 && !hog.isDone()) {
                Thread.onSpinWait();
            }
            ScriptException busy = ScriptSandbox.withTimeLimit(Duration.ofMillis(100), () -> failure(script, "ok"));

            assertEquals(Kind.BUSY, busy.kind());
            assertTrue(busy.getMessage().contains("more calls wanted to run at once than this script may run (the sandbox runs 1"),
                    busy.getMessage());
            assertTrue(Set.of(Kind.TIME_LIMIT, Kind.MEMORY_LIMIT).contains(hog.get().kind()), hog.get().getMessage());
            assertEquals(OK, script.call("{}"));
            assertEquals(1, single.freeTurns(), "every turn is given back");
        }
    }

    @Test
    void oneScriptTakesAtMostHalfTheTurnsSoAnotherStillRuns() throws Exception {
        try (ScriptSandbox pair = new ScriptSandbox(SandboxLimits.defaults().withTimeLimit(Duration.ofSeconds(2))
                .withStatementLimit(Long.MAX_VALUE).withMaxConcurrentCalls(2))) {
            CompiledScript hostile = pair.compile("misbehaving.js", TestScripts.read("misbehaving.js"));
            CompiledScript other = pair.compile("other.js", TestScripts.read("misbehaving.js"));
            var hogs = java.util.stream.Stream.generate(() -> java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> failure(hostile, "busy-loop"))).limit(2).toList();
            while (pair.freeTurns() > 1 && hogs.stream().noneMatch(java.util.concurrent.Future::isDone)) {
                Thread.onSpinWait();
            }

            assertEquals(OK, other.call("{}"));
            for (var hog : hogs) {
                assertTrue(Set.of(Kind.TIME_LIMIT, Kind.MEMORY_LIMIT, Kind.BUSY).contains(hog.get().kind()));
            }
        }
    }

    @Test
    void withTimeLimitGivesTheCallsOfThisThreadAnotherLimitThenRestoresIt() throws ScriptException {
        ScriptException lenient = ScriptSandbox.withTimeLimit(Duration.ofMillis(600),
                () -> failure(misbehavingInAHurry, "busy-loop"));
        assertEquals(Kind.TIME_LIMIT, lenient.kind());
        assertTrue(lenient.getMessage().endsWith("the call exceeded the time limit of 600 ms"), lenient.getMessage());

        ScriptException usual = failure(misbehavingInAHurry, "busy-loop");
        assertTrue(usual.getMessage().endsWith("the call exceeded the time limit of 200 ms"), usual.getMessage());
    }

    @Test
    void aLongLoopUnderTheStatementLimitHitsTheTimeLimit() throws ScriptException {
        ScriptException failure = failure(misbehavingInAHurry, "busy-loop");

        assertEquals(Kind.TIME_LIMIT, failure.kind());
        assertTrue(failure.getMessage().endsWith("the call exceeded the time limit of 200 ms"), failure.getMessage());
        assertEquals(OK, misbehavingInAHurry.call("{}"));
    }

    @Test
    void catastrophicRegexBacktrackingHitsTheTimeLimit() throws ScriptException {
        int contextsBefore = misbehavingInAHurry.contextsCreated();

        ScriptException failure = failure(misbehavingInAHurry, "catastrophic-regex");

        assertEquals(Kind.TIME_LIMIT, failure.kind());
        assertEquals(OK, misbehavingInAHurry.call("{}"));
        assertEquals(contextsBefore + 1, misbehavingInAHurry.contextsCreated());
    }

    @Test
    void unboundedRecursionIsAStackOverflow() throws ScriptException {
        ScriptException failure = failure(misbehaving, "recursion");

        assertEquals(Kind.STACK_OVERFLOW, failure.kind());
        assertEquals(2, failure.line()); // recurse() is declared there: the call that could not be entered
        assertTrue(failure.getMessage().contains("RangeError: Maximum call stack size exceeded"), failure.getMessage());
        assertEquals(OK, misbehaving.call("{}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"repeat-huge-string", "fill-huge-array", "double-string", "huge-buffer",
        "array-like-with-huge-length"})
    void buildingAGiantStringOrArrayInOneStepHitsTheMemoryLimit(String mode) throws ScriptException {
        ScriptException failure = failure(misbehaving, mode);

        assertEquals(Kind.MEMORY_LIMIT, failure.kind(), failure.getMessage());
        assertTrue(failure.getMessage().startsWith("misbehaving.js:"), failure.getMessage());
        assertTrue(failure.line() > 0, failure.getMessage());
        assertEquals(OK, misbehaving.call("{}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"keep-allocating"})
    void allocatingMoreThanTheLimitHitsTheMemoryLimit(String mode) throws ScriptException {
        ScriptException failure = failure(misbehaving, mode);

        assertEquals(Kind.MEMORY_LIMIT, failure.kind(), failure.getMessage());
        assertTrue(failure.getMessage().endsWith("the call allocated more than 64 MiB, the memory limit"),
                failure.getMessage());
        assertEquals(OK, misbehaving.call("{}"));
    }

    @Test
    void pushingIntoAnArrayForeverStopsAtTheMemoryOrStatementLimit() throws ScriptException {
        ScriptException failure = failure(misbehaving, "push-forever");

        assertTrue(Set.of(Kind.MEMORY_LIMIT, Kind.STATEMENT_LIMIT).contains(failure.kind()), failure.getMessage());
        assertEquals(OK, misbehaving.call("{}"));
    }

    @Test
    void aStringLongerThanTwiceTheStringLimitCannotBeBuiltEvenByConcatenation() throws ScriptException {
        ScriptException failure = failure(misbehaving, "flatten-huge-string");

        assertEquals(Kind.MEMORY_LIMIT, failure.kind(), failure.getMessage());
        assertEquals("misbehaving.js:31:36: the call exceeded the memory limit: RangeError: Invalid string length",
                failure.getMessage());
        assertEquals(OK, misbehaving.call("{}"));
    }

    @Test
    void aResultLongerThanTheLimitIsInvalid() throws ScriptException {
        ScriptException failure = failure(misbehaving, "huge-result");

        assertEquals(Kind.INVALID_RESULT, failure.kind());
        assertEquals("misbehaving.js: the result is 1000012 characters of JSON, more than the limit of 1000000",
                failure.getMessage());
        assertEquals(OK, misbehaving.call("{}"));
    }

    @Test
    void aThrownErrorFailsTheCallAtTheAuthorsLineAndColumnAndKeepsTheContext() throws ScriptException {
        int contextsBefore = misbehaving.contextsCreated();

        ScriptException failure = failure(misbehaving, "throw");

        assertEquals(Kind.RUNTIME, failure.kind());
        assertEquals("misbehaving.js:45:13: Error: answer 7 is missing", failure.getMessage());
        assertEquals(45, failure.line());
        assertEquals(13, failure.column());
        assertEquals(OK, misbehaving.call("{}"));
        assertEquals(contextsBefore, misbehaving.contextsCreated());
    }

    private static ScriptException failure(CompiledScript script, String mode) {
        return assertThrows(ScriptException.class, () -> script.call("{\"mode\":\"" + mode + "\"}"));
    }
}

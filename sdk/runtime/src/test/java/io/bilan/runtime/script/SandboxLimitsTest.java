package io.bilan.runtime.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The default limits, and copies that change one limit each. */
class SandboxLimitsTest {

    @Test
    void defaultsAreTheProductionLimits() {
        SandboxLimits limits = SandboxLimits.defaults();

        assertEquals(1_000_000, limits.statementLimit());
        assertEquals(Duration.ofMillis(500), limits.timeLimit());
        assertEquals(256L * 1024 * 1024, limits.maxAllocatedBytes());
        assertEquals(1_000_000, limits.maxStringLength());
        assertEquals(1_000_000, limits.maxArrayLength());
        assertEquals(1_000_000, limits.maxResultChars());
        assertEquals(Math.max(8, 4 * Runtime.getRuntime().availableProcessors()), limits.maxIdleContexts());
    }

    @Test
    void eachCopyChangesOneLimit() {
        SandboxLimits limits = SandboxLimits.defaults();

        assertEquals(new SandboxLimits(5, limits.timeLimit(), limits.maxAllocatedBytes(), limits.maxStringLength(),
                limits.maxArrayLength(), limits.maxResultChars(), limits.maxIdleContexts(), limits.maxConcurrentCalls()),
                limits.withStatementLimit(5));
        assertEquals(Duration.ofSeconds(2), limits.withTimeLimit(Duration.ofSeconds(2)).timeLimit());
        assertEquals(1024, limits.withMaxAllocatedBytes(1024).maxAllocatedBytes());
        assertEquals(10, limits.withMaxStringLength(10).maxStringLength());
        assertEquals(20, limits.withMaxArrayLength(20).maxArrayLength());
        assertEquals(30, limits.withMaxResultChars(30).maxResultChars());
        assertEquals(0, limits.withMaxIdleContexts(0).maxIdleContexts());
        assertEquals(3, limits.withMaxConcurrentCalls(3).maxConcurrentCalls());
        assertEquals(limits.statementLimit(), limits.withMaxIdleContexts(0).statementLimit());
    }

    @Test
    void callsRunningAtOnceMayHoldAtMostHalfTheHeap() {
        long heap = Runtime.getRuntime().maxMemory();
        assertEquals(1, SandboxLimits.concurrentCallsFor(heap, 8), "one call always runs");
        assertEquals(2, SandboxLimits.concurrentCallsFor(heap / 4, 8));
        assertEquals(8, SandboxLimits.concurrentCallsFor(1024, 8), "never more than asked");
        SandboxLimits defaults = SandboxLimits.defaults();
        assertTrue((long) defaults.maxConcurrentCalls() * defaults.maxAllocatedBytes() <= Math.max(heap / 2,
                defaults.maxAllocatedBytes()));
    }

    @Test
    void limitsMustBePositive() {
        SandboxLimits limits = SandboxLimits.defaults();

        assertThrows(IllegalArgumentException.class, () -> limits.withStatementLimit(0));
        assertThrows(IllegalArgumentException.class, () -> limits.withMaxConcurrentCalls(0));
        assertThrows(IllegalArgumentException.class, () -> limits.withTimeLimit(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> limits.withMaxAllocatedBytes(-1));
        assertThrows(IllegalArgumentException.class, () -> limits.withMaxStringLength(0));
        assertThrows(IllegalArgumentException.class, () -> limits.withMaxArrayLength(0));
        assertThrows(IllegalArgumentException.class, () -> limits.withMaxResultChars(0));
        assertThrows(IllegalArgumentException.class, () -> limits.withMaxIdleContexts(-1));
        assertThrows(NullPointerException.class, () -> limits.withTimeLimit(null));
    }
}

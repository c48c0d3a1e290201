package io.bilan.runtime.script;

import java.time.Duration;
import java.util.Objects;

/**
 * What one call of a scoring script may use. A call that goes past a limit fails with a {@link ScriptException}
 * of the matching {@link ScriptException.Kind}; the next call starts afresh.
 *
 * @param statementLimit    the most JavaScript statements one call may execute
 * @param timeLimit         the wall-clock time one call may take
 * @param maxAllocatedBytes the bytes the calling thread may allocate during one call
 * @param maxStringLength   the longest string a script may build with {@code repeat}, {@code padStart} or
 *                          {@code padEnd}, in characters
 * @param maxArrayLength    the longest array (or typed array, or argument list) built-in methods may work on, in
 *                          elements
 * @param maxResultChars    the longest JSON text a call may return, in characters
 * @param maxIdleContexts   how many idle JavaScript contexts each script keeps for reuse
 * @param maxConcurrentCalls how many calls may run at once in the sandbox; a call waits up to its time limit for
 *                           its turn. Together with {@code maxAllocatedBytes} it bounds the memory scripts can hold
 *                           at any moment, which a JVM cannot bound per context
 */
public record SandboxLimits(long statementLimit, Duration timeLimit, long maxAllocatedBytes, int maxStringLength,
        int maxArrayLength, int maxResultChars, int maxIdleContexts, int maxConcurrentCalls) {

    /** Checks that every limit is positive (the idle context count may be zero). */
    public SandboxLimits {
        Objects.requireNonNull(timeLimit, "timeLimit");
        requirePositive("statementLimit", statementLimit);
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive, got " + timeLimit);
        }
        requirePositive("maxAllocatedBytes", maxAllocatedBytes);
        requirePositive("maxStringLength", maxStringLength);
        requirePositive("maxArrayLength", maxArrayLength);
        requirePositive("maxResultChars", maxResultChars);
        if (maxIdleContexts < 0) {
            throw new IllegalArgumentException("maxIdleContexts must not be negative, got " + maxIdleContexts);
        }
        requirePositive("maxConcurrentCalls", maxConcurrentCalls);
    }

    /**
     * The limits for production scoring: a million statements, 500 ms, 256 MiB allocated, strings, arrays and
     * results of at most a million characters or elements, and four idle contexts per processor, at least eight:
     * a call that finds no idle context prepares one (tens of milliseconds), so a pool smaller than the threads
     * that score at once closes and prepares contexts all the time (measured: a third of the throughput with
     * eight threads on two processors and two idle contexts). As many calls run at once as there are idle
     * contexts, but never more than half the heap's worth of their allocation limit.
     */
    public static SandboxLimits defaults() {
        long maxAllocated = 256L * 1024 * 1024;
        int idle = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
        return new SandboxLimits(1_000_000, Duration.ofMillis(500), maxAllocated, 1_000_000, 1_000_000,
                1_000_000, idle, concurrentCallsFor(maxAllocated, idle));
    }

    /**
     * How many calls may run at once so that what they may allocate stays within half the heap: scripts then
     * cannot exhaust the memory the rest of the service needs, whatever they do.
     */
    public static int concurrentCallsFor(long maxAllocatedBytes, int atMost) {
        long fit = Runtime.getRuntime().maxMemory() / 2 / maxAllocatedBytes;
        return (int) Math.max(1, Math.min(atMost, fit));
    }

    /**
     * The limits for tools that run outside a service — validation, fixtures, tests, command-line scoring: the
     * {@link #defaults()} with a 10 s time limit. On a busy machine a wall-clock limit measures the machine as
     * much as the script, and a fixture must not fail for that; the statement limit still stops endless loops.
     */
    public static SandboxLimits offline() {
        return defaults().withTimeLimit(Duration.ofSeconds(10));
    }

    /** A copy with another statement limit. */
    public SandboxLimits withStatementLimit(long statementLimit) {
        return new SandboxLimits(statementLimit, timeLimit, maxAllocatedBytes, maxStringLength, maxArrayLength,
                maxResultChars, maxIdleContexts, maxConcurrentCalls);
    }

    /** A copy with another time limit. */
    public SandboxLimits withTimeLimit(Duration timeLimit) {
        return new SandboxLimits(statementLimit, timeLimit, maxAllocatedBytes, maxStringLength, maxArrayLength,
                maxResultChars, maxIdleContexts, maxConcurrentCalls);
    }

    /** A copy with another allocation limit. */
    public SandboxLimits withMaxAllocatedBytes(long maxAllocatedBytes) {
        return new SandboxLimits(statementLimit, timeLimit, maxAllocatedBytes, maxStringLength, maxArrayLength,
                maxResultChars, maxIdleContexts, maxConcurrentCalls);
    }

    /** A copy with another string length limit. */
    public SandboxLimits withMaxStringLength(int maxStringLength) {
        return new SandboxLimits(statementLimit, timeLimit, maxAllocatedBytes, maxStringLength, maxArrayLength,
                maxResultChars, maxIdleContexts, maxConcurrentCalls);
    }

    /** A copy with another array length limit. */
    public SandboxLimits withMaxArrayLength(int maxArrayLength) {
        return new SandboxLimits(statementLimit, timeLimit, maxAllocatedBytes, maxStringLength, maxArrayLength,
                maxResultChars, maxIdleContexts, maxConcurrentCalls);
    }

    /** A copy with another result length limit. */
    public SandboxLimits withMaxResultChars(int maxResultChars) {
        return new SandboxLimits(statementLimit, timeLimit, maxAllocatedBytes, maxStringLength, maxArrayLength,
                maxResultChars, maxIdleContexts, maxConcurrentCalls);
    }

    /** A copy with another number of idle contexts kept per script. */
    public SandboxLimits withMaxIdleContexts(int maxIdleContexts) {
        return new SandboxLimits(statementLimit, timeLimit, maxAllocatedBytes, maxStringLength, maxArrayLength,
                maxResultChars, maxIdleContexts, maxConcurrentCalls);
    }

    /** A copy with another number of calls that may run at once. */
    public SandboxLimits withMaxConcurrentCalls(int maxConcurrentCalls) {
        return new SandboxLimits(statementLimit, timeLimit, maxAllocatedBytes, maxStringLength, maxArrayLength,
                maxResultChars, maxIdleContexts, maxConcurrentCalls);
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}

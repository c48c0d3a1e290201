package io.bilan.runtime.script;

/**
 * Thrown by a call made inside {@link ScriptSandbox#withoutWaiting} that would have to wait: its script has not been
 * quick lately ({@link CompiledScript#runsQuickly()}), no turn or prepared context was free, or it ran past
 * {@link ScriptSandbox#WITHOUT_WAITING_TIME_LIMIT} of CPU time and was stopped. Nothing came of the call: make it
 * again where waiting is allowed, where it runs under the sandbox's own limits.
 */
public final class WouldWaitException extends RuntimeException {

    WouldWaitException(String message) {
        super(message, null, false, false);
    }
}

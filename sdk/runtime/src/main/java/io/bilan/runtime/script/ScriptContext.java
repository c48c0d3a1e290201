package io.bilan.runtime.script;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;

/**
 * One GraalJS context prepared for one script: the realm is set up and frozen, the author's source is evaluated into
 * {@link #factory()}, and {@link #run()} scores one input. Used by one thread at a time, handed between threads by
 * the script's pool.
 */
final class ScriptContext {

    private final Context polyglot;
    private final Value factory;
    private final Value run;
    private boolean broken;
    private boolean closedByWatchdog;

    ScriptContext(Context polyglot, Value factory, Value run) {
        this.polyglot = polyglot;
        this.factory = factory;
        this.run = run;
    }

    Context polyglot() {
        return polyglot;
    }

    /** Evaluates the author's top-level code afresh and returns their {@code score} function, or undefined. */
    Value factory() {
        return factory;
    }

    /** {@code run(inputJson)}: the JSON result string, or {@code {invalidResult: message}}. */
    Value run() {
        return run;
    }

    boolean reusable() {
        return !broken;
    }

    /** A limit fired inside the context or the engine failed: it must not run another call. */
    void markBroken() {
        broken = true;
    }

    /** The watchdog cancelled the call and closes the context itself. */
    void markClosedByWatchdog() {
        broken = true;
        closedByWatchdog = true;
    }

    void close() {
        broken = true;
        if (closedByWatchdog) {
            return;
        }
        try {
            polyglot.close(true);
        } catch (RuntimeException alreadyCancelledOrClosed) {
            // a context whose statement limit fired reports that again when closed; it is closed all the same
        }
    }
}

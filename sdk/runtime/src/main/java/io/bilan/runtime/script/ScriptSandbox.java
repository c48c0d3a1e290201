package io.bilan.runtime.script;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

/**
 * Runs authors' {@code scoring.js} files in GraalJS with everything the {@link SandboxPolicy#CONSTRAINED} policy
 * demands (see {@link #POLICY}) and more: no host classes, files, network, threads, processes, environment or clock,
 * no BigInt, fresh state on every call, and the {@link SandboxLimits} enforced per call. One sandbox serves any
 * number of scripts and threads; it shares one GraalJS engine so scripts are parsed and compiled once.
 */
public final class ScriptSandbox implements AutoCloseable {

    /**
     * A factory like the ones CompiledScript builds, touching what is slow the first time in a JVM (ICU data, the
     * vocabulary that scripts read at their top level). In a holder: building a source loads the polyglot
     * implementation, which a process that never starts a sandbox (a declarative package) must not pay for.
     */
    private static final class WarmUp {
        static final Source SOURCE = Source.newBuilder("js", """
                (function () {
                  "use strict";
                  const competences = Object.keys(vocabulary.competences).map((id, i) => [id, i]);
                  const areas = Object.keys(vocabulary.riasec).map((letter) => vocabulary.riasec[letter].label.fr);
                  function score(input) {
                    const total = input.answers.reduce((sum, answer) => sum + answer, 0);
                    const taken = new Date(Date.UTC(2024, 0, 31));
                    return {
                      total,
                      vocabulary: [competences.length, areas.join()],
                      formatted: [total.toLocaleString(), taken.toLocaleString(), taken.toLocaleDateString(),
                        new Intl.DateTimeFormat("en-US", { dateStyle: "long" }).format(taken),
                        new Intl.NumberFormat("en-US", { style: "percent" }).format(0.5), "a".localeCompare("b")],
                    };
                  }
                  return score;
                })
                """, "bilan-sandbox-warm-up.js").internal(true).buildLiteral();
    }

    /**
     * The policy GraalJS checks the configuration against. {@link SandboxPolicy#CONSTRAINED} refuses the two options
     * that bound the cost of built-ins ({@code js.bigint}, {@code js.string-length-limit}), so the engine runs under
     * {@link SandboxPolicy#TRUSTED} with every restriction CONSTRAINED would demand set explicitly below (no host
     * access, IO, threads, processes, native access, environment, polyglot access; standard streams redirected);
     * {@code SandboxPolicyTest} checks that none of them can be reached.
     */
    private static final SandboxPolicy POLICY = SandboxPolicy.TRUSTED;

    private final SandboxLimits limits;
    private final Engine engine;
    private final ResourceLimits resourceLimits;
    private final Watchdog watchdog;
    private final java.util.concurrent.Semaphore turns;
    private final Set<CompiledScript> scripts = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private volatile boolean closed;

    /**
     * Creates the shared engine and warms it up by running a tiny script once, so that the first real call does not
     * pay the engine's start-up (one to a few seconds).
     */
    public ScriptSandbox(SandboxLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.engine = restrictedEngine(POLICY)
                // A built-in runs in Java between two statements, where neither the statement limit nor the
                // watchdog can stop it, so its cost must not grow without bound with its operands. BigInt
                // arithmetic and conversion do (3n ** 200000000n runs for minutes in one step), and scoring never
                // needs them. Strings built by concatenation cost nothing until a built-in copies them: the
                // length limit keeps every such copy, and every string a built-in builds, short. Both options are
                // experimental: ExpensiveBuiltInsTest fails if a GraalJS upgrade changes what they do.
                .allowExperimentalOptions(true)
                .option("js.bigint", "false")
                .option("js.string-length-limit", Integer.toString(stringLengthLimit(limits)))
                .build();
        // Only the author's code counts: the internal realm setup runs many statements of its own.
        this.resourceLimits = ResourceLimits.newBuilder()
                .statementLimit(limits.statementLimit(), source -> !source.isInternal())
                .build();
        this.watchdog = new Watchdog(limits.maxAllocatedBytes());
        this.turns = new java.util.concurrent.Semaphore(limits.maxConcurrentCalls());
        try {
            warmUp();
        } catch (RuntimeException e) {
            close();
            throw new IllegalStateException("the JavaScript engine does not work: " + e.getMessage(), e);
        }
    }

    /**
     * Compiles an author's script. The source is parsed once; a syntax error, or a script that defines no
     * {@code score} function, fails with {@link ScriptException.Kind#COMPILE} and the line and column in the
     * author's file. The script's top-level code runs once here, under the same limits as a call; if it throws or
     * breaks a limit, compiling fails with that kind.
     *
     * @param name   the file name used in messages, e.g. {@code scoring.js}
     * @param source the JavaScript source, defining {@code function score(input) { ... }}
     * @throws IllegalStateException when the sandbox is closed
     */
    public CompiledScript compile(String name, String source) throws ScriptException {
        return compile(name, source, null);
    }

    /**
     * Compiles an author's script whose calls receive their input packed as {@code layout} describes; the script
     * itself sees the unpacked object, as with {@link #compile(String, String)}.
     *
     * @param layout how {@link CompiledScript#call} input is packed, or {@code null} for plain JSON
     */
    public CompiledScript compile(String name, String source, InputLayout layout) throws ScriptException {
        return compile(List.of(), name, source, layout);
    }

    /**
     * Compiles an author's script preceded by {@code includes}, which run first, in order, in the script's scope:
     * their top-level functions and constants are the script's. An error in an included file is reported with
     * that file's name, line and column.
     *
     * @param includes the package's included files, e.g. shared helper functions
     */
    public CompiledScript compile(List<ScriptFile> includes, String name, String source, InputLayout layout)
            throws ScriptException {
        Objects.requireNonNull(includes, "includes");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        checkOpen();
        // Top-level code runs once, when a package is loaded, often on a cold engine: like fixtures, it gets the
        // load-time limit, so a busy machine does not refuse a package; the statement limit still stops loops.
        CompiledScript script;
        if (TIME_LIMIT_OVERRIDE.get() == null) {
            try {
                script = withTimeLimit(LOAD_TIME_LIMIT, () -> {
                    try {
                        return CompiledScript.compile(this, List.copyOf(includes), name, source, layout);
                    } catch (ScriptException e) {
                        throw new CompileFailure(e);
                    }
                });
            } catch (CompileFailure failure) {
                throw failure.cause;
            }
        } else {
            script = CompiledScript.compile(this, List.copyOf(includes), name, source, layout);
        }
        scripts.add(script);
        return script;
    }

    /**
     * The time limit of work done once per package rather than per call: running its top-level code when it is
     * compiled, and its fixtures. A wall-clock limit measures the machine as much as the script.
     */
    public static final java.time.Duration LOAD_TIME_LIMIT = java.time.Duration.ofSeconds(10);

    /**
     * The version of GraalJS's polyglot implementation on the class or module path (e.g. {@code 25.0.5}), read from
     * its jar without starting an engine, or {@code unknown}.
     */
    public static String graalVersion() {
        try (InputStream version = Engine.class.getResourceAsStream("/META-INF/graalvm/org.graalvm.polyglot/version")) {
            return version == null ? "unknown" : new String(version.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Carries a checked compile failure out of {@link #withTimeLimit}'s supplier. */
    private static final class CompileFailure extends RuntimeException {
        private final ScriptException cause;

        CompileFailure(ScriptException cause) {
            super(cause.getMessage(), null, false, false);
            this.cause = cause;
        }
    }

    /**
     * The time limit of calls made by this thread inside {@link #withTimeLimit}. A thread-local because a call
     * reaches the sandbox through the scoring plan, which knows nothing of why it scores.
     */
    static final ThreadLocal<Long> TIME_LIMIT_OVERRIDE = new ThreadLocal<>();

    /**
     * Runs {@code work} with another time limit for the script calls it makes on this thread. Fixtures run this
     * way: a wall-clock limit measures the machine as much as the script, and a package must not be refused
     * because a build machine was busy; the statement limit still stops endless loops, the same everywhere.
     */
    public static <T> T withTimeLimit(java.time.Duration timeLimit, java.util.function.Supplier<T> work) {
        Long previous = TIME_LIMIT_OVERRIDE.get();
        TIME_LIMIT_OVERRIDE.set(timeLimit.toNanos());
        try {
            return work.get();
        } finally {
            if (previous == null) {
                TIME_LIMIT_OVERRIDE.remove();
            } else {
                TIME_LIMIT_OVERRIDE.set(previous);
            }
        }
    }

    /**
     * The limit of a call made inside {@link #withoutWaiting}, in its thread's CPU time, when the sandbox's own time
     * limit is longer: past it the call is stopped and {@link WouldWaitException} says to make it again where waiting
     * is allowed. A thread that must never wait (an event loop) runs a script that long at most, plus the watchdog's
     * tick. CPU time rather than wall-clock time: on a busy machine the system sets threads aside for milliseconds,
     * and a wall-clock limit this short would stop quick calls for that, each stop costing a prepared context.
     */
    public static final java.time.Duration WITHOUT_WAITING_TIME_LIMIT = java.time.Duration.ofMillis(5);

    /** Set inside {@link #withoutWaiting}, for the calls made by this thread. */
    private static final ThreadLocal<Boolean> WITHOUT_WAITING = new ThreadLocal<>();

    /**
     * Runs {@code work} on a thread that must never wait, such as an event loop: the script calls it makes run only
     * when their script has been quick lately ({@link CompiledScript#runsQuickly()}) and a turn and a prepared
     * context are free at once, and they are stopped after {@link #WITHOUT_WAITING_TIME_LIMIT} of CPU time. Any of
     * these failing throws {@link WouldWaitException} out of {@code work}; the caller then does the work again on a
     * thread that may wait. Scripts are deterministic and a call changes nothing outside its context, so nothing is
     * lost.
     */
    public static <T> T withoutWaiting(java.util.function.Supplier<T> work) {
        Boolean previous = WITHOUT_WAITING.get();
        WITHOUT_WAITING.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                WITHOUT_WAITING.remove();
            }
        }
    }

    /** Whether calls made now on this thread must not wait: see {@link #withoutWaiting}. */
    static boolean callsWithoutWaiting() {
        return WITHOUT_WAITING.get() != null;
    }

    /** The time limit of a call made now on this thread. */
    java.time.Duration timeLimit() {
        Long override = TIME_LIMIT_OVERRIDE.get();
        return override == null ? limits.timeLimit() : java.time.Duration.ofNanos(override);
    }

    /** The limits every call runs under. */
    public SandboxLimits limits() {
        return limits;
    }

    /** Closes every pooled context and the engine; calls still running are cancelled. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<CompiledScript> open;
        synchronized (scripts) {
            open = List.copyOf(scripts);
            scripts.clear();
        }
        open.forEach(CompiledScript::closeIdleContexts);
        watchdog.close();
        engine.close(true);
    }

    /**
     * The longest string a script can make by any means, concatenation included: twice the longest string or result
     * the limits allow, so that a result just over its limit is still reported as such.
     */
    static int stringLengthLimit(SandboxLimits limits) {
        long longest = Math.max(limits.maxStringLength(), limits.maxResultChars());
        return (int) Math.min(Integer.MAX_VALUE - 24, 2 * longest);
    }

    /** Runs a tiny script once outside any limit, so that the engine's start-up never counts against a call. */
    private void warmUp() {
        Context context = newContext();
        try {
            Value seal = context.eval(SandboxRealm.SETUP)
                    .execute(limits.maxStringLength(), limits.maxArrayLength(), limits.maxResultChars(),
                            ScriptVocabulary.JSON_TEXT);
            seal.execute(context.eval(WarmUp.SOURCE)).execute("{\"answers\":[1,2,3]}");
        } finally {
            context.close(true);
        }
    }

    /**
     * The engine's options that every policy shares. {@code ConstrainedPolicyTest} builds an engine and a context
     * with these under {@link SandboxPolicy#CONSTRAINED}, which validates them: the explicit restrictions are at
     * least what that policy demands.
     */
    static Engine.Builder restrictedEngine(SandboxPolicy policy) {
        return Engine.newBuilder("js")
                .sandbox(policy)
                .useSystemProperties(false)
                .in(InputStream.nullInputStream())
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .option("js.load", "false")
                .option("js.print", "false")
                .option("js.graal-builtin", "false")
                .option("js.allow-eval", "false")
                .option("js.locale", "en-US")
                .option("js.unhandled-rejections", "throw");
    }

    Context newContext() {
        return restrictedContext(engine, POLICY).resourceLimits(resourceLimits).build();
    }

    /** A context's restrictions, under any policy; see {@link #restrictedEngine}. */
    static Context.Builder restrictedContext(Engine engine, SandboxPolicy policy) {
        return Context.newBuilder("js")
                .engine(engine)
                .sandbox(policy)
                .in(InputStream.nullInputStream())
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .allowHostAccess(HostAccess.CONSTRAINED)
                .allowHostClassLookup(className -> false)
                .allowHostClassLoading(false)
                .allowIO(IOAccess.NONE)
                .allowCreateThread(false)
                .allowCreateProcess(false)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowNativeAccess(false)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .allowValueSharing(false)
                .allowInnerContextOptions(false)
                .useSystemExit(false)
                .timeZone(ZoneOffset.UTC);
    }

    /**
     * Waits until {@code deadline} ({@link System#nanoTime()}) for a turn to run: at most
     * {@link SandboxLimits#maxConcurrentCalls()} calls run at once. Returns false when none came; the caller then
     * fails the call as busy.
     */
    boolean awaitTurn(long deadline) {
        return CompiledScript.awaitTurn(turns, deadline);
    }

    /** Takes a turn if one is free now, without waiting. */
    boolean tryTurn() {
        return turns.tryAcquire();
    }

    /** Ends a turn taken with {@link #awaitTurn()} or {@link #tryTurn()}. */
    void endTurn() {
        turns.release();
    }

    /** How many more calls could start now. */
    int freeTurns() {
        return turns.availablePermits();
    }

    Watchdog watchdog() {
        return watchdog;
    }

    boolean isClosed() {
        return closed;
    }

    void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the script sandbox is closed");
        }
    }
}

package io.bilan.runtime.script;

import io.bilan.runtime.script.ScriptException.Kind;
import io.bilan.runtime.script.Watchdog.Outcome;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;

/**
 * One author's scoring script, compiled once and callable from any number of threads. Each call runs in a context
 * of its own, taken from a small pool, and sees freshly initialised top-level state.
 */
public final class CompiledScript {

    // Kept on the author's first line so that line numbers stay right; columns on line 1 are shifted back.
    static final String PREFIX = "(function () { \"use strict\"; ";
    private static final String SUFFIX = "\n;return typeof score === \"function\" ? score : undefined;\n})";
    private static final long MIB = 1024 * 1024;
    private static final Object[] NO_VALUES = {};
    /** A numeric literal with the BigInt suffix, which the engine no longer knows. */
    private static final Pattern BIG_INT_LITERAL = Pattern.compile("^(?:0[xXoObB][0-9a-fA-F_]+|[0-9][0-9_]*)n\\b");

    private final ScriptSandbox sandbox;
    private final String name;
    /** The included files, then the script, as the author wrote them. */
    private final List<ScriptFile> files;
    /** The line of the wrapped source on which each of {@link #files} starts. */
    private final int[] firstLines;
    private final Source source;
    /** {@link InputLayout#unpackScript()}, or null without a layout. */
    private final Source unpack;
    private final int valueCount;
    private final Deque<ScriptContext> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private final AtomicInteger contextsCreated = new AtomicInteger();
    /** Whether the next call gets the load-time limit: see {@link #giveFirstCallTheLoadTimeLimit()}. */
    private final java.util.concurrent.atomic.AtomicBoolean firstCallAtLoadTimeLimit =
            new java.util.concurrent.atomic.AtomicBoolean();
    /** A call this long or shorter is quick: see {@link #runsQuickly()}. */
    static final long QUICK_CALL_NANOS = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(1);
    /** How many calls in a row decide whether the script runs quickly. */
    static final int QUICK_WINDOW = 1_000;
    /** How many of a window's calls may be slower than {@link #QUICK_CALL_NANOS} for the script to run quickly. */
    static final int SLOW_CALLS_ALLOWED = QUICK_WINDOW / 10;
    /** Calls counted in the current window, and those of them that were not quick. */
    private final AtomicInteger windowCalls = new AtomicInteger();
    private final AtomicInteger windowSlowCalls = new AtomicInteger();
    /** Whether the last full window's calls were quick; false until one was. */
    private volatile boolean quick;
    /** One script may take half the sandbox's turns, so a hostile one never starves the others. */
    private final java.util.concurrent.Semaphore turns;

    private CompiledScript(ScriptSandbox sandbox, List<ScriptFile> includes, String name, String text,
            InputLayout layout) {
        this.turns = new java.util.concurrent.Semaphore(Math.max(1, sandbox.limits().maxConcurrentCalls() / 2));
        this.sandbox = sandbox;
        this.name = name;
        this.unpack = layout == null ? null
                : Source.newBuilder("js", layout.unpackScript(), "bilan-input-layout.js").internal(true).cached(true)
                        .buildLiteral();
        this.valueCount = layout == null ? 0 : layout.valueCount();
        List<ScriptFile> all = new ArrayList<>(includes);
        all.add(new ScriptFile(name, text));
        this.files = List.copyOf(all);
        this.firstLines = new int[files.size()];
        // Each file ends with a line break of its own, so the next one starts on a fresh line.
        StringBuilder wrapped = new StringBuilder(PREFIX);
        int line = 1;
        for (int i = 0; i < files.size(); i++) {
            firstLines[i] = line;
            String fileText = files.get(i).text();
            wrapped.append(fileText);
            if (i < files.size() - 1) {
                wrapped.append('\n');
                line += (int) fileText.chars().filter(c -> c == '\n').count() + 1;
            }
        }
        this.source = Source.newBuilder("js", wrapped.append(SUFFIX).toString(), name).cached(true).buildLiteral();
    }

    static CompiledScript compile(ScriptSandbox sandbox, List<ScriptFile> includes, String name, String text,
            InputLayout layout) throws ScriptException {
        CompiledScript script = new CompiledScript(sandbox, includes, name, text, layout);
        // Each file is parsed on its own first so that no text can close the wrapper function and run outside it.
        List<Source> alone = script.files.stream()
                .map(file -> Source.newBuilder("js", file.text(), file.name()).cached(false).buildLiteral())
                .toList();
        ScriptContext first = script.open(alone);
        try {
            if (!script.execute(first, first.factory()).canExecute()) {
                throw new ScriptException(Kind.COMPILE, name,
                        "the script does not define a function score(input); add one, e.g. function score(input) { return {}; }");
            }
        } finally {
            script.release(first);
        }
        return script;
    }

    /** The name the script was compiled under, e.g. {@code scoring.js}. */
    public String name() {
        return name;
    }

    /**
     * Runs {@code score(JSON.parse(inputJson))} with fresh top-level state and returns {@code JSON.stringify} of the
     * result, or {@code "{}"} when {@code score} returns undefined.
     *
     * @throws ScriptException       when the script throws, breaks a {@link SandboxLimits limit} or returns something
     *                               other than a plain object
     * @throws IllegalStateException when the sandbox is closed
     */
    public String call(String inputJson) throws ScriptException {
        return call(inputJson, NO_VALUES);
    }

    /**
     * Like {@link #call(String)} for a script compiled with an {@link InputLayout}: {@code inputJson} holds the
     * input's other members, {@code values} the answers and scale fields in layout order.
     *
     * @throws IllegalArgumentException when the number of values does not fit the layout
     * @throws WouldWaitException       inside {@link ScriptSandbox#withoutWaiting}, when the call would have to wait
     */
    public String call(String inputJson, Object... values) throws ScriptException {
        Objects.requireNonNull(inputJson, "inputJson");
        if (values.length != valueCount) {
            throw new IllegalArgumentException(name + " takes " + valueCount + " packed values, not " + values.length);
        }
        Object[] arguments = new Object[values.length + 1];
        arguments[0] = inputJson;
        System.arraycopy(values, 0, arguments, 1, values.length);
        boolean withoutWaiting = ScriptSandbox.callsWithoutWaiting();
        if (withoutWaiting && !runsQuickly()) {
            throw new WouldWaitException(name + " has not been quick lately");
        }
        boolean atLoadTimeLimit = !withoutWaiting && firstCallAtLoadTimeLimit.getAndSet(false)
                && ScriptSandbox.TIME_LIMIT_OVERRIDE.get() == null;
        if (atLoadTimeLimit) {
            ScriptSandbox.TIME_LIMIT_OVERRIDE.set(ScriptSandbox.LOAD_TIME_LIMIT.toNanos());
        }
        try {
            ScriptContext context = borrow(withoutWaiting);
            try {
                long start = System.nanoTime();
                Value result;
                try {
                    result = withoutWaiting ? executeWithoutWaiting(context, context.run(), arguments)
                            : execute(context, context.run(), arguments);
                } catch (ScriptException e) {
                    counted(System.nanoTime() - start);
                    throw e;
                }
                counted(System.nanoTime() - start);
                if (result.isString()) {
                    return result.asString();
                }
                throw new ScriptException(Kind.INVALID_RESULT, name, result.getMember("invalidResult").asString());
            } finally {
                release(context);
            }
        } finally {
            if (atLoadTimeLimit) {
                ScriptSandbox.TIME_LIMIT_OVERRIDE.remove();
            }
        }
    }

    /**
     * Gives the next call the load-time limit ({@link ScriptSandbox#LOAD_TIME_LIMIT}) instead of the sandbox's, as
     * the top-level code and the fixtures have: for a script loaded without running its fixtures (they passed
     * under this very runtime before), whose first call then runs code GraalJS has not run yet, often just after
     * the engine started. The statement and memory limits hold as for any call.
     */
    public void giveFirstCallTheLoadTimeLimit() {
        firstCallAtLoadTimeLimit.set(true);
    }

    /**
     * Whether this script's calls have been quick lately: at most {@link #SLOW_CALLS_ALLOWED} of the last
     * {@link #QUICK_WINDOW} took longer than {@link #QUICK_CALL_NANOS}, and none made inside
     * {@link ScriptSandbox#withoutWaiting} was stopped since. Only such a script is called without waiting; a new one
     * is not, until a thousand calls made where waiting is allowed have shown how long its calls take. The counts are
     * shared by every thread without a lock, so a window may miss a few calls at its end.
     */
    public boolean runsQuickly() {
        return quick && !firstCallAtLoadTimeLimit.get();
    }

    /** Counts a call that ran for {@code nanos}, and closes the window when it is full. */
    private void counted(long nanos) {
        if (nanos > QUICK_CALL_NANOS) {
            windowSlowCalls.incrementAndGet();
        }
        if (windowCalls.incrementAndGet() == QUICK_WINDOW) {
            quick = windowSlowCalls.getAndSet(0) <= SLOW_CALLS_ALLOWED;
            windowCalls.addAndGet(-QUICK_WINDOW);
        }
    }

    /** A call made without waiting was stopped: the script is called where waiting is allowed for a window at least. */
    private void notQuick() {
        quick = false;
        windowSlowCalls.set(0);
        windowCalls.set(0);
    }

    /** How many contexts this script has created so far, for tests of the pool. */
    int contextsCreated() {
        return contextsCreated.get();
    }

    int idleContexts() {
        return idleCount.get();
    }

    void closeIdleContexts() {
        for (ScriptContext context = idle.pollFirst(); context != null; context = idle.pollFirst()) {
            idleCount.decrementAndGet();
            context.close();
        }
    }

    private ScriptContext borrow(boolean withoutWaiting) throws ScriptException {
        sandbox.checkOpen();
        ScriptContext context = idle.pollFirst();
        if (context == null) {
            if (withoutWaiting) {
                // Preparing a context takes tens of milliseconds.
                throw new WouldWaitException(name + " has no prepared context free");
            }
            return open(List.of());
        }
        idleCount.decrementAndGet();
        return context;
    }

    private void release(ScriptContext context) {
        if (context.reusable() && !sandbox.isClosed()) {
            if (idleCount.incrementAndGet() <= sandbox.limits().maxIdleContexts()) {
                idle.offerFirst(context);
                return;
            }
            idleCount.decrementAndGet();
        }
        context.close();
    }

    /** A new context with the realm set up and the script evaluated; {@code authorsFiles} are syntax-checked first. */
    private ScriptContext open(List<Source> authorsFiles) throws ScriptException {
        SandboxLimits limits = sandbox.limits();
        Context polyglot = sandbox.newContext();
        try {
            Value seal = polyglot.eval(SandboxRealm.SETUP)
                    .execute(limits.maxStringLength(), limits.maxArrayLength(), limits.maxResultChars(),
                            ScriptVocabulary.JSON_TEXT);
            for (Source authorsFile : authorsFiles) {
                polyglot.parse(authorsFile);
            }
            Value factory = polyglot.eval(source);
            Value run = seal.execute(factory, unpack == null ? null : polyglot.eval(unpack));
            contextsCreated.incrementAndGet();
            return new ScriptContext(polyglot, factory, run);
        } catch (PolyglotException e) {
            closeQuietly(polyglot);
            if (e.isSyntaxError()) {
                throw syntaxError(e);
            }
            sandbox.checkOpen();
            throw new IllegalStateException(name + ": could not prepare a JavaScript context: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(polyglot);
            throw e;
        }
    }

    private Value execute(ScriptContext context, Value function, Object... arguments) throws ScriptException {
        long timeLimit = sandbox.timeLimit().toNanos();
        long deadline = System.nanoTime() + timeLimit;
        if (!awaitTurn(turns, deadline)) {
            throw busy("this script");
        }
        try {
            if (!sandbox.awaitTurn(deadline)) {
                throw busy("the sandbox");
            }
            try {
                return executeInTurn(context, function, timeLimit, -1, arguments);
            } finally {
                sandbox.endTurn();
            }
        } finally {
            turns.release();
        }
    }

    /**
     * {@link #execute} when a turn is free at once, under the shorter of the two limits; see
     * {@link ScriptSandbox#withoutWaiting}.
     */
    private Value executeWithoutWaiting(ScriptContext context, Value function, Object... arguments)
            throws ScriptException {
        if (!turns.tryAcquire()) {
            throw new WouldWaitException(name + " has no turn free");
        }
        try {
            if (!sandbox.tryTurn()) {
                throw new WouldWaitException("the sandbox has no turn free");
            }
            try {
                long ownLimit = sandbox.timeLimit().toNanos();
                long shortLimit = ScriptSandbox.WITHOUT_WAITING_TIME_LIMIT.toNanos();
                // The short limit counts the thread's CPU time: on a busy machine a thread set aside for a few
                // milliseconds in the middle of a quick call has not run the script meanwhile.
                return executeInTurn(context, function, ownLimit, shortLimit < ownLimit ? shortLimit : -1, arguments);
            } finally {
                sandbox.endTurn();
            }
        } finally {
            turns.release();
        }
    }

    static boolean awaitTurn(java.util.concurrent.Semaphore turns, long deadline) {
        try {
            return turns.tryAcquire(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private ScriptException busy(String whose) {
        return failedAt(Kind.BUSY, null, "no turn to run came within " + sandbox.timeLimit().toMillis()
                + " ms: more calls wanted to run at once than " + whose + " may run (the sandbox runs "
                + sandbox.limits().maxConcurrentCalls() + ", one script half of them); try again");
    }

    /**
     * Runs the call under the watchdog: {@code timeLimitNanos} of wall-clock time and, when positive, the short limit
     * of a call made without waiting ({@link Watchdog#watch}), past which it must be made again where waiting is
     * allowed.
     */
    private Value executeInTurn(ScriptContext context, Value function, long timeLimitNanos, long shortLimitNanos,
            Object... arguments) throws ScriptException {
        context.polyglot().resetLimits();
        Watchdog.Watch watch = sandbox.watchdog().watch(context.polyglot(), timeLimitNanos, shortLimitNanos);
        Value result;
        try {
            result = function.execute(arguments);
        } catch (PolyglotException e) {
            Outcome outcome = watch.finish();
            if (outcome != Outcome.FINISHED) {
                throw limitBroken(context, watch, outcome, e);
            }
            throw failure(context, e);
        } catch (RuntimeException e) {
            watch.finish();
            context.markBroken();
            throw e;
        }
        Outcome outcome = watch.finish();
        if (outcome != Outcome.FINISHED) {
            throw limitBroken(context, watch, outcome, null);
        }
        return result;
    }

    private ScriptException limitBroken(ScriptContext context, Watchdog.Watch watch, Outcome outcome,
            PolyglotException e) {
        if (watch.cancelledByWatchdog()) {
            context.markClosedByWatchdog();
        }
        if (outcome == Outcome.SHORT_LIMIT) {
            notQuick();
            throw new WouldWaitException(name + " ran past " + ScriptSandbox.WITHOUT_WAITING_TIME_LIMIT.toMillis()
                    + " ms, the limit of a call made without waiting");
        }
        SourceSection at = e == null ? null : authorLocation(e);
        SandboxLimits limits = sandbox.limits();
        return outcome == Outcome.TIME_LIMIT
                ? failedAt(Kind.TIME_LIMIT, at,
                        "the call exceeded the time limit of " + sandbox.timeLimit().toMillis() + " ms")
                : failedAt(Kind.MEMORY_LIMIT, at,
                        "the call allocated more than " + bytes(limits.maxAllocatedBytes()) + ", the memory limit");
    }

    private ScriptException failure(ScriptContext context, PolyglotException e) {
        if (e.isCancelled() || e.isResourceExhausted() || e.isInternalError() || e.isExit()) {
            context.markBroken();
        }
        String message = e.getMessage() == null ? "Error" : e.getMessage();
        SourceSection at = authorLocation(e);
        if (e.isResourceExhausted()) {
            if (e.isCancelled()) {
                return failedAt(Kind.STATEMENT_LIMIT, at, "the call exceeded the limit of "
                        + sandbox.limits().statementLimit() + " statements; is there an endless loop?");
            }
            if (message.contains("StackOverflow")) {
                return failedAt(Kind.STACK_OVERFLOW, at, "the call nested too many function calls; is there unbounded recursion?");
            }
            return failedAt(Kind.MEMORY_LIMIT, at, "the call ran out of memory (" + message + ")");
        }
        if (e.isCancelled()) {
            sandbox.checkOpen();
            return failedAt(Kind.RUNTIME, at, "the call was cancelled");
        }
        if (e.isInternalError()) {
            ScriptException internal = failedAt(Kind.RUNTIME, at, "internal error of the JavaScript engine: " + message);
            internal.initCause(e);
            return internal;
        }
        if (message.equals("RangeError: Maximum call stack size exceeded")) {
            return failedAt(Kind.STACK_OVERFLOW, at, message + "; is there unbounded recursion?");
        }
        if (message.startsWith("RangeError: ")
                && (message.contains(SandboxRealm.LIMIT_MARKER) || message.contains("Invalid string length"))) {
            return failedAt(Kind.MEMORY_LIMIT, at, "the call exceeded the memory limit: " + message);
        }
        return failedAt(Kind.RUNTIME, at, message);
    }

    private ScriptException syntaxError(PolyglotException e) {
        String message = e.getMessage() == null ? "SyntaxError" : e.getMessage().lines().findFirst().orElse("SyntaxError");
        // GraalJS repeats the position (0-based column) in the message; the exception carries it as well.
        message = message.replaceFirst("^(SyntaxError: )?" + Pattern.quote(name) + ":\\d+:\\d+ ", "SyntaxError: ");
        SourceSection at = e.getSourceLocation();
        if (at != null && at.isAvailable() && startsWithBigInt(at)) {
            message = "BigInt is not available to scoring scripts: its arithmetic has no bound on time or memory; "
                    + "use numbers (exact integers up to 2^53)";
        }
        if (at != null && at.getSource().equals(source)) {
            return failedAt(Kind.COMPILE, at, message);
        }
        return new ScriptException(Kind.COMPILE, at != null ? at.getSource().getName() : name,
                at != null && at.hasLines() ? at.getStartLine() : -1,
                at != null && at.hasColumns() ? at.getStartColumn() : -1, message);
    }

    /** Whether a syntax error is at a BigInt literal such as {@code 3n}, or just after its digits. */
    private static boolean startsWithBigInt(SourceSection at) {
        CharSequence text = at.getSource().getCharacters();
        int start = at.getCharIndex();
        while (start > 0 && Character.isLetterOrDigit(text.charAt(start - 1))) {
            start--;
        }
        return BIG_INT_LITERAL.matcher(text.subSequence(start, Math.min(text.length(), start + 200))).lookingAt();
    }

    /** Where in the author's file the error happened: the innermost frame of their code, if any. */
    private SourceSection authorLocation(PolyglotException e) {
        for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
            SourceSection at = frame.getSourceLocation();
            if (frame.isGuestFrame() && at != null && at.getSource().equals(source)) {
                return at;
            }
        }
        SourceSection at = e.getSourceLocation();
        return at != null && at.getSource().equals(source) ? at : null;
    }

    /** An exception at a section of the wrapped source, mapped back to the author's file, line and column. */
    private ScriptException failedAt(Kind kind, SourceSection at, String detail) {
        if (at == null || !at.hasLines()) {
            return new ScriptException(kind, name, detail);
        }
        int line = at.getStartLine();
        int column = at.hasColumns() ? at.getStartColumn() : -1;
        if (line == 1 && column > 0) {
            column = Math.max(1, column - PREFIX.length());
        }
        int file = files.size() - 1;
        while (file > 0 && firstLines[file] > line) {
            file--;
        }
        return new ScriptException(kind, files.get(file).name(), line - firstLines[file] + 1, column, detail);
    }

    private static String bytes(long count) {
        return count % MIB == 0 ? count / MIB + " MiB" : count + " bytes";
    }

    private static void closeQuietly(Context polyglot) {
        try {
            polyglot.close(true);
        } catch (RuntimeException alreadyClosed) {
            // nothing more to release
        }
    }
}

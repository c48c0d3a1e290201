package io.bilan.runtime.script;

/**
 * A scoring script could not be compiled, or one call of it failed. The message is a sentence for the script's
 * author, starting with the file name and, when known, the line and column in that file, e.g.
 * {@code scoring.js:12:5: TypeError: Cannot read property 'x' of undefined}.
 */
public final class ScriptException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** The script has a syntax error or does not define a {@code score} function. */
        COMPILE,
        /** The script threw an error. */
        RUNTIME,
        /** The call took longer than the time limit. */
        TIME_LIMIT,
        /** The call executed more statements than the statement limit. */
        STATEMENT_LIMIT,
        /** The call allocated too much memory or tried to build a too long string or array. */
        MEMORY_LIMIT,
        /** The call nested too many function calls, usually through unbounded recursion. */
        STACK_OVERFLOW,
        /** {@code score} returned something other than a plain object that fits in the result limit. */
        INVALID_RESULT,
        /** No turn to run came within the time limit: more calls wanted to run than the sandbox lets run at once. */
        BUSY
    }

    private final Kind kind;
    private final String scriptName;
    private final int line;
    private final int column;

    ScriptException(Kind kind, String scriptName, int line, int column, String detail) {
        super(location(scriptName, line, column) + ": " + detail);
        this.kind = kind;
        this.scriptName = scriptName;
        this.line = line;
        this.column = line > 0 ? column : -1;
    }

    ScriptException(Kind kind, String scriptName, String detail) {
        this(kind, scriptName, -1, -1, detail);
    }

    /** What went wrong. */
    public Kind kind() {
        return kind;
    }

    /** The name the script was compiled under, e.g. {@code scoring.js}. */
    public String scriptName() {
        return scriptName;
    }

    /** The 1-based line in the author's file where it went wrong, or -1 when unknown. */
    public int line() {
        return line;
    }

    /** The 1-based column in the author's file where it went wrong, or -1 when unknown. */
    public int column() {
        return column;
    }

    private static String location(String scriptName, int line, int column) {
        if (line <= 0) {
            return scriptName;
        }
        return column > 0 ? scriptName + ":" + line + ":" + column : scriptName + ":" + line;
    }
}

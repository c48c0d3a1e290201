package io.bilan.runtime.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bilan.runtime.script.ScriptException.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compiling checks the syntax and that a {@code score} function exists; every error points at the line and column
 * in the author's own file, although the sandbox wraps the source before running it.
 */
class CompileTest {

    private static ScriptSandbox sandbox;

    @BeforeAll
    static void startSandbox() {
        sandbox = new ScriptSandbox(SandboxLimits.defaults());
    }

    @AfterAll
    static void closeSandbox() {
        sandbox.close();
    }

    @Test
    void aCompiledScriptKeepsItsName() throws ScriptException {
        assertEquals("phq9.js", sandbox.compile("phq9.js", "function score() { return {}; }").name());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            const huge = 3n ** 200000000n;                    | 1 | 15
            function score(input) { return { a: 0x1Fn }; }   | 1 | 41
            """)
    void aBigIntLiteralIsRefusedWhereItIsWritten(String source, int line, int column) {
        ScriptException failure = org.junit.jupiter.api.Assertions.assertThrows(ScriptException.class,
                () -> sandbox.compile("scoring.js", source + "\nfunction score() { return {}; }"));

        assertEquals(Kind.COMPILE, failure.kind());
        assertEquals("scoring.js:" + line + ":" + column + ": BigInt is not available to scoring scripts: its arithmetic "
                + "has no bound on time or memory; use numbers (exact integers up to 2^53)", failure.getMessage());
    }

    @Test
    void aSyntaxErrorReportsTheLineAndColumnInTheAuthorsFile() {
        ScriptException failure = assertThrows(ScriptException.class,
                () -> sandbox.compile("scoring.js", TestScripts.read("syntax-error.js")));

        assertEquals(Kind.COMPILE, failure.kind());
        assertEquals("scoring.js", failure.scriptName());
        assertEquals(4, failure.line());
        assertEquals(26, failure.column());
        assertEquals("scoring.js:4:26: SyntaxError: Expected an operand but found *", failure.getMessage());
    }

    @Test
    void aSyntaxErrorOnTheFirstLineIsNotShiftedByTheWrapper() {
        ScriptException failure = assertThrows(ScriptException.class,
                () -> sandbox.compile("scoring.js", "function score(input) { return { a: 1 +* 2 }; }"));

        assertEquals(Kind.COMPILE, failure.kind());
        assertEquals(1, failure.line());
        assertEquals(40, failure.column());
    }

    @Test
    void scriptsRunInStrictModeAndStrictModeErrorsPointAtTheAuthorsColumn() {
        ScriptException failure = assertThrows(ScriptException.class,
                () -> sandbox.compile("scoring.js", "function score(input) { with (input) { return {}; } }"));

        assertEquals(Kind.COMPILE, failure.kind());
        assertEquals("scoring.js:1:25: SyntaxError: \"with\" statement cannot be used in strict mode",
                failure.getMessage());
    }

    @Test
    void aRuntimeErrorReportsTheLineAndColumnInTheAuthorsFile() throws ScriptException {
        CompiledScript script = sandbox.compile("scoring.js", TestScripts.read("runtime-error.js"));

        ScriptException failure = assertThrows(ScriptException.class, () -> script.call("{\"answers\":[1,2]}"));

        assertEquals(Kind.RUNTIME, failure.kind());
        assertEquals("scoring.js:6:17: TypeError: Cannot read property 'length' of undefined", failure.getMessage());
    }

    @Test
    void aRuntimeErrorOnTheFirstLineIsNotShiftedByTheWrapper() throws ScriptException {
        CompiledScript script = sandbox.compile("scoring.js",
                "function score(input) { return { v: input.missing.value }; }");

        ScriptException failure = assertThrows(ScriptException.class, () -> script.call("{}"));

        assertEquals(1, failure.line());
        assertEquals(37, failure.column());
    }

    @Test
    void aScriptWithoutAScoreFunctionDoesNotCompile() {
        ScriptException failure = assertThrows(ScriptException.class,
                () -> sandbox.compile("scoring.js", "function grade(input) { return {}; }\nconst score = 3;"));

        assertEquals(Kind.COMPILE, failure.kind());
        assertEquals(-1, failure.line());
        assertEquals("scoring.js: the script does not define a function score(input); add one, e.g. "
                + "function score(input) { return {}; }", failure.getMessage());
    }

    @Test
    void scoreMayBeAFunctionExpressionOrArrowFunction() throws ScriptException {
        CompiledScript arrow = sandbox.compile("scoring.js", "const score = (input) => ({ sum: input.a + input.b });");

        assertEquals("{\"sum\":3}", arrow.call("{\"a\":1,\"b\":2}"));
    }

    @Test
    void theSourceCannotBreakOutOfTheWrapperFunction() {
        ScriptException failure = assertThrows(ScriptException.class, () -> sandbox.compile("scoring.js",
                "}); Object.prototype.leak = 1; (function () {\nfunction score() { return {}; }"));

        assertEquals(Kind.COMPILE, failure.kind());
        assertEquals(1, failure.line());
        assertEquals(1, failure.column());
    }

    @Test
    void aTopLevelReturnIsASyntaxErrorAsInAnyScript() {
        ScriptException failure = assertThrows(ScriptException.class,
                () -> sandbox.compile("scoring.js", "function score() { return {}; }\nreturn score;"));

        assertEquals(Kind.COMPILE, failure.kind());
        assertEquals(2, failure.line());
    }

    @Test
    void anErrorInTopLevelCodeFailsTheCompilation() {
        ScriptException failure = assertThrows(ScriptException.class,
                () -> sandbox.compile("scoring.js", "const norms = undefined.table;\nfunction score() { return {}; }"));

        assertEquals(Kind.RUNTIME, failure.kind());
        assertEquals(1, failure.line());
        assertEquals(15, failure.column());
    }
}

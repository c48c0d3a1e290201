package io.bilan.runtime.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bilan.runtime.script.ScriptException.Kind;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Included files run before the script, in order, in its scope; an error is reported in the file, at the line and
 * column where it is, whether it is in an included file or in the script after them.
 */
class IncludedFilesTest {

    private static final ScriptFile HELPERS = new ScriptFile("shared/helpers.js", """
            const TWICE = 2;
            function double(x) {
              if (x < 0) throw new RangeError("negative");
              return TWICE * x;
            }
            """);
    private static final ScriptFile MORE = new ScriptFile("shared/more.js", "function quadruple(x) { return double(double(x)); }");
    private static final String SCRIPT = """
            function score(input) {
              return { result: quadruple(input.x), missing: input.y.z };
            }
            """;

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
    void includedFunctionsAreTheScripts() throws ScriptException {
        CompiledScript script = sandbox.compile(List.of(HELPERS, MORE), "scoring.js", SCRIPT, null);

        assertEquals("{\"result\":12,\"missing\":1}", script.call("{\"x\":3,\"y\":{\"z\":1}}"));
    }

    @Test
    void anErrorInAnIncludedFileIsReportedThere() throws ScriptException {
        CompiledScript script = sandbox.compile(List.of(HELPERS, MORE), "scoring.js", SCRIPT, null);

        ScriptException failure = assertThrows(ScriptException.class, () -> script.call("{\"x\":-1,\"y\":{}}"));

        assertEquals(Kind.RUNTIME, failure.kind());
        assertEquals("shared/helpers.js", failure.scriptName());
        assertEquals(3, failure.line());
    }

    @Test
    void anErrorInTheScriptKeepsItsOwnLine() throws ScriptException {
        CompiledScript script = sandbox.compile(List.of(HELPERS, MORE), "scoring.js", SCRIPT, null);

        ScriptException failure = assertThrows(ScriptException.class, () -> script.call("{\"x\":1}"));

        assertEquals("scoring.js", failure.scriptName());
        assertEquals(2, failure.line());
    }

    @Test
    void aSyntaxErrorInAnIncludedFileNamesIt() {
        ScriptFile broken = new ScriptFile("shared/broken.js", "const A = 1;\nfunction (x) {}\n");

        ScriptException failure = assertThrows(ScriptException.class,
                () -> sandbox.compile(List.of(HELPERS, broken), "scoring.js", SCRIPT, null));

        assertEquals(Kind.COMPILE, failure.kind());
        assertEquals("shared/broken.js", failure.scriptName());
        assertEquals(2, failure.line());
    }

    @Test
    void anIncludedFileCannotCloseTheWrapperToRunOutsideIt() {
        ScriptFile escape = new ScriptFile("shared/escape.js", "})(); (function () {");

        assertEquals(Kind.COMPILE, assertThrows(ScriptException.class,
                () -> sandbox.compile(List.of(escape), "scoring.js", SCRIPT, null)).kind());
    }
}

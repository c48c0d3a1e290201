package io.bilan.runtime.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bilan.runtime.script.ScriptException.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code score} returns a plain object, which the caller receives as JSON text; anything else is invalid. */
class ResultTest {

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
    void aPlainObjectComesBackAsJson() throws ScriptException {
        CompiledScript script = sandbox.compile("scoring.js", """
                function score(input) {
                  return { total: input.answers.length, label: "élevé", nested: { list: [1, null, true] }, skipped: undefined };
                }
                """);

        assertEquals("{\"total\":2,\"label\":\"élevé\",\"nested\":{\"list\":[1,null,true]}}",
                script.call("{\"answers\":[3,4]}"));
    }

    @Test
    void returningNothingGivesAnEmptyObject() throws ScriptException {
        assertEquals("{}", sandbox.compile("scoring.js", "function score(input) {}").call("{}"));
    }

    @Test
    void anObjectWithoutPrototypeIsPlainToo() throws ScriptException {
        CompiledScript script = sandbox.compile("scoring.js",
                "function score() { const result = Object.create(null); result.a = 1; return result; }");

        assertEquals("{\"a\":1}", script.call("{}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            42                                | score(input) must return a plain object, but it returned a value of type number
            [1, 2]                            | score(input) must return a plain object, but it returned an array
            null                              | score(input) must return a plain object, but it returned null
            "total"                           | score(input) must return a plain object, but it returned a value of type string
            new Map()                         | score(input) must return a plain object, but it returned an instance of Map
            Promise.resolve({})               | score(input) must return a plain object, but it returned an instance of Promise
            { toJSON() { return 5; } }        | score(input) must return a plain object, but its toJSON() returned something else
            { f: { toJSON() { throw 7; } } }  | the result cannot be converted to JSON: 7
            """)
    void anythingButAPlainObjectIsAnInvalidResult(String returned, String problem) throws ScriptException {
        CompiledScript script = sandbox.compile("scoring.js", "function score(input) { return " + returned + "; }");

        ScriptException failure = assertThrows(ScriptException.class, () -> script.call("{}"));

        assertEquals(Kind.INVALID_RESULT, failure.kind());
        assertEquals("scoring.js: " + problem, failure.getMessage());
    }

    @Test
    void aCircularResultIsInvalid() throws ScriptException {
        CompiledScript script = sandbox.compile("scoring.js",
                "function score() { const result = {}; result.self = result; return result; }");

        ScriptException failure = assertThrows(ScriptException.class, () -> script.call("{}"));

        assertEquals(Kind.INVALID_RESULT, failure.kind());
        assertEquals("scoring.js: the result cannot be converted to JSON: TypeError: Converting circular structure to JSON",
                failure.getMessage());
    }

    @Test
    void anAsyncScoreFunctionIsRejectedBecauseItReturnsAPromise() throws ScriptException {
        CompiledScript script = sandbox.compile("scoring.js", "async function score(input) { return { a: 1 }; }");

        assertEquals(Kind.INVALID_RESULT, assertThrows(ScriptException.class, () -> script.call("{}")).kind());
    }

    @Test
    void inputThatIsNotJsonFailsTheCall() throws ScriptException {
        CompiledScript script = sandbox.compile("scoring.js", "function score(input) { return {}; }");

        ScriptException failure = assertThrows(ScriptException.class, () -> script.call("{answers:"));

        assertEquals(Kind.RUNTIME, failure.kind());
        assertEquals(-1, failure.line());
    }
}

package io.bilan.runtime.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.runtime.script.ScriptException.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same input always gives the same result: randomness and the clock are unavailable, the time zone is UTC and
 * the locale is en-US whatever the machine says.
 */
class DeterminismTest {

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
    void theSameInputTwiceGivesIdenticalOutput() throws ScriptException {
        CompiledScript script = sandbox.compile("scoring.js", TestScripts.read("sixty-items.js"));
        String input = "{\"answers\":[" + "0,1,2,3,4,".repeat(11) + "0,1,2,3,4]}";

        String first = script.call(input);
        String second = script.call(input);

        assertEquals(first, second);
        assertEquals("{\"scales\":{\"anxiety\":24,\"mood\":20,\"sleep\":16,\"energy\":20,\"focus\":22,\"social\":18},"
                + "\"total\":120}", first);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Math.random()", "Date.now()", "new Date()", "Date()", "new Intl.DateTimeFormat().format()",
        "new Intl.DateTimeFormat().formatToParts()"})
    void randomnessAndTheClockThrowBecauseScoringMustBeDeterministic(String expression) throws ScriptException {
        CompiledScript script = sandbox.compile("scoring.js",
                "function score(input) {\n  return { value: String(" + expression + ") };\n}\n");

        ScriptException failure = assertThrows(ScriptException.class, () -> script.call("{}"));

        assertEquals(Kind.RUNTIME, failure.kind());
        assertTrue(failure.getMessage().startsWith("scoring.js:2:"), failure.getMessage());
        assertTrue(failure.getMessage().contains("is unavailable because scoring must be deterministic"),
                failure.getMessage());
    }

    @Test
    void explicitDatesStayAvailableInUtcAndEnglish() throws ScriptException {
        CompiledScript script = sandbox.compile("scoring.js", """
                function score(input) {
                  const taken = new Date(input.taken);
                  return {
                    iso: taken.toISOString(),
                    hour: taken.getHours(),
                    local: taken.toLocaleDateString(),
                    ageInDays: Math.floor((taken - new Date(Date.UTC(2024, 0, 1))) / 86400000),
                    number: (1234.5).toLocaleString(),
                    isDate: taken instanceof Date,
                  };
                }
                """);

        assertEquals("{\"iso\":\"2024-01-31T23:30:00.000Z\",\"hour\":23,\"local\":\"1/31/2024\",\"ageInDays\":30,"
                + "\"number\":\"1,234.5\",\"isDate\":true}", script.call("{\"taken\":\"2024-01-31T23:30:00Z\"}"));
    }
}

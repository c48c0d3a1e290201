package io.bilan.runtime.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A script compiled with an {@link InputLayout} sees the same input as if it had been passed as one JSON text:
 * absent values are absent members, JSON values are parsed, keys arrive exactly as written whatever they contain.
 */
class InputLayoutTest {

    /** Echoes its input, with which members are present, so that an absent member differs from a null one. */
    private static final String ECHO = """
            function score(input) {
              return { input, answerKeys: Object.keys(input.answers), scaleKeys: Object.keys(input.scales.R) };
            }
            """;

    private static ScriptSandbox sandbox;

    @BeforeAll
    static void startSandbox() {
        // Not a test of the time limit: a busy machine must not fail it for being slow.
        sandbox = new ScriptSandbox(SandboxLimits.defaults().withTimeLimit(java.time.Duration.ofSeconds(10)));
    }

    @AfterAll
    static void closeSandbox() {
        sandbox.close();
    }

    @Test
    void answersAndScaleFieldsArriveAsMembersAndAbsentValuesAreLeftOut() throws ScriptException {
        InputLayout layout = new InputLayout(List.of("q1", "q2", "rank", "q4"), Set.of("rank"), List.of("R", "I"),
                List.of("raw", "norm", "status"), Set.of("norm"));
        CompiledScript script = sandbox.compile("echo.js", ECHO, layout);

        String result = script.call("{\"instrument\":{\"id\":\"x\",\"version\":\"1.0.0\"},\"durationSeconds\":90}",
                3, null, "[\"b\",\"a\"]", "text",
                12.5, "{\"t\":55}", "ok",
                null, null, "missing");

        assertEquals("{\"input\":{\"instrument\":{\"id\":\"x\",\"version\":\"1.0.0\"},\"durationSeconds\":90,"
                + "\"answers\":{\"q1\":3,\"rank\":[\"b\",\"a\"],\"q4\":\"text\"},"
                + "\"scales\":{\"R\":{\"raw\":12.5,\"norm\":{\"t\":55},\"status\":\"ok\"},\"I\":{\"status\":\"missing\"}}},"
                + "\"answerKeys\":[\"q1\",\"rank\",\"q4\"],\"scaleKeys\":[\"raw\",\"norm\",\"status\"]}", result);
    }

    @Test
    void keysThatLookLikeCodeAreOnlyKeys() throws ScriptException {
        String hostile = "a\"]; throw new Error(\"out\"); //\u2028\\";
        InputLayout layout = new InputLayout(List.of(hostile, "é"), Set.of(), List.of("R"), List.of("})(raw"),
                Set.of());
        CompiledScript script = sandbox.compile("echo.js",
                "function score(input) { return { answers: Object.keys(input.answers), "
                        + "field: Object.keys(input.scales.R)[0], first: input.answers[Object.keys(input.answers)[0]] }; }",
                layout);

        String result = script.call("{}", 1, 2, 3);

        assertEquals("{\"answers\":[\"a\\\"]; throw new Error(\\\"out\\\"); //\u2028\\\\\",\"é\"],\"field\":\"})(raw\","
                + "\"first\":1}", result);
    }

    @Test
    void keysAreWrittenWithOnlyLettersDigitsUnderscoreAndHyphenUnescaped() {
        assertEquals("\"r01_a-b\"", InputLayout.literal("r01_a-b"));
        assertEquals("\"a\\u0022\\u005c\\u2028\\u00e9\"", InputLayout.literal("a\"\\\u2028é"));
    }

    @Test
    void aJsonValueThatIsNotJsonFailsTheCall() throws ScriptException {
        InputLayout layout = new InputLayout(List.of("rank"), Set.of("rank"), List.of(), List.of(), Set.of());
        CompiledScript script = sandbox.compile("echo.js", "function score(input) { return {}; }", layout);

        ScriptException failure = assertThrows(ScriptException.class, () -> script.call("{}", "[1,"));

        assertEquals(ScriptException.Kind.RUNTIME, failure.kind());
    }
}

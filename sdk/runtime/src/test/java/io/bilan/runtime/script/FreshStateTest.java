package io.bilan.runtime.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.runtime.script.ScriptException.Kind;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Contexts are reused across calls, yet nothing one call does is visible to the next: top-level state starts
 * afresh, and every built-in object is frozen, so changing one fails the call that tries.
 */
class FreshStateTest {

    private static final String UNTOUCHED = "{\"map\":[2,4],\"polluted\":[\"undefined\",\"undefined\",\"undefined\","
            + "\"undefined\",\"undefined\",\"undefined\"],\"x\":\"undefined\",\"max\":2,\"json\":\"{\\\"a\\\":1}\","
            + "\"errorName\":\"Error\"}";

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
    void everyCallStartsFromFreshTopLevelState() throws ScriptException {
        CompiledScript script = sandbox.compile("counter.js", TestScripts.read("counter.js"));

        for (int id = 1; id <= 5; id++) {
            assertEquals("{\"counter\":1,\"seen\":[" + id + "]}", script.call("{\"id\":" + id + "}"));
        }
    }

    @Test
    void aThousandCallsReuseOneContext() throws ScriptException {
        CompiledScript script = sandbox.compile("counter.js", TestScripts.read("counter.js"));

        for (int id = 0; id < 1000; id++) {
            assertEquals("{\"counter\":1,\"seen\":[" + id + "]}", script.call("{\"id\":" + id + "}"));
        }

        assertEquals(1, script.contextsCreated());
        assertEquals(1, script.idleContexts());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Array.prototype.map", "Object.prototype.polluted", "defineProperty on Object.prototype",
        "setPrototypeOf Array.prototype", "globalThis.x", "Math.max", "JSON.stringify", "generator prototype",
        "iterator prototype", "typed array prototype", "async function prototype", "Error.prototype.name"})
    void tamperingWithBuiltInsFailsThatCallAndLeavesNoTrace(String target) throws ScriptException {
        CompiledScript tamperer = sandbox.compile("tamper.js", TestScripts.read("tamper.js"));
        CompiledScript other = sandbox.compile("other.js", TestScripts.read("tamper.js"));

        ScriptException failure = assertThrows(ScriptException.class,
                () -> tamperer.call("{\"target\":\"" + target + "\"}"));

        assertEquals(Kind.RUNTIME, failure.kind());
        assertTrue(failure.getMessage().contains("TypeError"), failure.getMessage());
        assertEquals(UNTOUCHED, tamperer.call("{}"));
        assertEquals(UNTOUCHED, other.call("{}"));
        assertEquals(1, tamperer.contextsCreated());
    }

    @Test
    void everyObjectReachableFromTheGlobalObjectIsFrozen() throws ScriptException {
        CompiledScript script = sandbox.compile("frozen-realm.js", TestScripts.read("frozen-realm.js"));

        String report = script.call("{}");

        Matcher checked = Pattern.compile("^\\{\"checked\":(\\d+),\"notFrozen\":\\[]}$").matcher(report);
        assertTrue(checked.matches(), report);
        assertTrue(Integer.parseInt(checked.group(1)) > 500, report);
    }

    @Test
    void theLastRegExpMatchDoesNotCarryOver() throws ScriptException {
        CompiledScript script = sandbox.compile("scoring.js", """
                function score(input) {
                  const before = typeof RegExp.$1 === "string" ? RegExp.$1 : null;
                  /(\\w+)/.exec(input.secret);
                  return { before };
                }
                """);

        script.call("{\"secret\":\"first-patient\"}");

        assertEquals("{\"before\":null}", script.call("{\"secret\":\"second\"}"));
    }

    @Test
    void ownPropertiesShadowingFrozenBuiltInsStillWork() throws ScriptException {
        // Frozen prototypes would make these plain assignments throw without the realm's override accessors.
        CompiledScript script = sandbox.compile("scoring.js", """
                class ScoringError extends Error {
                  constructor(message) {
                    super(message);
                    this.name = "ScoringError";
                  }
                }

                function score(input) {
                  const scale = {};
                  scale.toString = () => "scale " + input.id;
                  const error = new Error();
                  error.message = "late message";
                  try {
                    throw new ScoringError("bad item");
                  } catch (caught) {
                    return { caught: String(caught), scale: `${scale}`, late: error.message };
                  }
                }
                """);

        assertEquals("{\"caught\":\"ScoringError: bad item\",\"scale\":\"scale 7\",\"late\":\"late message\"}",
                script.call("{\"id\":7}"));
    }
}

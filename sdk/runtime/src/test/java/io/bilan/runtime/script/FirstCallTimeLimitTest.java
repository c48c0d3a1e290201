package io.bilan.runtime.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A script loaded without running its fixtures gives its first call the load-time limit (10 s), and only that call;
 * otherwise every call has the sandbox's. An endless loop under a statement limit out of reach shows which limit a
 * call had: the message names it.
 */
class FirstCallTimeLimitTest {

    private static final SandboxLimits LIMITS = SandboxLimits.defaults().withTimeLimit(Duration.ofMillis(200))
            .withStatementLimit(1L << 50);
    private static final String ENDLESS = "function score(input) { while (true) {} }";

    @Test
    void theFirstCallGetsTheLoadTimeLimitThenTheSandboxes() throws ScriptException {
        try (ScriptSandbox sandbox = new ScriptSandbox(LIMITS)) {
            CompiledScript endless = sandbox.compile("scoring.js", ENDLESS);
            endless.giveFirstCallTheLoadTimeLimit();

            ScriptException first = assertThrows(ScriptException.class, () -> endless.call("{}"));
            ScriptException second = assertThrows(ScriptException.class, () -> endless.call("{}"));

            assertEquals(ScriptException.Kind.TIME_LIMIT, first.kind());
            assertTrue(first.getMessage().contains("time limit of 10000 ms"), first.getMessage());
            assertEquals(ScriptException.Kind.TIME_LIMIT, second.kind());
            assertTrue(second.getMessage().contains("time limit of 200 ms"), second.getMessage());
        }
    }

    @Test
    void otherwiseTheFirstCallHasTheSandboxesLimit() throws ScriptException {
        try (ScriptSandbox sandbox = new ScriptSandbox(LIMITS)) {
            CompiledScript endless = sandbox.compile("scoring.js", ENDLESS);

            ScriptException first = assertThrows(ScriptException.class, () -> endless.call("{}"));

            assertTrue(first.getMessage().contains("time limit of 200 ms"), first.getMessage());
        }
    }
}

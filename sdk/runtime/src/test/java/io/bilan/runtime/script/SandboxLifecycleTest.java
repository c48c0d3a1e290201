package io.bilan.runtime.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Closing the sandbox closes its contexts and engine; it cannot be used afterwards. */
class SandboxLifecycleTest {

    @Test
    void afterCloseCompileAndCallThrowIllegalState() throws ScriptException {
        SandboxLimits limits = SandboxLimits.defaults().withTimeLimit(Duration.ofSeconds(2));
        ScriptSandbox sandbox = new ScriptSandbox(limits);
        CompiledScript script = sandbox.compile("scoring.js", "function score(input) { return { id: input.id }; }");
        assertEquals("{\"id\":1}", script.call("{\"id\":1}"));
        assertSame(limits, sandbox.limits());

        sandbox.close();

        assertEquals(0, script.idleContexts());
        assertThrows(IllegalStateException.class, () -> script.call("{\"id\":2}"));
        assertThrows(IllegalStateException.class, () -> sandbox.compile("other.js", "function score() {}"));
        sandbox.close();
    }
}

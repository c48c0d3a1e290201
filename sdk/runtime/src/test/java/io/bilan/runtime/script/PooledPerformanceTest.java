package io.bilan.runtime.script;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A typical 60-item scoring function runs on a pooled context: thousands of calls create no new context. (How
 * fast a call is belongs in the benchmarks, not in assertions here.)
 */
class PooledPerformanceTest {

    @Test
    void tenThousandCallsOfASixtyItemScriptUseOneContext() throws ScriptException {
        try (ScriptSandbox sandbox = new ScriptSandbox(SandboxLimits.defaults())) {
            CompiledScript script = sandbox.compile("sixty-items.js", TestScripts.read("sixty-items.js"));
            int[] answers = new int[60];
            StringBuilder input = new StringBuilder("{\"answers\":[");
            for (int item = 0; item < 60; item++) {
                answers[item] = item % 5;
                input.append(item == 0 ? "" : ",").append(answers[item]);
            }
            String json = input.append("]}").toString();
            String expected = ConcurrencyTest.expected(answers);

            for (int call = 0; call < 10_000; call++) {
                assertEquals(expected, script.call(json));
            }

            assertEquals(1, script.contextsCreated());
        }
    }
}

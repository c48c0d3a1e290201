package io.bilan.runtime.script;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every script sees the shared vocabularies as the global {@code vocabulary}, written from the Java enums, in their
 * order, and frozen: a script reads the labels and can change none of them for itself or the next call.
 */
class VocabularyTest {

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
    void aScriptReadsTheLabelsOfTheEnumsInBothLanguagesAndCannotChangeThem() throws ScriptException {
        CompiledScript script = sandbox.compile("vocabulary.js", TestScripts.read("vocabulary.js"));
        String refused = "\"refused\":[\"assign:TypeError\",\"add:TypeError\",\"remove:TypeError\",\"replace:TypeError\"]";

        assertEquals("{\"hexagon\":\"RIASEC\",\"realistic\":\"Réaliste\",\"independence\":\"Indépendance\","
                + "\"competences\":27,\"first\":\"public-speaking\",\"listening\":\"Écouter activement\","
                + "\"cluster\":\"Relations avec les autres\",\"phase\":\"Suivi\",\"frozen\":true," + refused + "}",
                script.call("{\"lang\":\"fr\"}"));
        // The second call runs in the same pooled context: the first call's attempts left nothing behind.
        assertEquals("{\"hexagon\":\"RIASEC\",\"realistic\":\"Realistic\",\"independence\":\"Independence\","
                + "\"competences\":27,\"first\":\"public-speaking\",\"listening\":\"Active listening\","
                + "\"cluster\":\"Working with others\",\"phase\":\"Follow-up\",\"frozen\":true," + refused + "}",
                script.call("{\"lang\":\"en\"}"));
    }
}

package io.bilan.runtime.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bilan.runtime.script.ScriptException.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A scoring script reaches nothing outside JavaScript itself: no Java classes, no other languages, no files, no
 * network, no process or environment, no code generated from strings. Trying fails the call, and the sandbox keeps
 * working afterwards.
 */
class SandboxPolicyTest {

    private static ScriptSandbox sandbox;

    @BeforeAll
    static void startSandbox() {
        sandbox = new ScriptSandbox(SandboxLimits.defaults());
    }

    @AfterAll
    static void closeSandbox() {
        sandbox.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Java.type('java.lang.System')",
        "Java.type('java.io.File')",
        "java.lang.System.exit(1)",
        "Packages.java.lang.Runtime.getRuntime()",
        "Polyglot.eval('python', '1')",
        "Polyglot.import('anything')",
        "load('/etc/passwd')",
        "load('https://example.org/evil.js')",
        "loadWithNewGlobal('/etc/passwd')",
        "require('fs').readFileSync('/etc/passwd')",
        "require('child_process')",
        "import('fs')",
        "import('/etc/passwd')",
        "import('https://example.org/evil.js')",
        "read('/etc/passwd')",
        "readFile('/etc/passwd')",
        "fetch('https://example.org/')",
        "new XMLHttpRequest()",
        "new WebSocket('wss://example.org/')",
        "process.env.HOME",
        "process.exit(1)",
        "quit()",
        "exit(1)",
        "eval('1 + 1')",
        "new Function('return globalThis')()",
        "Function.prototype.constructor('return 1')()",
        "Graal.versionGraalVM",
        "new Worker('worker.js')",
        "new SharedArrayBuffer(8)",
        "Atomics.wait(new Int32Array(4), 0, 0, 1000)",
    })
    void reachingOutsideJavaScriptFailsTheCall(String attempt) {
        CompiledScript script = compile("function score(input) { return { value: String(" + attempt + ") }; }");

        ScriptException failure = assertThrows(ScriptException.class, () -> script.call("{}"));

        assertEquals(Kind.RUNTIME, failure.kind(), failure.getMessage());
    }

    @Test
    void hostAndLoaderGlobalsAreUndefined() throws ScriptException {
        String names = "Java Packages java javax com org edu Polyglot Graal load loadWithNewGlobal print printErr "
                + "require module exports process fetch XMLHttpRequest WebSocket Worker read readFile readbuffer "
                + "quit exit SharedArrayBuffer Atomics WeakRef FinalizationRegistry performance";
        CompiledScript script = compile("""
                function score(input) {
                  const types = {};
                  for (const name of input.names.split(" ")) types[name] = typeof globalThis[name];
                  return types;
                }
                """);

        String types = script.call("{\"names\":\"" + names + "\"}");

        StringBuilder allUndefined = new StringBuilder("{");
        for (String name : names.split(" ")) {
            allUndefined.append(allUndefined.length() > 1 ? "," : "").append('"').append(name).append("\":\"undefined\"");
        }
        assertEquals(allUndefined.append('}').toString(), types);
    }

    @Test
    void consoleOutputGoesNowhereAndDoesNotFailTheCall() throws ScriptException {
        CompiledScript script = compile("function score(input) { console.log('debug', input); console.error('x'); return { ok: true }; }");

        assertEquals("{\"ok\":true}", script.call("{\"a\":1}"));
    }

    @Test
    void theSandboxKeepsWorkingAfterEscapeAttempts() throws ScriptException {
        CompiledScript attempt = compile("function score() { return { value: Java.type('java.lang.System') }; }");
        for (int i = 0; i < 5; i++) {
            assertThrows(ScriptException.class, () -> attempt.call("{}"));
        }

        CompiledScript honest = compile("function score(input) { return { double: input.value * 2 }; }");

        assertEquals("{\"double\":42}", honest.call("{\"value\":21}"));
        assertEquals(Kind.RUNTIME, assertThrows(ScriptException.class, () -> attempt.call("{}")).kind());
    }

    private static CompiledScript compile(String source) {
        try {
            return sandbox.compile("scoring.js", source);
        } catch (ScriptException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}

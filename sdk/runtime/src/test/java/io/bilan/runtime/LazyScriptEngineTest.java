package io.bilan.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The JavaScript engine starts with the first package that has a script, never for declarative ones. */
class LazyScriptEngineTest {

    @Test
    void aDeclarativePackageDoesNotStartTheScriptEngine() throws Exception {
        AtomicInteger starts = new AtomicInteger();
        try (BilanRuntime runtime = BilanRuntime.builder().beforeScripts(starts::incrementAndGet).build()) {
            assertTrue(runtime.validate(runtime.read(TestPackages.path("bfi"))).valid());
            assertFalse(runtime.scriptsStarted());
            assertEquals(0, starts.get());
        }
    }

    @Test
    void theFirstScriptedPackageStartsItOnce() throws Exception {
        AtomicInteger starts = new AtomicInteger();
        try (BilanRuntime runtime = BilanRuntime.builder().beforeScripts(starts::incrementAndGet).build()) {
            assertTrue(runtime.validate(runtime.read(TestPackages.path("scripted"))).valid());
            assertTrue(runtime.validate(runtime.read(TestPackages.path("scripted"))).valid());
            assertTrue(runtime.scriptsStarted());
            assertEquals(1, starts.get());
        }
    }

    @Test
    void theHookCanRefuseToStartIt() throws Exception {
        class Refused extends RuntimeException {
        }
        try (BilanRuntime runtime = BilanRuntime.builder().beforeScripts(() -> {
            throw new Refused();
        }).build()) {
            var source = runtime.read(TestPackages.path("scripted"));
            assertThrows(Refused.class, () -> runtime.validate(source));
            assertFalse(runtime.scriptsStarted());
        }
    }
}

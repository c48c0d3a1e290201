package io.bilan.runtime.script;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.SandboxPolicy;
import org.junit.jupiter.api.Test;

/**
 * The sandbox is declared TRUSTED only because CONSTRAINED refuses its two experimental bounds (no BigInt, short
 * strings). Everything else it sets must still pass CONSTRAINED's own validation, which GraalJS performs when an
 * engine and a context are built under that policy: loosening any restriction makes this test fail.
 */
class ConstrainedPolicyTest {

    @Test
    void theSandboxRestrictionsSatisfyTheConstrainedPolicy() {
        try (Engine engine = ScriptSandbox.restrictedEngine(SandboxPolicy.CONSTRAINED).build();
                Context context = ScriptSandbox.restrictedContext(engine, SandboxPolicy.CONSTRAINED).build()) {
            assertEquals(42, context.eval("js", "6 * 7").asInt());
        }
    }
}

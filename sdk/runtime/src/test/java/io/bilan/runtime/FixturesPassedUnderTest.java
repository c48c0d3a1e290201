package io.bilan.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bilan.api.report.Problem;
import io.bilan.api.response.ResponseSet;
import io.bilan.runtime.problem.ValidationCode;
import io.bilan.runtime.script.SandboxLimits;
import io.bilan.runtime.scoring.ScoreOptions;
import io.bilan.runtime.source.PackageSource;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A stored package whose fixtures passed under this very runtime is loaded without running them again; under any
 * other runtime, or when unknown, they run as at publication. Each package here has a fixture that would fail, so a
 * load that succeeds did not run it.
 */
class FixturesPassedUnderTest {

    private static final BilanRuntime RUNTIME = TestPackages.runtime();

    @Test
    void aScriptedPackageWhoseFixturesPassedHereIsLoadedWithoutRunningThem() throws Exception {
        PackageSource failing = expecting("scripted", "fixtures/flat.json", "code", "IAR");

        Instrument instrument = RUNTIME.load(failing, RUNTIME.identity());

        assertEquals(failing.digest(), instrument.digest());
        // Its script was compiled all the same: R = 15, I = 6, A = 6, so the code is RIA (as ExtensionScoringTest).
        assertEquals("RIA", instrument.score(ResponseSet.of(answers()), ScoreOptions.in("en")).results().get("code"));
    }

    @Test
    void underAnotherRuntimeOrNoneTheFixturesRunAndAFailureRefusesThePackage() throws Exception {
        PackageSource failing = expecting("scripted", "fixtures/flat.json", "code", "IAR");

        for (String passedUnder : new String[] {"0".repeat(64), null}) {
            InvalidPackageException refused = assertThrows(InvalidPackageException.class,
                    () -> RUNTIME.load(failing, passedUnder));
            Problem problem = refused.problems().stream().filter(Problem::isError).findFirst().orElseThrow();
            assertEquals(ValidationCode.FIXTURE_FAILED.code(), problem.code());
            assertEquals("fixtures/flat.json", problem.file());
            assertEquals("/expect/results/code", problem.pointer());
        }
    }

    @Test
    void aPackageScoredByAPluginRunsItsFixturesEvenUnderThisRuntime() throws Exception {
        // A plugin is no part of the runtime's identity: it may have changed since.
        PackageSource failing = expecting("java-scored", "fixtures/top.json", "top", "A");

        InvalidPackageException refused = assertThrows(InvalidPackageException.class,
                () -> RUNTIME.load(failing, RUNTIME.identity()));
        assertEquals(ValidationCode.FIXTURE_FAILED.code(),
                refused.problems().stream().filter(Problem::isError).findFirst().orElseThrow().code());
    }

    @Test
    void everyOtherCheckStillRunsUnderThisRuntime() {
        InvalidPackageException refused = assertThrows(InvalidPackageException.class,
                () -> RUNTIME.load(TestPackages.source("schema-errors"), RUNTIME.identity()));
        assertTrue(refused.problems().stream().anyMatch(Problem::isError));
    }

    @Test
    void theIdentityIsTheBuildAndTheLimitsAFixturesScriptRunsUnder() {
        assertTrue(RUNTIME.identity().matches("[0-9a-f]{64}"), RUNTIME.identity());
        SandboxLimits limits = SandboxLimits.defaults();
        try (BilanRuntime same = BilanRuntime.builder().sandboxLimits(limits).build();
                BilanRuntime moreIdle = BilanRuntime.builder()
                        .sandboxLimits(limits.withMaxIdleContexts(limits.maxIdleContexts() + 1)).build();
                BilanRuntime fewerStatements = BilanRuntime.builder()
                        .sandboxLimits(limits.withStatementLimit(limits.statementLimit() - 1)).build()) {
            assertEquals(RUNTIME.identity(), same.identity());
            // How many contexts wait idle changes no outcome; how many statements a call may run may.
            assertEquals(RUNTIME.identity(), moreIdle.identity());
            assertNotEquals(RUNTIME.identity(), fewerStatements.identity());
        }
    }

    /** The test package {@code name} with its fixture {@code fixture} expecting {@code value} as result {@code key}. */
    private static PackageSource expecting(String name, String fixture, String key, String value) throws IOException {
        PackageSource source = TestPackages.source(name);
        ObjectNode document = (ObjectNode) RUNTIME.json().readTree(source.file(fixture).orElseThrow());
        ((ObjectNode) document.path("expect").path("results")).put(key, value);
        TreeMap<String, byte[]> files = new TreeMap<>(source.files());
        files.put(fixture, RUNTIME.json().writeValueAsBytes(document));
        return new PackageSource(name, files);
    }

    private static Map<String, Object> answers() {
        Map<String, Object> answers = new HashMap<>();
        for (String area : List.of("r", "i", "a")) {
            for (int k = 1; k <= 3; k++) {
                answers.put(area + k, area.equals("r") ? 5 : 2);
            }
        }
        return answers;
    }
}

package io.bilan.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/** The kit's tests pass for a good package and fail, saying why, for a bad one. */
class PackageTestKitTest {

    private static final Path PACKAGES = Path.of("../runtime/src/test/resources/packages");

    @TestFactory
    Stream<DynamicNode> aGoodPackageInFiveLines() {
        return PackageTestKit.requiringLanguages("fr", "en").tests(PACKAGES.resolve("scripted"));
    }

    @Test
    void everyFixtureIsATestNamedAfterIt() {
        Map<String, DynamicTest> tests = flatten(PackageTestKit.create().tests(PACKAGES.resolve("scripted")));
        assertTrue(tests.containsKey("is valid without warnings"), tests.keySet()::toString);
        assertTrue(tests.containsKey("scores deterministically"), tests.keySet()::toString);
        assertTrue(tests.size() >= 4, "validity, determinism and the fixtures: " + tests.keySet());
    }

    @Test
    void aFailingFixtureFailsItsTestWithTheMismatch() throws Throwable {
        Map<String, DynamicTest> tests = flatten(PackageTestKit.create().tests(PACKAGES.resolve("failing-fixture")));
        long failed = 0;
        for (DynamicTest test : tests.values()) {
            try {
                test.getExecutable().execute();
            } catch (AssertionFailedError e) {
                failed++;
                assertTrue(e.getMessage().contains("does not match") || e.getMessage().contains("fixture-failed"),
                        e.getMessage());
            }
        }
        assertTrue(failed >= 1, "the failing fixture fails");
    }

    @Test
    void everyScaleOfEveryItemTypeReachesBothEnds() throws Throwable {
        Map<String, DynamicTest> tests = flatten(PackageTestKit.create().tests(PACKAGES.resolve("every-rule")));
        tests.get("reaches each scale's ends").getExecutable().execute();
    }

    @Test
    void aScaleThatCannotReachItsHighestScoreFails(@org.junit.jupiter.api.io.TempDir Path work) throws Throwable {
        // Partial credit of at most 0.5 on an item worth 1 point: the test can never be fully scored.
        Path copy = work.resolve("every-rule");
        java.nio.file.Files.createDirectories(copy.resolve("fixtures"));
        for (String file : new String[] {"manifest.json", "fixtures/complete.json"}) {
            String text = java.nio.file.Files.readString(PACKAGES.resolve("every-rule").resolve(file));
            // The fixture follows, so that only the new check can notice (validation warns, no-full-credit).
            java.nio.file.Files.writeString(copy.resolve(file), text.replaceAll(
                    "\"credit\": \\{\\s*\"a\": 1,\\s*\"b\": 0.5\\s*}", "\"credit\": {\"a\": 0.5, \"b\": 0.25}")
                    .replaceAll("(\"S_test\": \\{\\s*\"raw\": )1.5", "$11.25"));
        }
        Map<String, DynamicTest> tests = flatten(PackageTestKit.create().tests(copy));
        assertTrue(tests.containsKey("reaches each scale's ends"), tests.keySet()::toString);
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> tests.get("reaches each scale's ends").getExecutable().execute());
        assertTrue(failure.getMessage().contains("scale S_test never reaches its highest score 4.0: the best the "
                + "answers give is 3.5"), failure.getMessage());
    }

    @Test
    void anInvalidPackageFailsWithEveryProblem() {
        Map<String, DynamicTest> tests = flatten(PackageTestKit.create().tests(PACKAGES.resolve("semantic-errors")));
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> tests.get("is valid without warnings").getExecutable().execute());
        assertTrue(failure.getMessage().contains("unknown-competence"), failure.getMessage());
        assertTrue(failure.getMessage().contains("missing-translation"), failure.getMessage());
    }

    @Test
    void aLanguageThePackageLacksIsRequired() {
        Map<String, DynamicTest> tests = flatten(PackageTestKit.requiringLanguages("de")
                .tests(PACKAGES.resolve("scripted")));
        assertThrows(AssertionFailedError.class, () -> tests.get("is valid without warnings").getExecutable().execute());
    }

    @Test
    void aFolderWithoutPackagesIsAFailureNotASilentPass() {
        Map<String, DynamicTest> tests = flatten(PackageTestKit.create().testsOfEveryPackageIn(Path.of("src")));
        assertEquals(1, tests.size());
        assertThrows(AssertionFailedError.class, () -> tests.values().iterator().next().getExecutable().execute());
    }

    private static Map<String, DynamicTest> flatten(Stream<? extends DynamicNode> nodes) {
        Map<String, DynamicTest> tests = new LinkedHashMap<>();
        nodes.forEach(node -> {
            if (node instanceof DynamicContainer container) {
                tests.putAll(flatten(container.getChildren()));
            } else {
                tests.put(node.getDisplayName(), (DynamicTest) node);
            }
        });
        return tests;
    }
}

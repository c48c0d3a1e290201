package io.bilan.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.runtime.BilanRuntime;
import io.bilan.runtime.ValidationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every example package is valid in French and English, without warnings, and every fixture passes. */
class ExamplePackagesTest {

    private static final BilanRuntime RUNTIME = BilanRuntime.builder().requiredLanguages(Set.of("fr", "en")).build();

    @AfterAll
    static void close() {
        RUNTIME.close();
    }

    @TestFactory
    Stream<DynamicContainer> examplePackages() throws IOException {
        List<Path> packages;
        try (Stream<Path> folders = Files.list(Path.of(System.getProperty("bilan.packages")))) {
            packages = folders.filter(Files::isDirectory).sorted().toList();
        }
        assertFalse(packages.isEmpty(), "no example packages found");
        return packages.stream().map(folder -> {
            ValidationReport report = validate(folder);
            Stream<DynamicTest> valid = Stream.of(DynamicTest.dynamicTest("is valid without warnings",
                    () -> assertEquals(List.of(), report.problems())));
            Stream<DynamicTest> fixtures = report.fixtures().stream().map(fixture ->
                    DynamicTest.dynamicTest(fixture.name(), () -> assertTrue(fixture.passed(),
                            () -> fixture.file() + ": " + fixture.mismatches())));
            return DynamicContainer.dynamicContainer(folder.getFileName().toString(), Stream.concat(valid, fixtures));
        });
    }

    private static ValidationReport validate(Path folder) {
        try {
            return RUNTIME.validate(RUNTIME.read(folder));
        } catch (io.bilan.runtime.source.PackageReadException e) {
            throw new IllegalStateException(folder + ": " + e.getMessage(), e);
        }
    }
}

package io.bilan.runtime.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.api.report.Problem;
import io.bilan.api.report.Severity;
import io.bilan.runtime.TestPackages;
import io.bilan.runtime.ValidationReport;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The package validator reports every problem at once, each with a code, a file and a JSON Pointer. */
class PackageValidationTest {

    private static Set<String> codesAndPointers(ValidationReport report) {
        return report.problems().stream()
                .map(problem -> problem.severity().code() + " " + problem.code() + " " + problem.pointer())
                .collect(Collectors.toSet());
    }

    @Test
    void aValidPackageLoadsAndItsFixturesPass() {
        ValidationReport report = TestPackages.runtime().validate(TestPackages.source("every-rule"));
        assertTrue(report.valid(), () -> report.problems().toString());
        assertEquals(2, report.fixtures().size());
        assertTrue(report.fixtures().stream().allMatch(f -> f.passed()), () -> report.fixtures().toString());
        assertTrue(report.instrument().isPresent());
    }

    /** Packages whose fixtures are the specification of a rule: skipped scales, sources, observer names, evidence. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"quiet-grid", "competence-evidence", "scripted"})
    void packagesWhoseFixturesSpecifyARulePass(String name) {
        ValidationReport report = TestPackages.runtime().validate(TestPackages.source(name));
        assertEquals(java.util.List.of(), report.problems());
        assertFalse(report.fixtures().isEmpty());
        assertTrue(report.fixtures().stream().allMatch(f -> f.passed()), () -> report.fixtures().toString());
    }

    @Test
    void reportsEverySemanticProblemWithItsPointer() {
        ValidationReport report = TestPackages.runtime().validate(TestPackages.source("semantic-errors"));
        assertFalse(report.valid());
        assertEquals(Set.of(
                "error missing-translation /description",
                "error invalid-range /likertFormats/bad",
                // min 5 > max 1: both labels fall outside the (empty) range
                "error label-out-of-range /likertFormats/bad/labels/0/value",
                "error label-out-of-range /likertFormats/bad/labels/1/value",
                "error duplicate-item-id /items/1/id",
                "error unknown-likert-format /items/1/format",
                "error duplicate-option-value /items/2/options/1/value",
                "error unknown-option /items/3/correct",
                "error unknown-item /scales/0/items/1/item",
                "error item-not-scoreable /scales/0/items/2",
                "error item-not-scoreable /scales/0/items/3",
                "error invalid-min-answered /scales/0/missing/minAnswered",
                "error invalid-bands /scales/0/bands/on",
                "error bands-not-increasing /scales/0/bands/levels/1/from",
                "error norm-not-monotonic /norms/0/scales/S/rows/1/score",
                "error norm-not-monotonic /norms/0/scales/S/rows/1/percentile",
                "error unknown-scale /norms/0/scales/Z",
                "error unknown-scale /outcomes/0/scale",
                "error options-not-allowed /items/5/fields/0/options",
                // an id outside the framework is refused; any ESCO skill URI (outcome 2) is accepted
                "error unknown-competence /outcomes/1/competence",
                "error missing-script /scoring/script"),
                codesAndPointers(report));
        assertTrue(report.problems().stream().allMatch(p -> p.message() != null && !p.message().isBlank()));
        assertTrue(report.instrument().isEmpty());
    }

    @Test
    void reportsEveryStructuralProblemWithItsPointer() {
        ValidationReport report = TestPackages.runtime().validate(TestPackages.source("schema-errors"));
        Set<String> found = codesAndPointers(report);
        for (String expected : List.of(
                "error schema-const /formatVersion",
                "error schema-pattern /id",
                "error schema-pattern /version",
                "error schema-enum /kind",
                "error schema-min-items /phases",
                "error schema-additional-properties /extra",
                "error schema-required /items/0/format",
                "error schema-enum /items/1/type",
                "error schema-unevaluated-properties /items/2/colour")) {
            assertTrue(found.contains(expected), () -> "missing " + expected + " in " + found);
        }
        assertTrue(report.problems().stream().allMatch(p -> "manifest.json".equals(p.file())));
    }

    @Test
    void reportsBrokenJsonWithItsLine() {
        ValidationReport report = TestPackages.runtime().validate(TestPackages.source("broken-json"));
        Problem problem = report.problems().getFirst();
        assertEquals("invalid-json", problem.code());
        assertEquals(Severity.ERROR, problem.severity());
        assertTrue(problem.message().contains("line 4"), problem.message());
    }

    /** What the schema lets through but a record refuses: one problem, never an exception out of validation. */
    @Test
    void aNumberBeyondAnIntIsAnInvalidManifest() throws Exception {
        var json = io.bilan.runtime.BilanRuntime.newObjectMapper();
        var source = TestPackages.source("every-rule");
        var manifest = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(source.file("manifest.json").orElseThrow());
        manifest.put("timeLimitSeconds", 3_000_000_000L); // the schema sets a minimum only
        var files = new java.util.TreeMap<>(source.files());
        files.put("manifest.json", json.writeValueAsBytes(manifest));
        ValidationReport report = TestPackages.runtime().validate(new io.bilan.runtime.source.PackageSource("big", files));
        assertEquals(List.of("error invalid-manifest "), report.problems().stream()
                .map(problem -> problem.severity().code() + " " + problem.code() + " " + problem.pointer()).toList());
        assertTrue(report.problems().getFirst().message().contains("timeLimitSeconds 3000000000"),
                report.problems().getFirst().message());
        assertFalse(report.instrument().isPresent());
    }

    @Test
    void requiredLanguagesMustBeDeclared() {
        try (var strict = io.bilan.runtime.BilanRuntime.builder().requiredLanguages(Set.of("fr", "en", "de")).build()) {
            ValidationReport report = strict.validate(TestPackages.source("every-rule"));
            assertTrue(codesAndPointers(report).contains("error missing-language /languages"));
        }
    }
}

package io.bilan.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilan.api.report.Problem;
import io.bilan.runtime.BilanRuntime;
import io.bilan.runtime.script.SandboxLimits;
import io.bilan.runtime.Instrument;
import io.bilan.runtime.ValidationReport;
import io.bilan.runtime.scoring.InvalidResponseException;
import io.bilan.runtime.scoring.ScoreOptions;
import io.bilan.runtime.source.PackageReadException;
import io.bilan.runtime.source.PackageSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * Turns instrument packages into JUnit 5 dynamic tests, with the real runtime: the package is valid
 * without warnings, every fixture passes (one test each, named after the fixture), and scoring is
 * deterministic (each fixture's responses scored again give the same report).
 *
 * <pre>{@code
 * class MyInstrumentTest {
 *     @TestFactory
 *     Stream<DynamicNode> myInstrument() {
 *         return PackageTestKit.requiringLanguages("fr", "en").tests(Path.of("my-instrument"));
 *     }
 * }
 * }</pre>
 */
public final class PackageTestKit {

    private static final int DETERMINISM_RUNS = 3;
    private static final Map<Set<String>, BilanRuntime> RUNTIMES = new ConcurrentHashMap<>();

    private final Set<String> languages;

    private PackageTestKit(Set<String> languages) {
        this.languages = languages;
    }

    /** A kit that checks each package in the languages it declares. */
    public static PackageTestKit create() {
        return new PackageTestKit(Set.of());
    }

    /** A kit that also requires every package to declare, and give every text in, {@code languages}. */
    public static PackageTestKit requiringLanguages(String... languages) {
        return new PackageTestKit(Set.of(languages));
    }

    /** The tests of one package (a folder or a zip), grouped under its folder name. */
    public Stream<DynamicNode> tests(Path packagePath) {
        return Stream.of(container(packagePath));
    }

    /** The tests of every package in {@code library}: each sub-folder holding a {@code manifest.json}. */
    public Stream<DynamicNode> testsOfEveryPackageIn(Path library) {
        List<Path> packages;
        try (Stream<Path> folders = Files.list(library)) {
            packages = folders.filter(folder -> Files.isRegularFile(folder.resolve(PackageSource.MANIFEST)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + library, e);
        }
        if (packages.isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest("holds packages",
                    () -> fail("no package (a folder with a manifest.json) in " + library.toAbsolutePath())));
        }
        return packages.stream().map(this::container);
    }

    private DynamicNode container(Path packagePath) {
        BilanRuntime runtime = RUNTIMES.computeIfAbsent(languages,
                required -> BilanRuntime.builder().sandboxLimits(SandboxLimits.offline())
                        .requiredLanguages(required).build());
        String name = packagePath.getFileName().toString();
        ValidationReport report;
        PackageSource source;
        try {
            source = runtime.read(packagePath);
            report = runtime.validate(source);
        } catch (PackageReadException e) {
            return DynamicTest.dynamicTest(name + " can be read", () -> fail(e.getMessage()));
        }
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("is valid without warnings", () -> assertEquals("",
                report.problems().stream().map(PackageTestKit::line).collect(Collectors.joining("\n")))));
        report.fixtures().forEach(fixture -> tests.add(DynamicTest.dynamicTest(fixture.name(),
                () -> assertTrue(fixture.passed(), () -> fixture.file() + " does not match:\n  "
                        + fixture.mismatches().stream().map(Object::toString).collect(Collectors.joining("\n  "))))));
        report.instrument().ifPresent(instrument -> tests.add(DynamicTest.dynamicTest("scores deterministically",
                () -> checkDeterminism(runtime.json(), instrument, source))));
        report.instrument().ifPresent(instrument -> tests.add(DynamicTest.dynamicTest("reaches each scale's ends",
                () -> checkScaleRanges(runtime.json(), instrument, source))));
        return DynamicContainer.dynamicContainer(name, tests.stream());
    }

    /** Scripts must be pure functions of their input: a report that changes between runs is a bug. */
    private static void checkDeterminism(ObjectMapper json, Instrument instrument, PackageSource source)
            throws IOException {
        for (String path : source.fixturePaths()) {
            JsonNode fixture = json.readTree(source.file(path).orElseThrow());
            if (!fixture.has("expect")) {
                continue;
            }
            ScoreOptions options = new ScoreOptions(fixture.path("language").asText(null),
                    fixture.path("norm").asText(null));
            try {
                JsonNode first = json.valueToTree(instrument.score(fixture.path("responses"), options));
                for (int run = 1; run < DETERMINISM_RUNS; run++) {
                    assertEquals(first, json.valueToTree(instrument.score(fixture.path("responses"), options)),
                            path + ": scoring the same responses again gave another report");
                }
            } catch (InvalidResponseException e) {
                fail(path + ": the fixture's responses are refused: " + e.getMessage());
            }
        }
    }

    /** Every scale reaches the lowest and the highest score the runtime gives as its range. */
    private static void checkScaleRanges(ObjectMapper json, Instrument instrument, PackageSource source)
            throws IOException {
        for (String path : source.fixturePaths()) {
            JsonNode fixture = json.readTree(source.file(path).orElseThrow());
            if (fixture.has("expect") && fixture.path("responses").isObject()) {
                assertEquals("", String.join("\n", ScaleRanges.check(instrument, fixture.path("responses"))));
                return;
            }
        }
    }

    private static String line(Problem problem) {
        return problem.severity() + " " + problem.code() + " " + (problem.file() == null ? "" : problem.file())
                + (problem.pointer() == null ? "" : "#" + problem.pointer()) + ": " + problem.message();
    }
}

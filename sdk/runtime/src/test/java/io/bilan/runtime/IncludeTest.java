package io.bilan.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.api.report.Problem;
import io.bilan.runtime.fixture.FixtureResult;
import io.bilan.runtime.source.PackageSource;
import io.bilan.runtime.source.PackageWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files a manifest includes ({@code "scoring": {"include": [...]}}) run before the script in its scope. A package
 * folder that lacks one takes it from its parent folder, so the packages of a library share it; it then belongs
 * to the package: the digest covers it, and the packed zip holds it and needs nothing else.
 */
class IncludeTest {

    private static final String SHARED = """
            // The areas the package reports on, in hexagon order (the tie rule).
            const AREAS = ["R", "I", "A"];
            """;

    @TempDir
    Path library;
    private Path pkg;

    /** library/shared/areas.js, and library/scripted/: the "scripted" test package, its AREAS moved out. */
    @BeforeEach
    void writeLibrary() throws IOException {
        Path original = TestPackages.path("scripted");
        pkg = library.resolve("scripted");
        Files.createDirectories(pkg.resolve("fixtures"));
        try (Stream<Path> fixtures = Files.list(original.resolve("fixtures"))) {
            for (Path fixture : fixtures.toList()) {
                Files.copy(fixture, pkg.resolve("fixtures").resolve(fixture.getFileName()));
            }
        }
        String script = Files.readString(original.resolve("scoring.js"));
        assertTrue(script.contains(SHARED.lines().toList().get(1) + "\n"));
        Files.writeString(pkg.resolve("scoring.js"), script.replace(SHARED.lines().toList().get(1) + "\n", ""));
        String manifest = Files.readString(original.resolve("manifest.json"));
        Files.writeString(pkg.resolve("manifest.json"), manifest.replace("\"script\": \"scoring.js\"",
                "\"script\": \"scoring.js\", \"include\": [\"shared/areas.js\"]"));
        Files.createDirectories(library.resolve("shared"));
        Files.writeString(library.resolve("shared/areas.js"), SHARED);
    }

    @Test
    void aFolderTakesTheFileItLacksFromItsParentAndRunsItBeforeTheScript() throws Exception {
        PackageSource source = TestPackages.runtime().read(pkg);

        assertEquals(SHARED, source.text("shared/areas.js").orElseThrow());
        Instrument instrument = TestPackages.runtime().load(source);
        List<FixtureResult> results = TestPackages.runtime().runFixtures(instrument);
        assertEquals(2, results.size());
        results.forEach(result -> assertTrue(result.passed(), result.toString()));
    }

    @Test
    void theDigestCoversTheIncludedCode() throws Exception {
        String before = TestPackages.runtime().read(pkg).digest();

        Files.writeString(library.resolve("shared/areas.js"), SHARED.replace("(the tie rule)", "(the tie rule!)"));

        assertNotEquals(before, TestPackages.runtime().read(pkg).digest());
    }

    @Test
    void thePackedZipHoldsTheIncludedFileAndNeedsNothingElse() throws Exception {
        PackageSource folder = TestPackages.runtime().read(pkg);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        PackageWriter.writeZip(folder, zip);
        // The library is gone: only the zip is left.
        Files.delete(library.resolve("shared/areas.js"));

        PackageSource packed = TestPackages.runtime().readZip(zip.toByteArray(), "scripted.zip");

        assertEquals(folder.digest(), packed.digest());
        assertEquals(Set.of("manifest.json", "scoring.js", "shared/areas.js", "fixtures/flat.json",
                "fixtures/realistic.json"), packed.files().keySet());
        Instrument instrument = TestPackages.runtime().load(packed);
        TestPackages.runtime().runFixtures(instrument).forEach(result -> assertTrue(result.passed(), result.toString()));
    }

    @Test
    void aFileInThePackageComesBeforeTheLibrarysOne() throws Exception {
        Files.createDirectories(pkg.resolve("shared"));
        Files.writeString(pkg.resolve("shared/areas.js"), SHARED.replace("hexagon order", "the package's order"));

        assertTrue(TestPackages.runtime().read(pkg).text("shared/areas.js").orElseThrow().contains("package's order"));
    }

    @Test
    void aZipWithoutTheIncludedFileIsRefusedWithAPointerToTheInclude() throws Exception {
        PackageSource folder = TestPackages.runtime().read(pkg);
        TreeMap<String, byte[]> files = new TreeMap<>(folder.files());
        files.remove("shared/areas.js");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        PackageWriter.writeZip(new PackageSource("incomplete", files), zip);
        PackageSource incomplete = TestPackages.runtime().readZip(zip.toByteArray(), "incomplete.zip");

        InvalidPackageException refused = assertThrows(InvalidPackageException.class,
                () -> TestPackages.runtime().load(incomplete));

        Problem problem = refused.problems().getFirst();
        assertEquals("missing-script", problem.code());
        assertEquals("/scoring/include/0", problem.pointer());
    }

    @Test
    void onlyAScriptIncludesFiles() throws Exception {
        Path manifest = pkg.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"script\": \"scoring.js\", ", "\"scorer\": \"x\", "));

        ValidationReport report = TestPackages.runtime().validate(TestPackages.runtime().read(pkg));

        assertTrue(report.errors().stream().anyMatch(problem -> "/scoring".equals(problem.pointer())), report.toString());
    }

    @Test
    void aFolderWithoutTheIncludedFileAnywhereIsRefusedTheSameWay() throws Exception {
        Files.delete(library.resolve("shared/areas.js"));

        InvalidPackageException refused = assertThrows(InvalidPackageException.class,
                () -> TestPackages.runtime().load(TestPackages.runtime().read(pkg)));

        assertEquals("/scoring/include/0", refused.problems().getFirst().pointer());
    }
}

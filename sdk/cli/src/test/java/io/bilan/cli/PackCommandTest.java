package io.bilan.cli;

import static io.bilan.cli.CommandRun.bilan;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.runtime.source.PackageReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesTheZipAndItsChecksum() throws Exception {
        Path everyRule = CommandRun.everyRule(dir);
        Path dist = dir.resolve("dist");

        CommandRun run = bilan("pack", everyRule.toString(), "-o", dist.toString());

        assertEquals(0, run.exit(), run.err());
        Path zip = dist.resolve("every-rule-1.0.0.zip");
        String digest = new PackageReader().read(everyRule).digest();
        assertEquals(List.of(zip.toString(), digest), run.outLines());
        assertEquals(digest, new PackageReader().read(zip).digest(), "the zip holds the same package");

        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(zip)));
        assertEquals(hex + "  every-rule-1.0.0.zip\n", Files.readString(dist.resolve("every-rule-1.0.0.zip.sha256")));
        try (var files = Files.list(dist)) {
            assertEquals(2, files.count(), "no temporary file is left");
        }
    }

    @Test
    void packingTwiceGivesTheSameBytes() throws Exception {
        Path everyRule = CommandRun.everyRule(dir);
        assertEquals(0, bilan("pack", everyRule.toString(), "-o", dir.resolve("a").toString()).exit());
        assertEquals(0, bilan("pack", everyRule.toString(), "-o", dir.resolve("b").toString()).exit());
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/every-rule-1.0.0.zip")),
                Files.readAllBytes(dir.resolve("b/every-rule-1.0.0.zip")));
    }

    @Test
    void refusesAnInvalidPackageAndWritesNothing() throws Exception {
        Path everyRule = CommandRun.everyRule(dir);
        Path fixture = everyRule.resolve("fixtures/complete.json");
        Files.writeString(fixture, Files.readString(fixture).replace("\"raw\": 19", "\"raw\": 20"));
        Path dist = dir.resolve("dist");

        CommandRun run = bilan("pack", everyRule.toString(), "-o", dist.toString());

        assertEquals(1, run.exit());
        assertEquals("", run.out());
        assertTrue(run.errLines().getFirst().startsWith("error fixture-failed fixtures/complete.json#/expect/scales/S_sum/raw: "),
                run.err());
        assertTrue(run.errLines().getLast().startsWith("bilan: not packed: "), run.err());
        assertFalse(Files.exists(dist));
    }

    @Test
    void packsEveryPackageOfALibraryFolderAndReportsTheBadOnes() throws Exception {
        Path library = dir.resolve("library");
        Path everyRule = CommandRun.everyRule(library);
        Files.createDirectories(library.resolve("broken"));
        Files.writeString(library.resolve("broken/manifest.json"), "{ not json");
        Files.createDirectories(library.resolve("notes"));
        Path dist = dir.resolve("dist");

        CommandRun run = bilan("pack", library.toString(), "-o", dist.toString());

        assertEquals(1, run.exit(), "the worst outcome decides the exit code");
        assertTrue(run.err().contains("invalid-json"), run.err());
        assertEquals(List.of(dist.resolve("every-rule-1.0.0.zip").toString(),
                new PackageReader().read(everyRule).digest()), run.outLines(), "the valid package is packed");
        assertFalse(Files.exists(dist.resolve("broken")));
    }

    @Test
    void aFolderWithoutPackagesIsAUsageError() throws Exception {
        Files.createDirectories(dir.resolve("empty/sub"));
        CommandRun run = bilan("pack", dir.resolve("empty").toString(), "-o", dir.resolve("dist").toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("nor a folder of packages"), run.err());
    }

    @Test
    void refusesToWriteInsideThePackage() {
        Path everyRule = CommandRun.everyRule(dir);
        CommandRun run = bilan("pack", everyRule.toString(), "-o", everyRule.resolve("dist").toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("inside the package"), run.err());
    }
}

package io.bilan.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which command lines name a package with a script, so that bin/bilan starts the JavaScript compiler for them. */
class CompilerRestartTest {

    private static final String DECLARATIVE = "{\"id\": \"plain\", \"scales\": []}";
    private static final String SCRIPTED = "{\"id\": \"scripted\", \"scoring\": {\"script\": \"scoring.js\"}}";
    private static final String JAVA_SCORER = "{\"id\": \"java\", \"scoring\": {\"scorer\": \"holland\"}}";

    @TempDir
    Path folder;

    @Test
    void aFolderWithAScriptNeedsTheCompiler() throws IOException {
        Path scripted = write("scripted", SCRIPTED);
        assertTrue(scriptIn("validate", scripted.toString()));
        assertTrue(scriptIn("score", scripted.toString(), "responses.csv", "--statistics", "s.json"));
    }

    @Test
    void declarativePackagesAndJavaScorersDoNot() throws IOException {
        Path plain = write("plain", DECLARATIVE);
        Path java = write("java", JAVA_SCORER);
        assertFalse(scriptIn("validate", plain.toString()));
        assertFalse(scriptIn("score", java.toString(), "responses.csv"));
        assertFalse(scriptIn("--version"));
    }

    @Test
    void anyPackageOfSeveralOrOfAFolderOfPackagesCounts() throws IOException {
        Path plain = write("plain", DECLARATIVE);
        write("scripted", SCRIPTED);
        assertTrue(scriptIn("pack", plain.toString(), folder.resolve("scripted").toString()));
        assertTrue(scriptIn("pack", folder.toString()));
    }

    @Test
    void aPackageNamedInAnArgumentFileCounts() throws IOException {
        Path scripted = write("scripted", SCRIPTED);
        Path arguments = Files.writeString(folder.resolve("arguments.txt"), scripted.toString());
        assertTrue(scriptIn("validate", "@" + arguments));
    }

    @Test
    void aZipIsLookedInto() throws IOException {
        Path zip = folder.resolve("scripted-1.0.0.bin");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("manifest.json"));
            out.write(SCRIPTED.getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(scriptIn("validate", zip.toString()));
    }

    @Test
    void whatCannotBeReadOrParsedIsLeftToTheCommand() throws IOException {
        Path broken = write("broken", "{not json");
        assertFalse(scriptIn("validate", broken.toString()));
        assertFalse(scriptIn("validate", folder.resolve("missing").toString()));
        assertFalse(scriptIn("score"));
    }

    private Path write(String name, String manifest) throws IOException {
        Path path = Files.createDirectories(folder.resolve(name));
        try (OutputStream out = Files.newOutputStream(path.resolve("manifest.json"))) {
            out.write(manifest.getBytes(StandardCharsets.UTF_8));
        }
        return path;
    }

    private static boolean scriptIn(String... args) {
        return CompilerRestart.scriptIn(BilanCommand.commandLine(args), args);
    }
}

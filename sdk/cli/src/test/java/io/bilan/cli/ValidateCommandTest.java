package io.bilan.cli;

import static io.bilan.cli.CommandRun.bilan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    @TempDir
    Path dir;

    @Test
    void aValidPackageHasNoProblems() {
        Path everyRule = CommandRun.everyRule(dir);
        CommandRun run = bilan("validate", everyRule.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals(java.util.List.of(everyRule + ": valid, 0 errors, 0 warnings"), run.outLines());
        assertEquals("", run.err());
    }

    @Test
    void pluginsThatAreNotThereAreAUsageError() {
        CommandRun run = bilan("validate", "--plugins", dir.resolve("no-such-plugins").toString(),
                CommandRun.everyRule(dir).toString());
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().contains("--plugins " + dir.resolve("no-such-plugins") + ": no such folder or jar"), run.err());
    }

    @Test
    void pluginsThatAreNeitherAFolderNorAJarAreAUsageError() throws Exception {
        Path notes = Files.writeString(dir.resolve("plugins.txt"), "a jar's name, not a jar");
        CommandRun run = bilan("validate", "--plugins", notes.toString(), CommandRun.everyRule(dir).toString());
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().contains("--plugins " + notes + ": neither a folder nor a .jar"), run.err());
    }

    @Test
    void aBrokenPluginIsNamedAndThePackageWithoutScorerStillValidates() throws Exception {
        Path plugins = Files.createDirectory(dir.resolve("plugins"));
        Files.writeString(plugins.resolve("broken.jar"), "not a jar");
        Path everyRule = CommandRun.everyRule(dir);

        CommandRun run = bilan("validate", "--plugins", plugins.toString(), everyRule.toString());

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().startsWith("bilan: plugin broken.jar: "), run.err());
    }

    @Test
    void printsEveryProblemOfABrokenPackage() throws Exception {
        Path everyRule = CommandRun.everyRule(dir);
        Path manifest = everyRule.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"format\": \"agree5\"", "\"format\": \"agree7\""));

        CommandRun run = bilan("validate", everyRule.toString());

        assertEquals(1, run.exit(), run.err());
        assertTrue(run.outLines().stream().anyMatch(line ->
                line.startsWith("error ") && line.contains(" manifest.json#/items/0/format: ")), run.out());
        assertTrue(run.outLines().getLast().startsWith(everyRule + ": invalid, "), run.out());
    }

    @Test
    void printsTheProblemsAsJson() throws Exception {
        Path everyRule = CommandRun.everyRule(dir);
        Files.writeString(everyRule.resolve("manifest.json"), "{\"formatVersion\": 1}");

        CommandRun run = bilan("validate", "--format", "json", everyRule.toString());

        assertEquals(1, run.exit(), run.err());
        JsonNode problems = new ObjectMapper().readTree(run.out());
        assertTrue(problems.isArray() && !problems.isEmpty(), run.out());
        assertEquals(everyRule.toString(), problems.get(0).get("package").asText());
        assertEquals("error", problems.get(0).get("severity").asText());
        assertEquals("manifest.json", problems.get(0).get("file").asText());
    }

    @Test
    void aValidPackageInJsonIsAnEmptyArray() throws Exception {
        CommandRun run = bilan("validate", "--format", "json", CommandRun.everyRule(dir).toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals(0, new ObjectMapper().readTree(run.out()).size());
    }

    @Test
    void requiresTheLanguagesAsked() {
        CommandRun run = bilan("validate", "--require-languages", "fr,de", CommandRun.everyRule(dir).toString());
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("de"), run.out());
    }

    @Test
    void anUnreadablePackageExitsWith3() throws Exception {
        Path notAZip = Files.writeString(dir.resolve("package.zip"), "not a zip");
        CommandRun run = bilan("validate", notAZip.toString(), CommandRun.everyRule(dir).toString());
        assertEquals(3, run.exit());
        assertTrue(run.err().startsWith("bilan: "), run.err());
        assertTrue(run.out().contains(": valid, "), "the other package is still validated: " + run.out());
        assertTrue(!run.err().contains("\tat "), "no stack trace: " + run.err());
    }

    @Test
    void aPackageIsRequired() {
        CommandRun run = bilan("validate");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("Missing required parameter"), run.err());
    }
}

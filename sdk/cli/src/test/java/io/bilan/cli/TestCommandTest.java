package io.bilan.cli;

import static io.bilan.cli.CommandRun.bilan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCommandTest {

    @TempDir
    Path dir;

    @Test
    void passesTheFixturesOfEveryRule() {
        Path everyRule = CommandRun.everyRule(dir);
        CommandRun run = bilan("test", everyRule.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals(List.of(
                everyRule.toString(),
                "PASS complete answers (fixtures/complete.json)",
                "PASS a scale that must be complete refuses missing answers (fixtures/fail-rule.json)",
                "2 passed, 0 failed"), run.outLines());
    }

    @Test
    void showsEachMismatchOfAFailingFixture() throws Exception {
        Path everyRule = CommandRun.everyRule(dir);
        Path fixture = everyRule.resolve("fixtures/complete.json");
        Files.writeString(fixture, Files.readString(fixture).replace("\"raw\": 19", "\"raw\": 20"));

        CommandRun run = bilan("test", everyRule.toString());

        assertEquals(1, run.exit());
        assertEquals("FAIL complete answers (fixtures/complete.json)", run.outLines().get(1));
        assertTrue(run.outLines().get(2).startsWith("    /expect/scales/S_sum/raw: expected 20"), run.out());
        assertEquals("1 passed, 1 failed", run.outLines().getLast());
    }

    @Test
    void anInvalidPackageFails() throws Exception {
        Path everyRule = CommandRun.everyRule(dir);
        Files.writeString(everyRule.resolve("manifest.json"), "{\"formatVersion\": 1,");

        CommandRun run = bilan("test", everyRule.toString());

        assertEquals(1, run.exit());
        assertTrue(run.out().contains("invalid package"), run.out());
        assertEquals("0 passed, 0 failed", run.outLines().getLast());
    }

    @Test
    void aMissingPackageExitsWith3() {
        CommandRun run = bilan("test", dir.resolve("nothing-here").toString());
        assertEquals(3, run.exit());
        assertTrue(run.err().startsWith("bilan: "), run.err());
    }
}

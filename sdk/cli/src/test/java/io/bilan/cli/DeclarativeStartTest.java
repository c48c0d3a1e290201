package io.bilan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command on a package without a script must not load the JavaScript engine's implementation: in a JVM of its
 * own, every class it loads is listed and none may be Truffle's (its load alone was a tenth of a short run).
 */
class DeclarativeStartTest {

    @TempDir
    Path dir;

    @Test
    void testingADeclarativePackageLoadsNoJavaScriptEngine() throws IOException, InterruptedException {
        Path everyRule = CommandRun.everyRule(dir);
        Path loaded = dir.resolve("classes.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + loaded, "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"), BilanCommand.class.getName(),
                "test", everyRule.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .start();
        assertEquals(0, process.waitFor(), Files.readString(dir.resolve("out.txt")));

        List<String> classes = Files.readAllLines(loaded);
        assertTrue(classes.stream().anyMatch(line -> line.contains("io.bilan.runtime.fixture.FixtureRunner ")),
                "the fixtures ran in that JVM");
        assertFalse(classes.stream().anyMatch(line -> line.contains(" com.oracle.truffle.")),
                "a Truffle class was loaded");
    }
}

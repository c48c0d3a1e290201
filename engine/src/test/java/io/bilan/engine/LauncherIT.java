package io.bilan.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/bilan-engine} as users run it, on the runtime and the ahead-of-time cache the build made on JDK 25
 * ({@code engine/src/build}): the JVM must use the cache ({@code -XX:AOTMode=on} makes it refuse to start
 * otherwise), and the JavaScript runtime must compile scripts (its compiler's thread appears once a script is
 * hot), i.e. the Graal compiler was found on the module path.
 */
class LauncherIT {

    private static final int PORT = 18085;
    private static final File LAUNCHER = new File("../bin/bilan-engine").getAbsoluteFile();
    private static final Path RUNTIME = Path.of("target/runtime/bin/java");

    @Test
    void theLauncherStartsTheEngineWithTheCacheAndTheScriptCompiler(@TempDir Path work) throws Exception {
        assumeTrue(Files.isExecutable(RUNTIME), "the build links the engine's runtime on JDK 25 and newer only");
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "threads are listed from Linux's /proc");
        Path log = work.resolve("engine.log");
        String key = createAdminKey(work);
        Process engine = launcher(work, log).start();
        try {
            String base = "http://127.0.0.1:" + PORT;
            EngineProcess.awaitReady(engine, PORT, log, Duration.ofMinutes(5));
            HttpClient http = HttpClient.newHttpClient();
            String body = responsesOfFirstFixture("riasec-interests");
            // A script runs in GraalJS' interpreter until it is hot: call until its compiler has a thread.
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            boolean compiling = false;
            while (!compiling && System.nanoTime() < deadline) {
                HttpResponse<String> scored = http.send(HttpRequest.newBuilder(
                                URI.create(base + "/api/v1/instruments/riasec-interests/latest/score"))
                        .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, scored.statusCode(), scored.body());
                compiling = threadNames(engine.pid()).stream().anyMatch(name -> name.startsWith("TruffleCompile"));
            }
            assertTrue(compiling, "no thread of the JavaScript compiler after 3 minutes of scripted calls:\n"
                    + threadNames(engine.pid()));
        } finally {
            engine.destroy();
            engine.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static ProcessBuilder launcher(Path work, Path log, String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("sh", LAUNCHER.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("BILAN_"));
        builder.environment().put("BILAN_DATA_DIR", work.resolve("data").toString());
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(PORT));
        // The JVM refuses to start when it cannot use the cache, instead of starting without it.
        builder.environment().put("BILAN_JAVA_OPTS", "-XX:AOTMode=on");
        return builder;
    }

    private static String createAdminKey(Path work) throws Exception {
        Path log = work.resolve("create-admin-key.log");
        Process command = launcher(work, log, "create-admin-key", "launcher").start();
        assertTrue(command.waitFor(3, TimeUnit.MINUTES), "create-admin-key did not end");
        String printed = Files.readString(log);
        assertEquals(0, command.exitValue(), printed);
        return printed.lines().map(String::strip).filter(line -> line.startsWith("bilan_")).findFirst()
                .orElseThrow(() -> new AssertionError("no key printed:\n" + printed));
    }

    /** The names of a process' threads, as Linux keeps them (15 characters at most). */
    private static List<String> threadNames(long pid) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return tasks.map(task -> read(task.resolve("comm")).strip()).toList();
        }
    }

    private static String responsesOfFirstFixture(String instrument) throws IOException {
        try (Stream<Path> fixtures = Files.list(Path.of("../instruments", instrument, "fixtures"))) {
            Path first = fixtures.filter(path -> path.toString().endsWith(".json")).sorted().findFirst().orElseThrow();
            var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(first.toFile());
            return tree.get("responses").toString();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}

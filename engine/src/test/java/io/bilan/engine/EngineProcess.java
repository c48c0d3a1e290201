package io.bilan.engine;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged engine (target/quarkus-app) run as users run it, for integration tests. */
public final class EngineProcess {

    private final Map<String, String> environment;

    /** An engine configured by these environment variables (a database, catalogue folders...). */
    public EngineProcess(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** Runs {@code bilan-engine create-admin-key} and returns the key it printed. */
    public String createAdminKey() throws Exception {
        Path output = Files.createTempFile("bilan-create-admin-key", ".log");
        Process command = builder(List.of("-jar", jar(), "create-admin-key", "it admin"), output).start();
        boolean done = command.waitFor(90, TimeUnit.SECONDS);
        String printed = Files.readString(output);
        if (!done || command.exitValue() != 0) {
            throw new IllegalStateException("create-admin-key failed:\n" + printed);
        }
        return printed.lines().map(String::strip).filter(line -> line.startsWith("bilan_")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no key printed:\n" + printed));
    }

    /** Starts the service on {@code port} and waits until it is ready. */
    public Process start(int port) throws Exception {
        Path log = Files.createTempFile("bilan-engine-" + port, ".log");
        Process engine = builder(List.of("-Dquarkus.http.port=" + port, "-jar", jar()), log).start();
        awaitReady(engine, port, log, Duration.ofSeconds(90));
        return engine;
    }

    /** Whether {@code command} is an executable on the {@code PATH}, for tests that run a script with it. */
    public static boolean onPath(String command) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(folder -> Files.isExecutable(Path.of(folder, command)));
    }

    private static String jar() {
        return System.getProperty("bilan.engine.jar");
    }

    private ProcessBuilder builder(List<String> arguments, Path log) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String flag : System.getProperty("bilan.engine.jvm-args", "").trim().split("\\s+")) {
            if (!flag.isEmpty()) {
                command.add(flag);
            }
        }
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return builder;
    }

    /**
     * Waits until the engine on {@code port} answers ready; fails with its log when it stops first or is not ready
     * {@code within}.
     */
    static void awaitReady(Process engine, int port, Path log, Duration within) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!engine.isAlive()) {
                throw new IllegalStateException("the engine on port " + port + " stopped with status "
                        + engine.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the engine on port " + port + " was not ready within " + within.toSeconds()
                + " s:\n" + Files.readString(log));
    }
}

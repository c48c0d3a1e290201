package io.bilan.engine.postgres;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.oneOf;

import io.bilan.engine.Packages;
import java.io.File;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two engine processes, built as users run them, on one PostgreSQL: a package published on one is listed and
 * scoreable on the other. The first admin's key comes from the engine's own command, as in the README.
 */
class TwoInstancesIT {

    private static final int FIRST = 18081;
    private static final int SECOND = 18082;
    private static final List<Process> ENGINES = new ArrayList<>();
    private static String adminKey;

    @BeforeAll
    static void startTwoEngines() throws Exception {
        PostgresProfile.requireReachable();
        adminKey = createAdminKey();
        for (int port : List.of(FIRST, SECOND)) {
            ENGINES.add(start(port));
        }
        for (int port : List.of(FIRST, SECOND)) {
            awaitReady(port);
        }
    }

    @AfterAll
    static void stopEngines() {
        ENGINES.forEach(Process::destroy);
    }

    @Test
    void aPackagePublishedOnOneInstanceIsScoredOnTheOther() throws Exception {
        byte[] zip = Packages.teamwork(manifest -> manifest.put("version", "5.0.0"));
        given().port(FIRST).auth().oauth2(adminKey).contentType("application/zip").body(zip).post("/api/v1/instruments").then()
                .statusCode(oneOf(200, 201));
        given().port(SECOND).get("/api/v1/instruments/teamwork-styles").then()
                .statusCode(200).body("versions.version", hasItem("5.0.0"));
        given().port(SECOND).auth().oauth2(adminKey).contentType("application/json")
                .body("{\"answers\": {\"coord1\": 5, \"coord2\": 5, \"coord3\": 1, \"coord4\": 5, "
                        + "\"fc1\": {\"most\": \"coord\", \"least\": \"support\"}, "
                        + "\"fc2\": {\"most\": \"coord\", \"least\": \"support\"}}}")
                .post("/api/v1/instruments/teamwork-styles/5.0.0/score").then()
                .statusCode(200)
                .body("instrument", equalTo("teamwork-styles@5.0.0"))
                .body("scales.coordinating.raw", equalTo(24.0f));
    }

    private static String createAdminKey() throws Exception {
        Path output = Files.createTempFile("bilan-create-admin-key", ".log");
        Process command = engine(List.of("-jar", System.getProperty("bilan.engine.jar"), "create-admin-key", "it admin"),
                output).start();
        boolean done = command.waitFor(90, java.util.concurrent.TimeUnit.SECONDS);
        String printed = Files.readString(output);
        if (!done || command.exitValue() != 0) {
            throw new IllegalStateException("create-admin-key failed:\n" + printed);
        }
        return printed.lines().map(String::strip).filter(line -> line.startsWith("bilan_")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no key printed:\n" + printed));
    }

    private static Process start(int port) throws IOException {
        Path log = Files.createTempFile("bilan-engine-" + port, ".log");
        return engine(List.of("-Dquarkus.http.port=" + port, "-jar", System.getProperty("bilan.engine.jar")), log).start();
    }

    private static ProcessBuilder engine(List<String> arguments, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        for (String flag : System.getProperty("bilan.engine.jvm-args", "").trim().split("\\s+")) {
            if (!flag.isEmpty()) {
                command.add(flag);
            }
        }
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("QUARKUS_DATASOURCE_JDBC_URL", PostgresProfile.URL);
        builder.environment().put("QUARKUS_DATASOURCE_USERNAME", PostgresProfile.USER);
        builder.environment().put("QUARKUS_DATASOURCE_PASSWORD", System.getenv().getOrDefault("BILAN_TEST_POSTGRES_PASSWORD", ""));
        builder.environment().put("BILAN_CATALOG_FOLDERS", new File("../examples/packages").getAbsolutePath());
        return builder;
    }

    private static void awaitReady(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the engine on port " + port + " was not ready within 90 s");
    }
}

package io.bilan.engine.postgres;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.oneOf;

import io.bilan.engine.EngineProcess;
import io.bilan.engine.Packages;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        EngineProcess engine = new EngineProcess(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", PostgresProfile.URL,
                "QUARKUS_DATASOURCE_USERNAME", PostgresProfile.USER,
                "QUARKUS_DATASOURCE_PASSWORD", System.getenv().getOrDefault("BILAN_TEST_POSTGRES_PASSWORD", ""),
                "BILAN_CATALOG_FOLDERS", new File("../examples/packages").getAbsolutePath(),
                // The keyring of personal data and the rest of the data folder stay in target, not in the sources.
                "BILAN_DATA_DIR", Files.createTempDirectory(Path.of("target"), "two-instances").toAbsolutePath()
                        .toString()));
        adminKey = engine.createAdminKey();
        for (int port : List.of(FIRST, SECOND)) {
            ENGINES.add(engine.start(port));
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
}

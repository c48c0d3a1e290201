package io.bilan.engine.postgres;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.bilan.engine.Packages;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** The catalogue and scoring on PostgreSQL: packages are stored there and scored from there. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresCatalogTest {

    @org.junit.jupiter.api.BeforeEach
    void awaitCatalog() throws InterruptedException {
        io.bilan.engine.CatalogReady.await();
    }

    @Test
    void publishesStoresAndScoresOnPostgres() throws Exception {
        given().get("/api/v1/instruments").then().statusCode(200).body("id", hasItem("teamwork-styles"));
        byte[] zip = Packages.teamwork(manifest -> manifest.put("version", "1.2.0"));
        given().contentType("application/zip").body(zip).post("/api/v1/instruments").then().statusCode(201);
        given().contentType("application/zip").body(zip).post("/api/v1/instruments").then().statusCode(200);
        byte[] changed = Packages.teamwork(manifest -> {
            manifest.put("version", "1.2.0");
            manifest.put("estimatedMinutes", 15);
        });
        given().contentType("application/zip").body(changed).post("/api/v1/instruments").then().statusCode(409);
        given().contentType("application/json").body("{\"answers\": {\"coord1\": 5, \"coord2\": 5, \"coord3\": 1, "
                        + "\"coord4\": 5, \"fc1\": {\"most\": \"coord\", \"least\": \"support\"}, "
                        + "\"fc2\": {\"most\": \"coord\", \"least\": \"support\"}}}")
                .post("/api/v1/instruments/teamwork-styles/1.2.0/score").then()
                .statusCode(200)
                // 5 + 5 + (6 - 1) + 5 + 2 + 2: every entry at its top
                .body("scales.coordinating.raw", equalTo(24.0f));
        given().get("/q/health/ready").then().statusCode(200);
    }
}

package io.bilan.engine.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.bilan.engine.CatalogReady;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * While the catalogue loads at first start, what it cannot answer yet is a 503 with Retry-After: a listing that
 * would be short, an instrument not yet published. What is already published is served.
 */
@QuarkusTest
class CatalogLoadingTest {

    @Inject
    CatalogState state;

    @BeforeEach
    void loading() throws InterruptedException {
        CatalogReady.await();
        state.ready(false);
    }

    @AfterEach
    void ready() {
        state.ready(true);
    }

    @Test
    void theListingIsA503WithRetryAfterUntilTheCatalogueIsReady() {
        given().auth().none().get("/api/v1/instruments").then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("urn:bilan:problem:catalog-loading"))
                .body("status", equalTo(503));
        given().auth().none().queryParam("lang", "fr").get("/api/v1/instruments").then().statusCode(503)
                .header("Retry-After", "5");
        given().auth().none().header("Accept-Language", "fr").get("/api/v1/instruments").then().statusCode(503)
                .body("title", equalTo("Catalogue en chargement"));
        given().get("/q/health/ready").then().statusCode(503);

        state.ready(true);
        given().auth().none().get("/api/v1/instruments").then().statusCode(200).body("size()", not(equalTo(0)));
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void anInstrumentNotYetPublishedIsA503NotA404() {
        String absent = "/api/v1/instruments/not-published-yet";
        given().get(absent).then().statusCode(503).header("Retry-After", "5")
                .body("type", equalTo("urn:bilan:problem:catalog-loading"));
        given().get(absent + "/1.0.0").then().statusCode(503);
        given().get(absent + "/latest/response-schema").then().statusCode(503);
        given().contentType("application/json").body("{\"answers\": {}}").post(absent + "/latest/score").then()
                .statusCode(503).header("Retry-After", "5");
        given().contentType("text/csv").body("respondent\nr1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post(absent + "/latest/score-batch").then().statusCode(503);
        // A published version is served meanwhile: scoring it need not wait.
        given().get("/api/v1/instruments/teamwork-styles/1.0.0").then().statusCode(200);
        given().contentType("application/json").body("{\"answers\": {\"coord1\": 3}}")
                .post("/api/v1/instruments/teamwork-styles/1.0.0/score").then().statusCode(200);

        state.ready(true);
        given().get(absent).then().statusCode(404).body("type", equalTo("urn:bilan:problem:instrument-not-found"));
        given().get(absent + "/1.0.0").then().statusCode(404)
                .body("detail", startsWith("no version"));
    }
}

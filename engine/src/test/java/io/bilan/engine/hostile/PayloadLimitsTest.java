package io.bilan.engine.hostile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bilan.engine.CatalogReady;
import io.bilan.engine.security.ApiKeyRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The limits every JSON endpoint puts on what it reads: body size, nesting depth, string and number lengths,
 * duplicate keys and the number of entries. Each breach is a 4xx problem and stores nothing.
 */
@QuarkusTest
class PayloadLimitsTest {

    private static final List<String> JSON_ENDPOINTS = List.of("/api/v1/instruments/teamwork-styles/1.0.0/score",
            "/api/v1/profiles", "/api/v1/api-keys");

    @BeforeEach
    void awaitCatalog() throws InterruptedException {
        CatalogReady.await();
    }

    private static long storedKeys() {
        return QuarkusTransaction.requiringNew().call(() -> ApiKeyRecord.count());
    }

    private static void refused(String endpoint, String body, int status) {
        long keys = storedKeys();
        given().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8)).post(endpoint).then()
                .statusCode(status).contentType(startsWith("application/problem+json"));
        assertEquals(keys, storedKeys(), endpoint + ": nothing stored");
    }

    @Test
    void deepNestingIsRefusedEverywhere() {
        String deep = "{\"name\": " + "[".repeat(200) + "]".repeat(200) + "}";
        JSON_ENDPOINTS.forEach(endpoint -> refused(endpoint, deep, 400));
    }

    @Test
    void hugeStringsAndNumbersAreRefusedEverywhere() {
        String longString = "{\"name\": \"" + "x".repeat(200_000) + "\", \"roles\": [\"admin\"]}";
        String longNumber = "{\"answers\": {\"coord1\": " + "9".repeat(1_000) + "}, \"name\": 1}";
        JSON_ENDPOINTS.forEach(endpoint -> {
            refused(endpoint, longString, 400);
            refused(endpoint, longNumber, 400);
        });
    }

    @Test
    void aKeyTwiceInAnObjectIsRefused() {
        refused("/api/v1/api-keys", "{\"name\": \"a\", \"roles\": [\"researcher\"], \"roles\": [\"admin\"]}", 400);
        refused("/api/v1/instruments/teamwork-styles/1.0.0/score",
                "{\"answers\": {\"coord1\": 1, \"coord1\": 5}}", 400);
    }

    @Test
    void bodiesOverTheLimitAreRefusedBeforeTheyAreRead() {
        String big = "{\"name\": \"" + "x".repeat(90_000) + "\"}";
        JSON_ENDPOINTS.forEach(endpoint -> refused(endpoint, "[" + (big + ",").repeat(12) + "1]", 413));
    }

    @Test
    void aDocumentWithoutALengthIsRefused() throws Exception {
        // Only batches may be streamed; RestAssured always sends a length, so this speaks HTTP itself.
        try (var socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.getOutputStream().write(("POST /api/v1/profiles HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + io.bilan.engine.TestCallers.staff() + "\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                    + "2\r\n{}\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertEquals("HTTP/1.1 411 Length Required", status);
        }
    }

    @Test
    void aProfileTakesABoundedNumberOfResults() {
        String administration = "{\"instrument\": \"teamwork-styles\", \"responses\": {\"answers\": {}}}";
        String body = "{\"administrations\": [" + String.join(",", java.util.Collections.nCopies(101, administration)) + "]}";
        given().contentType("application/json").body(body).post("/api/v1/profiles").then().statusCode(400)
                .body("type", equalTo("urn:bilan:problem:invalid-request"))
                .body("errors.pointer", hasItem("/administrations"))
                .body("errors.code", hasItem("too-many-entries"));
    }

    @Test
    void aMalformedBodyIsAProblemWithAPointerWhereThereIsOne() {
        given().contentType("application/json").body("{\"reports\": [{\"scales\": 3}]}").post("/api/v1/profiles")
                .then().statusCode(400).body("type", equalTo("urn:bilan:problem:malformed-json"))
                .body("errors[0].pointer", equalTo("/reports/0/scales"));
    }
}

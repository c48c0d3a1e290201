package io.bilan.engine.idempotency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.engine.CatalogReady;
import io.bilan.engine.Packages;
import io.bilan.engine.catalog.PackageRecord;
import io.bilan.engine.security.ApiKeyRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests retried with the same Idempotency-Key store nothing twice and get the first answer again. */
@QuarkusTest
class IdempotencyTest {

    @BeforeEach
    void awaitCatalog() throws InterruptedException {
        CatalogReady.await();
    }

    private static long keysNamed(String name) {
        return QuarkusTransaction.requiringNew().call(() -> ApiKeyRecord.count("name", name));
    }

    @Test
    void aRetriedKeyCreationCreatesOneKeyAndNeverReplaysItsSecret() {
        String key = UUID.randomUUID().toString();
        String body = "{\"name\": \"retried once\", \"roles\": [\"researcher\"]}";
        String id = given().header("Idempotency-Key", key).contentType("application/json").body(body)
                .post("/api/v1/api-keys").then().statusCode(201).header("Idempotent-Replayed", nullValue())
                .extract().path("id");
        given().header("Idempotency-Key", key).contentType("application/json").body(body).post("/api/v1/api-keys")
                .then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", "/api/v1/api-keys/" + id)
                .body("id", equalTo(id))
                .body("$", not(hasKey("key")));
        assertEquals(1, keysNamed("retried once"));
    }

    @Test
    void theSameKeyForAnotherRequestIsRefused() {
        String key = UUID.randomUUID().toString();
        given().header("Idempotency-Key", key).contentType("application/json")
                .body("{\"name\": \"first use\", \"roles\": [\"researcher\"]}").post("/api/v1/api-keys").then()
                .statusCode(201);
        given().header("Idempotency-Key", key).contentType("application/json")
                .body("{\"name\": \"second use\", \"roles\": [\"researcher\"]}").post("/api/v1/api-keys").then()
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:bilan:problem:idempotency-key-reused"));
        assertEquals(0, keysNamed("second use"));
        given().header("Idempotency-Key", "has spaces").contentType("application/json")
                .body("{\"name\": \"bad key\", \"roles\": [\"researcher\"]}").post("/api/v1/api-keys").then()
                .statusCode(400).body("errors[0].pointer", equalTo("Idempotency-Key"));
    }

    @Test
    void concurrentRetriesStoreOneKey() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = "{\"name\": \"sent eight times at once\", \"roles\": [\"researcher\"]}";
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> given().header("Idempotency-Key", key).contentType("application/json").body(body)
                        .post("/api/v1/api-keys").then().extract().statusCode());
            }
            for (Future<Integer> status : clients.invokeAll(calls)) {
                assertTrue(status.get() == 201 || status.get() == 409, "201, or 409 while the first is in progress: "
                        + status.get());
            }
        } finally {
            clients.shutdown();
        }
        assertEquals(1, keysNamed("sent eight times at once"));
        given().header("Idempotency-Key", key).contentType("application/json").body(body).post("/api/v1/api-keys")
                .then().statusCode(201).header("Idempotent-Replayed", "true");
    }

    @Test
    void aRetriedPublicationGetsTheFirstAnswer() throws Exception {
        byte[] zip = Packages.teamwork(manifest -> manifest.put("id", "idempotent-styles"));
        String key = UUID.randomUUID().toString();
        given().header("Idempotency-Key", key).contentType("application/zip").body(zip).post("/api/v1/instruments")
                .then().statusCode(201);
        given().header("Idempotency-Key", key).contentType("application/zip").body(zip).post("/api/v1/instruments")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo("idempotent-styles"));
        assertEquals(1L, (long) QuarkusTransaction.requiringNew()
                .call(() -> PackageRecord.count("instrumentId", "idempotent-styles")));
    }
}

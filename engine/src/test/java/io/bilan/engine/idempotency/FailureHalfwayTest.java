package io.bilan.engine.idempotency;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bilan.engine.CatalogReady;
import io.bilan.engine.Packages;
import io.bilan.engine.catalog.PackageRecord;
import io.bilan.engine.security.ApiKeyRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A request that fails between its steps leaves nothing behind: here the change is written (a key, a package),
 * then storing its response for retries fails, and the change is undone with it.
 */
@QuarkusTest
class FailureHalfwayTest {

    /** Fails where the response of an idempotent request would be stored, after the change was written. */
    static class FailingStore extends IdempotencyStore {
        @Override
        public void save(IdempotentRequest request) {
            throw new IllegalStateException("injected failure between the change and its record");
        }
    }

    @BeforeEach
    void injectFailure() throws InterruptedException {
        CatalogReady.await();
        QuarkusMock.installMockForType(new FailingStore(), IdempotencyStore.class);
    }

    @Test
    void aKeyWhoseRequestFailedHalfwayIsNotStored() {
        given().header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body("{\"name\": \"half written\", \"roles\": [\"researcher\"]}").post("/api/v1/api-keys").then()
                .statusCode(500).contentType("application/problem+json");
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> ApiKeyRecord.count("name", "half written")));
    }

    @Test
    void aPackageWhosePublicationFailedHalfwayIsNotStoredAndCanBePublishedAgain() throws Exception {
        byte[] zip = Packages.teamwork(manifest -> manifest.put("id", "half-published"));
        given().header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/zip").body(zip)
                .post("/api/v1/instruments").then().statusCode(500);
        assertEquals(0L, (long) QuarkusTransaction.requiringNew()
                .call(() -> PackageRecord.count("instrumentId", "half-published")));
        given().get("/api/v1/instruments/half-published").then().statusCode(404);

        QuarkusMock.installMockForType(new IdempotencyStore(), IdempotencyStore.class);
        given().header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/zip").body(zip)
                .post("/api/v1/instruments").then().statusCode(201);
    }
}

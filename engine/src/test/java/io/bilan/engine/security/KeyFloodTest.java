package io.bilan.engine.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.engine.CatalogReady;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Callers without credentials presenting made-up keys: refused without growing memory, and without a database read
 * per key beyond one per {@code bilan.auth.key-lookup-interval} (1 s).
 */
@QuarkusTest
class KeyFloodTest {

    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    ApiKeys keys;

    @BeforeEach
    void awaitCatalog() throws InterruptedException {
        CatalogReady.await();
    }

    @Test
    void madeUpKeysAreRefusedWithoutMemoryAndWithABoundedNumberOfReads() {
        String real = keys.create("flood witness", java.util.List.of(Roles.RESEARCHER), null, "tests").secret();
        assertTrue(check(real).isPresent());
        int cachedBefore = keys.cachedKeys();
        int knownBefore = keys.knownKeys();
        long readsBefore = keys.databaseReads();
        Runtime runtime = Runtime.getRuntime();
        long begun = System.nanoTime();
        int presented = 100_000;
        for (int i = 0; i < presented; i++) {
            assertTrue(check(randomKey()).isEmpty());
        }
        long elapsedMillis = (System.nanoTime() - begun) / 1_000_000;
        long reads = keys.databaseReads() - readsBefore;
        // One look for new keys per second at most, the first one at once.
        long allowed = elapsedMillis / 1000 + 1;
        System.out.printf("%d made-up keys in %d ms: %d database reads (at most %d), cache %d -> %d, known ids %d -> %d,"
                + " heap used %d MB%n", presented, elapsedMillis, reads, allowed, cachedBefore, keys.cachedKeys(),
                knownBefore, keys.knownKeys(), (runtime.totalMemory() - runtime.freeMemory()) >> 20);
        assertTrue(reads <= allowed, reads + " reads for " + presented + " keys in " + elapsedMillis + " ms");
        assertEquals(cachedBefore, keys.cachedKeys(), "no made-up key is held");
        assertEquals(knownBefore, keys.knownKeys(), "no made-up id is held");
        assertTrue(check(real).isPresent(), "the real key still works");
    }

    @Test
    void madeUpKeysOverHttpAreRefusedAlikeAndLeaveNothing() {
        int cachedBefore = keys.cachedKeys();
        long readsBefore = keys.databaseReads();
        long begun = System.nanoTime();
        int presented = 1_000;
        for (int i = 0; i < presented; i++) {
            given().auth().oauth2(randomKey()).get("/api/v1/cases").then().statusCode(401)
                    .body("type", equalTo("urn:bilan:problem:unauthenticated"));
        }
        long elapsedMillis = (System.nanoTime() - begun) / 1_000_000;
        long reads = keys.databaseReads() - readsBefore;
        System.out.printf("%d made-up keys over HTTP in %d ms: %d database reads%n", presented, elapsedMillis, reads);
        // The staff key of the other requests may be read again once its cache time runs out, hence + 1.
        assertTrue(reads <= elapsedMillis / 1000 + 2, reads + " reads in " + elapsedMillis + " ms");
        assertTrue(keys.cachedKeys() <= cachedBefore + 1);
    }

    @Test
    void aKeyCreatedOnAnotherInstanceWorksHereWithinTheLookupInterval() throws InterruptedException {
        assertTrue(check(randomKey()).isEmpty()); // this instance has just looked at the database
        String secret = "s".repeat(43);
        String id = randomId();
        QuarkusTransaction.requiringNew().run(() -> {
            // As another instance would create it: straight into the database, unknown to this one.
            ApiKeyRecord record = new ApiKeyRecord();
            record.keyId = id;
            record.secretHash = Sha256.hex(secret);
            record.name = "made elsewhere";
            record.roles = Roles.RESEARCHER;
            record.createdBy = "tests";
            record.createdAt = OffsetDateTime.now();
            record.persist();
        });
        long created = System.nanoTime();
        String key = ApiKeys.PREFIX + id + "_" + secret;
        Thread.sleep(1_000);
        given().auth().oauth2(key).contentType("application/json")
                .body("{\"answers\": {\"coord1\": 5, \"coord2\": 5, \"coord3\": 1, \"coord4\": 5}}")
                .post("/api/v1/instruments/teamwork-styles/1.0.0/score").then().statusCode(200);
        System.out.printf("a key created elsewhere worked here %d ms after its creation%n",
                (System.nanoTime() - created) / 1_000_000);
    }

    @Test
    void aRevokedKeyIsRefusedFromMemoryAsWell() {
        String key = keys.create("held", java.util.List.of(Roles.RESEARCHER), null, "tests").secret();
        String id = key.substring(6, 22);
        assertTrue(check(key).isPresent());
        keys.revoke(id, "tests");
        assertTrue(check(key).isEmpty());
        ApiKeys.Decision decided = keys.checkInMemory(key);
        assertTrue(decided == null || decided.holder().isEmpty());
        assertNotNull(keys.find(id).orElseThrow().revokedAt());
    }

    /** As the identity provider checks: from memory when it can decide, else with the database. */
    private Optional<ApiKeys.KeyHolder> check(String key) {
        ApiKeys.Decision decided = keys.checkInMemory(key);
        return decided != null ? decided.holder() : keys.check(key);
    }

    private static String randomKey() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return ApiKeys.PREFIX + randomId() + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static String randomId() {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            id.append(BASE32.charAt(RANDOM.nextInt(BASE32.length())));
        }
        return id.toString();
    }
}

package io.bilan.engine.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilan.engine.CatalogReady;
import io.bilan.engine.Packages;
import io.bilan.engine.TestCallers;
import io.bilan.engine.security.Roles;
import io.bilan.runtime.source.PackageReader;
import io.bilan.runtime.source.PackageSource;
import io.bilan.runtime.source.PackageWriter;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An author cannot fill the heap or the disk: loaded instruments stay within a budget of 1 MiB (each bulky version
 * here weighs about 430 KB, so two fit), and a publisher may store three versions and 600,000 bytes of packages
 * (a bulky version is stored in about 240 KB, so two fit).
 */
@QuarkusTest
@TestProfile(PublisherQuotaAndBudgetTest.SmallLimits.class)
class PublisherQuotaAndBudgetTest {

    private static final long BUDGET = 1024 * 1024;
    /** Random letters and digits: deflate keeps about three quarters of them (six bits of eight). */
    private static final int PADDING = 300_000;

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bilan.catalog.loaded-budget", "1M",
                    "bilan.catalog.quota.max-versions-per-publisher", "3",
                    "bilan.catalog.quota.max-bytes-per-publisher", "600000",
                    "bilan.sandbox.time-limit", "10s");
        }
    }

    @Inject
    InstrumentCatalog catalog;

    @BeforeEach
    void awaitCatalog() throws InterruptedException {
        // This profile's engine publishes its catalogue on a fresh database.
        CatalogReady.await();
    }

    @Test
    void instrumentsOverTheBudgetAreDroppedAndScoreAlikeWhenLoadedAgain() throws Exception {
        String answers = new ObjectMapper().readTree(Files.readAllBytes(
                Packages.TEAMWORK.resolve("fixtures/clear-primary-style.json"))).get("responses").toString();
        List<String> digests = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            // The staff key is an admin's: admins are not held to quotas.
            digests.add(given().contentType("application/zip").body(bulky("bulky-styles", "1.0." + i, i))
                    .post("/api/v1/instruments").then().statusCode(201).extract().path("digest"));
            assertTrue(catalog.loadedWeight() <= BUDGET, "accounted " + catalog.loadedWeight());
        }
        assertFalse(catalog.isLoaded(digests.get(0)), "the first version was dropped");
        for (int round = 0; round < 2; round++) {
            for (int i = 1; i <= 6; i++) {
                // Hand-computed in the fixture: coordinating 15, supporting 18, challenging 9, delivering 23.
                given().contentType("application/json").body(answers)
                        .post("/api/v1/instruments/bulky-styles/1.0." + i + "/score").then().statusCode(200)
                        .body("instrument", equalTo("bulky-styles@1.0." + i))
                        .body("scales.coordinating.raw", equalTo(15.0f))
                        .body("scales.supporting.raw", equalTo(18.0f))
                        .body("scales.challenging.raw", equalTo(9.0f))
                        .body("scales.delivering.raw", equalTo(23.0f));
                assertTrue(catalog.isLoaded(digests.get(i - 1)));
                assertTrue(catalog.loadedWeight() <= BUDGET, "accounted " + catalog.loadedWeight());
            }
        }
    }

    @Test
    void aPublisherStoresAtMostTheVersionsOfItsQuotaAndTheSameContentCountsOnce() throws Exception {
        String author = TestCallers.of(Roles.AUTHOR, "count-quota");
        publish(author, small("counted-styles", "1.0.0")).statusCode(201);
        publish(author, small("counted-styles", "1.0.0")).statusCode(200);
        publish(author, small("counted-styles", "1.0.1")).statusCode(201);
        publish(author, small("counted-styles", "1.0.1")).statusCode(200);
        publish(author, small("counted-styles", "1.0.2")).statusCode(201);
        publish(author, small("counted-styles", "1.0.3")).statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:bilan:problem:publisher-quota-exceeded"))
                .body("detail", containsString("already has 3 versions"))
                .body("detail", containsString("the most a publisher may have is 3"));
        publish(author, small("other-counted-styles", "1.0.0")).statusCode(403);
        given().get("/api/v1/instruments/counted-styles").then().statusCode(200)
                .body("versions.version", equalTo(List.of("1.0.0", "1.0.1", "1.0.2")));
        // Still idempotent at the quota.
        publish(author, small("counted-styles", "1.0.2")).statusCode(200);

        String another = TestCallers.of(Roles.AUTHOR, "count-quota-other");
        publish(another, small("uncounted-styles", "1.0.0")).statusCode(201);
        given().contentType("application/zip").body(small("counted-styles", "1.0.3")).post("/api/v1/instruments")
                .then().statusCode(201);
    }

    @Test
    void concurrentPublicationsOfOnePublisherCannotTogetherGoOverItsQuota() throws Exception {
        String author = TestCallers.of(Roles.AUTHOR, "racing-quota");
        publish(author, small("racing-styles", "1.0.0")).statusCode(201);
        publish(author, small("racing-styles", "1.0.1")).statusCode(201);
        List<byte[]> zips = new ArrayList<>();
        for (int i = 2; i < 8; i++) {
            zips.add(small("racing-styles", "1.0." + i));
        }
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<Integer> statuses;
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(zips.size())) {
            List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
            for (byte[] zip : zips) {
                answers.add(threads.submit(() -> {
                    start.await();
                    return publish(author, zip).extract().statusCode();
                }));
            }
            start.countDown();
            statuses = new ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
        }
        assertEquals(1, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
        assertEquals(5, statuses.stream().filter(status -> status == 403).count(), statuses.toString());
        given().get("/api/v1/instruments/racing-styles").then().statusCode(200).body("versions.size()", equalTo(3));
    }

    @Test
    void aPublisherStoresAtMostTheBytesOfItsQuota() throws Exception {
        String author = TestCallers.of(Roles.AUTHOR, "size-quota");
        publish(author, bulky("heavy-styles", "1.0.0", 101)).statusCode(201);
        publish(author, bulky("heavy-styles", "1.0.1", 102)).statusCode(201);
        publish(author, bulky("heavy-styles", "1.0.2", 103)).statusCode(403)
                .body("type", equalTo("urn:bilan:problem:publisher-quota-exceeded"))
                .body("detail", containsString("over the 600000 bytes a publisher may store"));
        publish(author, bulky("heavy-styles", "1.0.0", 101)).statusCode(200);
        given().get("/api/v1/instruments/heavy-styles").then().statusCode(200)
                .body("versions.version", equalTo(List.of("1.0.0", "1.0.1")));

        String another = TestCallers.of(Roles.AUTHOR, "size-quota-other");
        publish(another, bulky("light-styles", "1.0.0", 104)).statusCode(201);
    }

    private static io.restassured.response.ValidatableResponse publish(String key, byte[] zip) {
        return given().auth().oauth2(key).contentType("application/zip").body(zip).post("/api/v1/instruments").then();
    }

    private static byte[] small(String id, String version) throws Exception {
        return Packages.teamwork(manifest -> manifest.put("id", id).put("version", version));
    }

    /** The teamwork package with {@value #PADDING} random letters beside it, the same for the same seed. */
    private static byte[] bulky(String id, String version, long seed) throws Exception {
        Random random = new Random(seed);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        StringBuilder padding = new StringBuilder(PADDING);
        for (int i = 0; i < PADDING; i++) {
            padding.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        PackageSource source = new PackageReader().readZip(small(id, version), "test");
        java.util.TreeMap<String, byte[]> files = new java.util.TreeMap<>(source.files());
        files.put("notes.txt", padding.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        PackageWriter.writeZip(new PackageSource("test", files), zip);
        return zip.toByteArray();
    }
}

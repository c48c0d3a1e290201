package io.bilan.engine.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bilan.engine.CatalogReady;
import io.bilan.engine.Packages;
import io.bilan.runtime.BilanRuntime;
import io.bilan.runtime.source.PackageSource;
import io.bilan.runtime.source.PackageWriter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A stored package is loaded without running its fixtures when this very runtime passed them, and with them
 * otherwise (then this runtime is recorded). To see which, a package is published, then its stored content is
 * replaced by a copy of another digest (so not loaded yet) whose fixture expects a wrong score: a load that runs the
 * fixtures refuses it.
 */
@QuarkusTest
class StoredFixturesTest {

    private static final String FIXTURE = "fixtures/clear-primary-style.json";
    /** A runtime identity that is not this one: a previous build of the engine. */
    private static final String ANOTHER_RUNTIME = "0".repeat(64);

    @Inject
    BilanRuntime runtime;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void awaitCatalog() throws InterruptedException {
        CatalogReady.await();
    }

    @Test
    void aPublishedPackageRecordsTheRuntimeThatPassedItsFixtures() throws Exception {
        publish("fixtures-recorded");

        assertEquals(runtime.identity(), stored("fixtures-recorded").fixturesPassedUnder);
    }

    @Test
    void aPackageWhoseFixturesPassedUnderThisRuntimeIsLoadedWithoutRunningThem() throws Exception {
        publish("fixtures-passed-here");
        replaceContent("fixtures-passed-here", 16, runtime.identity());

        score("fixtures-passed-here").statusCode(200)
                // Hand-computed in the fixture: coordinating 15, delivering 23.
                .body("scales.coordinating.raw", equalTo(15.0f))
                .body("scales.delivering.raw", equalTo(23.0f));
    }

    @Test
    void aPackageStoredUnderAnotherRuntimeRunsItsFixturesAndIsRefusedWhenOneFails() throws Exception {
        publish("fixtures-passed-elsewhere");
        PackageRecord published = stored("fixtures-passed-elsewhere");
        replaceContent("fixtures-passed-elsewhere", 16, ANOTHER_RUNTIME);
        try {
            // As when a stored package no longer validates: unavailable, with the failing fixture named.
            score("fixtures-passed-elsewhere").statusCode(503)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:bilan:problem:instrument-unavailable"))
                    .body("errors[0].code", equalTo("fixture-failed"))
                    .body("errors[0].file", equalTo(FIXTURE))
                    .body("errors[0].pointer", equalTo("/expect/scales/coordinating/raw"));
            assertEquals(ANOTHER_RUNTIME, stored("fixtures-passed-elsewhere").fixturesPassedUnder);
        } finally {
            restore(published);
        }
    }

    @Test
    void anInstrumentThatCannotBeLoadedIsLeftOutOfTheListingWithoutHidingTheOthers() throws Exception {
        publish("fixtures-unloadable");
        PackageRecord published = stored("fixtures-unloadable");
        replaceContent("fixtures-unloadable", 16, ANOTHER_RUNTIME);
        try {
            // Another publication drops what was resolved and read, so the listing loads the stored copy again.
            publish("fixtures-listed-beside");

            given().get("/api/v1/instruments").then().statusCode(200)
                    .body("id", hasItem("fixtures-listed-beside"))
                    .body("id", hasItem("teamwork-styles"))
                    .body("id", not(hasItem("fixtures-unloadable")));
        } finally {
            restore(published);
        }
        publish("fixtures-listed-after");

        given().get("/api/v1/instruments").then().statusCode(200)
                .body("id", hasItems("fixtures-unloadable", "fixtures-listed-beside", "fixtures-listed-after"));
    }

    @Test
    void aPackageStoredUnderAnotherRuntimeOrNoneRunsItsFixturesOnceThenRecordsThisRuntime() throws Exception {
        for (String previous : new String[] {ANOTHER_RUNTIME, null}) {
            String id = previous == null ? "fixtures-passed-unknown" : "fixtures-passed-before";
            publish(id);
            // The right expectation, in a copy of other digest: the one published is held loaded already.
            replaceContent(id, 15, previous);

            score(id).statusCode(200).body("scales.coordinating.raw", equalTo(15.0f));

            assertEquals(runtime.identity(), stored(id).fixturesPassedUnder);
        }
    }

    /** Publishes the teamwork package, which has a script, as {@code id}. */
    private static void publish(String id) throws Exception {
        given().contentType("application/zip").body(Packages.teamwork(manifest -> manifest.put("id", id)))
                .post("/api/v1/instruments").then().statusCode(201);
    }

    /**
     * Stores, in place of {@code id}'s content, a copy whose fixture expects coordinating to be {@code coordinating}
     * (15 is right), as passed under {@code passedUnder}.
     */
    private void replaceContent(String id, int coordinating, String passedUnder) throws Exception {
        PackageRecord published = stored(id);
        PackageSource source = runtime.readZip(published.content, id);
        ObjectNode fixture = (ObjectNode) json.readTree(source.file(FIXTURE).orElseThrow());
        ((ObjectNode) fixture.path("expect").path("scales").path("coordinating")).put("raw", coordinating);
        fixture.put("description", "stored as passed under " + passedUnder);
        TreeMap<String, byte[]> files = new TreeMap<>(source.files());
        files.put(FIXTURE, json.writeValueAsBytes(fixture));
        PackageSource failing = new PackageSource(id, files);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        PackageWriter.writeZip(failing, zip);
        QuarkusTransaction.requiringNew().run(() -> PackageRecord.update(
                "content = ?1, contentSize = ?2, digest = ?3, fixturesPassedUnder = ?4 where instrumentId = ?5",
                zip.toByteArray(), (long) zip.size(), failing.digest(), passedUnder, id));
    }

    /** Stores {@code published}'s content again, so that no other test of this engine meets an unloadable package. */
    private static void restore(PackageRecord published) {
        QuarkusTransaction.requiringNew().run(() -> PackageRecord.update(
                "content = ?1, contentSize = ?2, digest = ?3, fixturesPassedUnder = ?4 where id = ?5",
                published.content, published.contentSize, published.digest, published.fixturesPassedUnder,
                published.id));
    }

    private static PackageRecord stored(String id) {
        return QuarkusTransaction.requiringNew().call(() -> PackageRecord.<PackageRecord>find("instrumentId", id)
                .singleResult());
    }

    private io.restassured.response.ValidatableResponse score(String id) throws Exception {
        String answers = json.readTree(Files.readAllBytes(Packages.TEAMWORK.resolve(FIXTURE))).get("responses")
                .toString();
        return given().contentType("application/json").body(answers)
                .post("/api/v1/instruments/" + id + "/1.0.0/score").then();
    }
}

package io.bilan.engine.scoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bilan.engine.Packages;
import io.bilan.engine.catalog.InstrumentCatalog;
import io.bilan.runtime.scoring.ScoreOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A declarative instrument already in memory is scored on the event loop, and so is one whose script has been quick
 * lately; anything else on a worker thread. Which way a request went never shows to the client: the same report or
 * problem byte for byte, the same flags, the same {@code bilan.scoring} timer. Each request is sent both ways: after
 * its resolution was forgotten (deprecating to the same state forgets every resolution), so it goes to a worker, and
 * again once resolved, so it stays on the event loop.
 */
@QuarkusTest
class ScoringPathsTest {

    private static final String ID = "loop-probe";
    private static final String SCORE = "/api/v1/instruments/" + ID + "/1.0.0/score";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    InstrumentCatalog catalog;
    @Inject
    ScoringService scoring;
    @Inject
    MeterRegistry metrics;

    @BeforeEach
    void publishTheProbe() throws Exception {
        io.bilan.engine.CatalogReady.await();
        given().contentType("application/zip").body(Packages.declarative(ID)).post("/api/v1/instruments").then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    /** The fixture's answers (coordinating 15, supporting 18, challenging 9, delivering 23: see ScoringResourceTest). */
    private static String clearPrimaryStyle() throws Exception {
        JsonNode fixture = JSON.readTree(Path.of("../examples/packages/teamwork-styles/fixtures/clear-primary-style.json")
                .toFile());
        return fixture.get("responses").toString();
    }

    @Test
    void theSameReportEitherWay() throws Exception {
        String body = clearPrimaryStyle();
        Response onWorker = score(body, false, "");
        Response onEventLoop = score(body, true, "");
        onWorker.then().statusCode(200).contentType("application/json")
                .body("instrument", equalTo(ID + "@1.0.0"))
                .body("scales.coordinating.raw", equalTo(15.0f))
                .body("scales.coordinating.norm.percentile", equalTo(60.0f))
                .body("scales.delivering.raw", equalTo(23.0f));
        assertSame(onWorker, onEventLoop);
        // In French, and through "latest": the same language rules on both ways.
        assertSame(score(body, false, "?lang=fr"), score(body, true, "?lang=fr"));
        Response latestOnWorker = scoreAt("/api/v1/instruments/" + ID + "/latest/score", body, false);
        assertSame(latestOnWorker, scoreAt("/api/v1/instruments/" + ID + "/latest/score", body, true));
        assertEquals(onWorker.asString(), latestOnWorker.asString());
    }

    /**
     * The probe without its forced-choice blocks, every answer a Likert point: its bodies are plain, read on the event
     * loop straight into the scales rather than into a tree, with the same report, the same refusal of a key sent
     * twice, the same timer.
     */
    @Test
    void aPlainBodyIsScoredAsATreeIs() throws Exception {
        String plainId = "plain-probe";
        given().contentType("application/zip").body(Packages.declarative(plainId, ScoringPathsTest::withoutBlocks))
                .post("/api/v1/instruments").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        String path = "/api/v1/instruments/" + plainId + "/1.0.0/score";
        ObjectNode set = (ObjectNode) JSON.readTree(clearPrimaryStyle());
        ((ObjectNode) set.get("answers")).remove(java.util.List.of("fc1", "fc2"));
        String body = set.toString();
        scoreAt(path, body, true);
        InstrumentCatalog.Resolved resolved = catalog.inMemory(plainId, "1.0.0").orElseThrow();
        assertNotNull(scoring.scorePlain(resolved, body.getBytes(StandardCharsets.UTF_8), ScoreOptions.defaults()),
                "read plainly");
        long scored = count(plainId, "scored");
        Response onEventLoop = scoreAt(path, body, true);
        onEventLoop.then().statusCode(200).body("scales.coordinating.answered", equalTo(4))
                .body("scales.coordinating.raw", equalTo(13.0f));
        assertEquals(scored + 1, count(plainId, "scored"));
        assertSame(scoreAt(path, body, false), onEventLoop);
        assertSame(scoreAt(path + "?lang=fr", body, false), scoreAt(path + "?lang=fr", body, true));
        String twice = body.replace("\"answers\":{", "\"answers\":{\"coord1\":2,");
        assertNull(scoring.scorePlain(resolved, twice.getBytes(StandardCharsets.UTF_8), ScoreOptions.defaults()));
        Response refused = scoreAt(path, twice, true);
        assertEquals(400, refused.statusCode(), twice);
        assertSame(scoreAt(path, twice, false), refused);
        // The probe itself has forced-choice blocks: even a body without them goes to the tree.
        score(body, true, "");
        assertNull(scoring.scorePlain(catalog.inMemory(ID, "1.0.0").orElseThrow(),
                body.getBytes(StandardCharsets.UTF_8), ScoreOptions.defaults()));
    }

    /** The forced-choice blocks gone, from the items and the scales; each scale then needs three of its four points. */
    private static void withoutBlocks(ObjectNode manifest) {
        ArrayNode items = (ArrayNode) manifest.get("items");
        for (int i = items.size() - 1; i >= 0; i--) {
            if (items.get(i).path("type").asText().equals("forced-choice")) {
                items.remove(i);
            }
        }
        for (JsonNode scale : manifest.get("scales")) {
            ArrayNode refs = (ArrayNode) scale.get("items");
            for (int i = refs.size() - 1; i >= 0; i--) {
                if (refs.get(i).path("item").asText().startsWith("fc")) {
                    refs.remove(i);
                }
            }
            ((ObjectNode) scale.get("missing")).put("minAnswered", 3);
        }
    }

    @Test
    void aDeprecatedVersionIsFlaggedEitherWay() throws Exception {
        try {
            given().contentType("application/json").body("true").put("/api/v1/instruments/" + ID + "/1.0.0/deprecated")
                    .then().statusCode(200);
            Response onWorker = score(clearPrimaryStyle(), false, "");
            onWorker.then().statusCode(200).body("flags.code", hasItem("deprecated-version"));
            assertSame(onWorker, score(clearPrimaryStyle(), true, ""));
        } finally {
            given().contentType("application/json").body("false").put("/api/v1/instruments/" + ID + "/1.0.0/deprecated")
                    .then().statusCode(200);
        }
        Response current = score(clearPrimaryStyle(), true, "");
        assertFalse(current.asString().contains("deprecated-version"));
    }

    @Test
    void refusalsAreTheSameProblemsEitherWay() {
        String[] bodies = {
            "{\"answers\":",
            "[1, 2]",
            "\"answers\"",
            "{}",
            "{\"answers\": {\"coord1\": 9, \"nope\": 1, \"fc1\": {\"most\": \"coord\", \"least\": \"coord\"}}}",
            "[".repeat(5000),
        };
        for (String body : bodies) {
            Response onWorker = score(body, false, "");
            assertEquals(400, onWorker.statusCode(), body);
            assertEquals("application/problem+json", onWorker.contentType(), body);
            assertSame(onWorker, score(body, true, ""));
        }
        score("{\"answers\": {\"coord1\": 9}}", false, "").then()
                .body("errors.pointer", hasItem("/answers/coord1"))
                .body("errors.code", hasItem("out-of-range"));
        // Options of the request are checked on the event loop as on a worker.
        assertSame(score("{\"answers\": {\"coord1\": 3}}", false, "?norm=martians"),
                score("{\"answers\": {\"coord1\": 3}}", true, "?norm=martians"));
        assertSame(score("{\"answers\": {\"coord1\": 3}}", false, "?lang=de"),
                score("{\"answers\": {\"coord1\": 3}}", true, "?lang=de"));
        // A version that does not exist is never in memory: a worker reads the catalogue and answers 404.
        assertFalse(catalog.inMemory(ID, "9.9.9").isPresent());
        given().contentType("application/json").body("{\"answers\": {}}")
                .post("/api/v1/instruments/" + ID + "/9.9.9/score").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:bilan:problem:instrument-not-found"));
    }

    @Test
    void bothWaysAreTimedAlike() throws Exception {
        String body = clearPrimaryStyle();
        score(body, true, "");
        long scored = count("scored");
        long refused = count("refused");
        score(body, false, "");
        assertEquals(scored + 1, count("scored"));
        score(body, true, "");
        assertEquals(scored + 2, count("scored"));
        score("{\"answers\": {\"coord1\": 9}}", false, "");
        assertEquals(refused + 1, count("refused"));
        score("{\"answers\": {\"coord1\": 9}}", true, "");
        assertEquals(refused + 2, count("refused"));
    }

    /**
     * A script stays on a worker thread until a thousand calls have shown it quick; then it is scored on the event loop
     * as well, with the same report, refusals and timer as on a worker.
     */
    @Test
    void aScriptQuickLatelyIsScoredOnTheEventLoopAlike() throws Exception {
        score(clearPrimaryStyle(), true, "");
        assertTrue(scoring.inMemoryWithoutWaiting(ID, "1.0.0").isPresent());
        String scriptedId = "script-probe";
        given().contentType("application/zip")
                .body(Packages.withScript(scriptedId, Files.readString(Packages.TEAMWORK.resolve("scoring.js"))))
                .post("/api/v1/instruments").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        String path = "/api/v1/instruments/" + scriptedId + "/1.0.0/score";
        String body = clearPrimaryStyle();
        String outOfRange = "{\"answers\": {\"coord1\": 9}}";
        Response onWorker = given().contentType("application/json").body(body).post(path);
        onWorker.then().statusCode(200).body("results.primaryStyle", equalTo("delivering"));
        Response frenchOnWorker = given().contentType("application/json").body(body).post(path + "?lang=fr");
        Response refusedOnWorker = given().contentType("application/json").body(outOfRange).post(path);
        // In memory, but new: its calls have not shown yet how long they take.
        InstrumentCatalog.Resolved resolved = catalog.inMemory(scriptedId, "1.0.0").orElseThrow();
        assertFalse(scoring.inMemoryWithoutWaiting(scriptedId, "1.0.0").isPresent());

        JsonNode responseSet = JSON.readTree(body);
        for (int calls = 0; calls < 20_000 && !resolved.instrument().scoresWithoutWaiting(); calls++) {
            scoring.score(resolved, responseSet, ScoreOptions.defaults());
        }
        assertTrue(scoring.inMemoryWithoutWaiting(scriptedId, "1.0.0").isPresent(), "quick lately");
        long scored = count(scriptedId, "scored");
        long refused = count(scriptedId, "refused");

        assertSame(onWorker, given().contentType("application/json").body(body).post(path));
        assertSame(frenchOnWorker, given().contentType("application/json").body(body).post(path + "?lang=fr"));
        assertSame(refusedOnWorker, given().contentType("application/json").body(outOfRange).post(path));
        assertEquals(scored + 2, count(scriptedId, "scored"));
        assertEquals(refused + 1, count(scriptedId, "refused"));
    }

    private long count(String outcome) {
        return count(ID, outcome);
    }

    private long count(String id, String outcome) {
        Timer timer = metrics.find("bilan.scoring").tags("instrument", id + "@1.0.0", "outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    private Response score(String body, boolean inMemory, String query) {
        return scoreAt(SCORE + query, body, inMemory);
    }

    /**
     * Posts {@code body} to {@code path} of a probe ({@code 1.0.0} or {@code latest}), after making sure the
     * probe's resolution for it is in memory (a first request resolves it) or forgotten.
     */
    private Response scoreAt(String path, String body, boolean inMemory) {
        String id = path.split("/")[4];
        String version = path.contains("/latest/") ? InstrumentCatalog.LATEST : "1.0.0";
        if (inMemory) {
            if (catalog.inMemory(id, version).isEmpty()) {
                given().contentType("application/json").body("{\"answers\": {}}").post(path.replaceAll("\\?.*", ""));
            }
            assertTrue(scoring.inMemoryWithoutWaiting(id, version).isPresent(), "in memory before the request");
        } else {
            boolean deprecated = catalog.isDeprecated(id, "1.0.0");
            given().contentType("application/json").body(String.valueOf(deprecated))
                    .put("/api/v1/instruments/" + id + "/1.0.0/deprecated").then().statusCode(200);
            assertFalse(catalog.inMemory(id, version).isPresent(), "forgotten before the request");
        }
        return given().contentType("application/json").body(body).post(path);
    }

    private static void assertSame(Response onWorker, Response onEventLoop) {
        assertEquals(onWorker.statusCode(), onEventLoop.statusCode());
        assertEquals(onWorker.contentType(), onEventLoop.contentType());
        assertEquals(onWorker.asString(), onEventLoop.asString());
    }
}

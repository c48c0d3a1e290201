package io.bilan.engine.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.bilan.engine.Packages;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The catalogue over HTTP: listing, versions, localized definitions, response schemas and publishing; the listings' ETags.
 */
@QuarkusTest
class InstrumentResourceTest {

    @org.junit.jupiter.api.BeforeEach
    void awaitCatalog() throws InterruptedException {
        io.bilan.engine.CatalogReady.await();
    }

    @Test
    void listsThePackagesLoadedAtStartInTheRequestedLanguage() {
        given().queryParam("lang", "fr").when().get("/api/v1/instruments").then()
                .statusCode(200)
                .body("id", hasItem("teamwork-styles"))
                .body("find { it.id == 'teamwork-styles' }.title", equalTo("Styles de contribution en équipe"))
                .body("find { it.id == 'teamwork-styles' }.kind", equalTo("questionnaire"));
        given().header("Accept-Language", "en-GB,en;q=0.8").when().get("/api/v1/instruments").then()
                .body("find { it.id == 'teamwork-styles' }.title", equalTo("Teamwork styles"));
    }

    @Test
    void filtersByKindPhaseLanguageAndText() {
        given().queryParam("kind", "questionnaire").get("/api/v1/instruments").then().body("id", hasItem("teamwork-styles"));
        given().queryParam("kind", "test").get("/api/v1/instruments").then().body("id", not(hasItem("teamwork-styles")));
        given().queryParam("phase", "investigation").get("/api/v1/instruments").then().body("id", hasItem("teamwork-styles"));
        given().queryParam("phase", "follow-up").get("/api/v1/instruments").then().body("id", not(hasItem("teamwork-styles")));
        given().queryParam("language", "de").get("/api/v1/instruments").then().body("$", empty());
        given().queryParam("q", "ÉQUIPE").get("/api/v1/instruments").then().body("id", hasItem("teamwork-styles"));
        given().queryParam("q", "astronomy").get("/api/v1/instruments").then().body("$", empty());
    }

    @Test
    void givesTheVersionsOfAnInstrument() {
        given().get("/api/v1/instruments/teamwork-styles").then()
                .statusCode(200)
                .body("id", equalTo("teamwork-styles"))
                .body("versions.version", hasItem("1.0.0"))
                .body("versions[0].digest", startsWith("sha256:"));
    }

    @Test
    void anUnknownInstrumentIsA404Problem() {
        given().get("/api/v1/instruments/no-such-thing").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:bilan:problem:instrument-not-found"))
                .body("status", equalTo(404));
        given().get("/api/v1/instruments/teamwork-styles/9.9.9").then().statusCode(404);
    }

    @Test
    void theListingHasAStrongETagAndIsAnswered304WhileItHolds() {
        String tag = given().queryParam("lang", "fr").get("/api/v1/instruments").then().statusCode(200)
                .header("ETag", matchesPattern("\"[A-Za-z0-9_-]{24}\""))
                .header("Cache-Control", "public, no-cache")
                .header("Vary", "Accept-Language")
                .header("Content-Language", "fr")
                .extract().header("ETag");
        // Stable: the same listing asked again, or in the same language through Accept-Language, has the same tag.
        given().queryParam("lang", "fr").get("/api/v1/instruments").then().header("ETag", tag);
        given().header("Accept-Language", "fr-CA, en;q=0.5").get("/api/v1/instruments").then().header("ETag", tag);
        given().queryParam("lang", "fr").header("If-None-Match", tag).get("/api/v1/instruments").then()
                .statusCode(304)
                .header("ETag", tag)
                .header("Cache-Control", "public, no-cache")
                .header("Vary", "Accept-Language")
                .body(emptyString());
        // Another language, or another filter, is another listing with its own tag.
        String english = given().queryParam("lang", "en").get("/api/v1/instruments").then().statusCode(200)
                .extract().header("ETag");
        String questionnaires = given().queryParam("lang", "fr").queryParam("kind", "questionnaire")
                .get("/api/v1/instruments").then().statusCode(200).extract().header("ETag");
        String none = given().queryParam("lang", "fr").queryParam("q", "astronomy").get("/api/v1/instruments").then()
                .statusCode(200).body("$", empty()).extract().header("ETag");
        String noGerman = given().queryParam("lang", "fr").queryParam("language", "de").get("/api/v1/instruments")
                .then().statusCode(200).body("$", empty()).extract().header("ETag");
        assertEquals(5, Set.of(tag, english, questionnaires, none, noGerman).size());
        given().queryParam("lang", "en").header("If-None-Match", tag).get("/api/v1/instruments").then().statusCode(200)
                .header("Content-Language", "en").body("id", hasItem("teamwork-styles"));
        // Refused queries stay problems, whether or not the listing is held.
        given().queryParam("kind", "survey").header("If-None-Match", "*").get("/api/v1/instruments").then()
                .statusCode(400).contentType("application/problem+json");
        given().queryParam("lang", "xx").get("/api/v1/instruments").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void ifNoneMatchIsComparedWeaklyAndMayListSeveralTags() {
        String tag = given().get("/api/v1/instruments/teamwork-styles").then().statusCode(200)
                .header("Cache-Control", "public, no-cache")
                .extract().header("ETag");
        String versions = "/api/v1/instruments/teamwork-styles";
        given().header("If-None-Match", tag).get(versions).then().statusCode(304).header("ETag", tag).body(emptyString());
        given().header("If-None-Match", "W/" + tag).get(versions).then().statusCode(304);
        given().header("If-None-Match", "\"another\", " + tag).get(versions).then().statusCode(304);
        given().header("If-None-Match", "\"another\"").header("If-None-Match", tag).get(versions).then().statusCode(304);
        given().header("If-None-Match", "*").get(versions).then().statusCode(304);
        given().header("If-None-Match", "\"another\", W/\"more\"").get(versions).then().statusCode(200)
                .header("ETag", tag).body("id", equalTo("teamwork-styles"));
        // A field that cannot be read is ignored: the whole answer.
        given().header("If-None-Match", tag.replace("\"", "")).get(versions).then().statusCode(200);
        given().header("If-None-Match", tag + " junk").get(versions).then().statusCode(200);
        given().get("/api/v1/instruments/no-such-thing").then().statusCode(404).header("ETag", nullValue());
    }

    @Test
    void publishingOrDeprecatingChangesTheListingAtOnce() throws Exception {
        given().contentType("application/zip").body(Packages.teamwork(manifest -> {
            manifest.put("id", "etag-probe");
            manifest.put("version", "1.0.0");
        })).post("/api/v1/instruments").then().statusCode(201);
        String listing = given().get("/api/v1/instruments").then().statusCode(200)
                .body("find { it.id == 'etag-probe' }.latestVersion", equalTo("1.0.0")).extract().header("ETag");
        String versions = given().get("/api/v1/instruments/etag-probe").then().statusCode(200)
                .body("versions.version", contains("1.0.0")).extract().header("ETag");
        String filtered = given().queryParam("q", "etag-probe").get("/api/v1/instruments").then().statusCode(200)
                .body("id", contains("etag-probe")).extract().header("ETag");

        given().contentType("application/zip").body(Packages.teamwork(manifest -> {
            manifest.put("id", "etag-probe");
            manifest.put("version", "1.1.0");
        })).post("/api/v1/instruments").then().statusCode(201);
        String published = given().header("If-None-Match", listing).get("/api/v1/instruments").then().statusCode(200)
                .body("find { it.id == 'etag-probe' }.latestVersion", equalTo("1.1.0")).extract().header("ETag");
        given().header("If-None-Match", versions).get("/api/v1/instruments/etag-probe").then().statusCode(200)
                .body("versions.version", contains("1.0.0", "1.1.0"));
        given().header("If-None-Match", filtered).queryParam("q", "etag-probe").get("/api/v1/instruments").then()
                .statusCode(200).body("latestVersion", contains("1.1.0"));
        assertNotEquals(listing, published);

        given().contentType("application/json").body("true").put("/api/v1/instruments/etag-probe/1.1.0/deprecated")
                .then().statusCode(200);
        given().header("If-None-Match", published).get("/api/v1/instruments").then().statusCode(200)
                .body("find { it.id == 'etag-probe' }.deprecated", equalTo(true));
    }

    @Test
    void givesTheDefinitionInOneLanguage() {
        given().queryParam("lang", "fr").get("/api/v1/instruments/teamwork-styles/1.0.0").then()
                .statusCode(200)
                .body("language", equalTo("fr"))
                .body("title", equalTo("Styles de contribution en équipe"))
                .body("items[0].text", not(equalTo(null)))
                .body("digest", startsWith("sha256:"));
        given().header("Accept-Language", "de, fr;q=0.5").get("/api/v1/instruments/teamwork-styles/latest").then()
                .statusCode(200)
                .body("language", equalTo("fr"))
                .body("id", equalTo("teamwork-styles"));
    }

    @Test
    void givesTheResponseSchema() {
        given().get("/api/v1/instruments/teamwork-styles/1.0.0/response-schema").then()
                .statusCode(200)
                .body("properties.answers.properties.coord1.maximum", equalTo(5))
                .body("required", contains("answers"));
    }

    @Test
    void publishesANewVersionOnceAndRefusesChangingIt() throws Exception {
        byte[] zip = Packages.teamwork(manifest -> manifest.put("version", "1.1.0"));
        given().contentType("application/zip").body(zip).post("/api/v1/instruments").then()
                .statusCode(201)
                .header("Location", equalTo("/api/v1/instruments/teamwork-styles/1.1.0"))
                .body("version", equalTo("1.1.0"));
        // The same content again changes nothing.
        given().contentType("application/zip").body(zip).post("/api/v1/instruments").then().statusCode(200);
        // Other content under the same id@version is refused.
        byte[] changed = Packages.teamwork(manifest -> {
            manifest.put("version", "1.1.0");
            manifest.put("estimatedMinutes", 12);
        });
        given().contentType("application/zip").body(changed).post("/api/v1/instruments").then()
                .statusCode(409)
                .body("type", equalTo("urn:bilan:problem:version-conflict"));
        given().get("/api/v1/instruments/teamwork-styles").then().body("versions.version", hasItem("1.1.0"));
        given().get("/api/v1/instruments/teamwork-styles/latest").then().body("version", equalTo("1.1.0"));
    }

    @Test
    void aDeprecatedVersionStaysScoreableAndIsFlagged() throws Exception {
        byte[] zip = Packages.teamwork(manifest -> manifest.put("version", "0.9.0"));
        given().contentType("application/zip").body(zip).post("/api/v1/instruments").then().statusCode(201);
        given().contentType("application/json").body("true").put("/api/v1/instruments/teamwork-styles/0.9.0/deprecated")
                .then().statusCode(200).body("deprecated", equalTo(true));
        given().get("/api/v1/instruments/teamwork-styles").then()
                .body("versions.find { it.version == '0.9.0' }.deprecated", equalTo(true));
        given().contentType("application/json").queryParam("lang", "fr").body("{\"answers\": {\"coord1\": 3}}")
                .post("/api/v1/instruments/teamwork-styles/0.9.0/score").then()
                .statusCode(200)
                .body("flags.code", hasItem("deprecated-version"));
        given().contentType("application/json").body("false").put("/api/v1/instruments/teamwork-styles/0.9.0/deprecated")
                .then().statusCode(200).body("deprecated", equalTo(false));
        given().contentType("application/json").body("true").put("/api/v1/instruments/teamwork-styles/7.0.0/deprecated")
                .then().statusCode(404);
    }

    @Test
    void refusesAnInvalidPackageWithEveryProblem() throws Exception {
        byte[] zip = Packages.teamwork(manifest -> {
            manifest.put("version", "2.0");
            manifest.put("kind", "survey");
        });
        given().contentType("application/zip").body(zip).post("/api/v1/instruments").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:bilan:problem:invalid-package"))
                .body("errors.pointer", hasItem("/version"))
                .body("errors.pointer", hasItem("/kind"))
                .body("errors.file", hasItem("manifest.json"));
    }

    @Test
    void refusesAPackageWhoseFixturesFail() throws Exception {
        byte[] zip = Packages.teamwork(manifest -> {
            manifest.put("version", "3.0.0");
            ((com.fasterxml.jackson.databind.node.ObjectNode) manifest.get("likertFormats").get("agree5")).put("max", 6);
        });
        given().contentType("application/zip").body(zip).post("/api/v1/instruments").then()
                .statusCode(400)
                .body("errors.code", hasItem("fixture-failed"));
        given().get("/api/v1/instruments/teamwork-styles/3.0.0").then().statusCode(404);
    }

    @Test
    void refusesSomethingThatIsNotAZip() {
        given().contentType("application/zip").body("not a zip".getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/instruments").then()
                .statusCode(400)
                .body("type", equalTo("urn:bilan:problem:unreadable-package"))
                .body("errors[0].code", equalTo("not-a-zip"));
    }

    @Test
    void refusesAPackageOverTheSizeLimit() {
        byte[] big = new byte[11 << 20];
        given().contentType("application/zip").body(big).post("/api/v1/instruments").then()
                .statusCode(413)
                .body("status", equalTo(413));
    }

    @Test
    void refusesAWrongMediaType() {
        given().contentType("text/plain").body("x").post("/api/v1/instruments").then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void servesHealthMetricsAndOpenApi() {
        given().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem("catalog"));
        given().get("/q/health/live").then().statusCode(200);
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/instruments/{id}/{version}/score'.post.summary", equalTo("Score one response set"));
        given().get("/q/metrics").then().statusCode(200);
        given().get("/api/v1/instruments").then().body("$", not(hasSize(0)));
    }
}

package io.bilan.engine.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.bilan.engine.CatalogReady;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTTP as clients and caches expect it: validators on published versions, 405 with Allow, texts for people. */
@QuarkusTest
class HttpConventionsTest {

    private static final String DEFINITION = "/api/v1/instruments/teamwork-styles/1.0.0";

    @BeforeEach
    void awaitCatalog() throws InterruptedException {
        CatalogReady.await();
    }

    @Test
    void aPublishedVersionHasAStrongETagAndAnswers304WhileItHolds() {
        String tag = given().queryParam("lang", "fr").get(DEFINITION).then().statusCode(200)
                .header("ETag", startsWith("\""))
                .header("ETag", not(startsWith("W/")))
                .header("Cache-Control", "private, max-age=3600")
                .header("Content-Language", "fr")
                .header("Vary", containsString("Accept-Language"))
                .extract().header("ETag");
        given().queryParam("lang", "fr").header("If-None-Match", tag).get(DEFINITION).then().statusCode(304)
                .header("ETag", tag).body(emptyString());
        // Another language is another representation, with its own tag.
        String english = given().queryParam("lang", "en").get(DEFINITION).then().statusCode(200)
                .header("Content-Language", "en").extract().header("ETag");
        given().queryParam("lang", "en").header("If-None-Match", tag).get(DEFINITION).then().statusCode(200);
        org.junit.jupiter.api.Assertions.assertNotEquals(tag, english);
        // latest moves: it is revalidated every time.
        given().get("/api/v1/instruments/teamwork-styles/latest").then().statusCode(200)
                .header("Cache-Control", "private, no-cache");
    }

    @Test
    void personalAnswersAreStillNeverStoredAndVaryByLanguage() {
        given().get("/api/v1/cases").then().statusCode(200).header("Cache-Control", "no-store")
                .header("Vary", "Accept-Language");
        given().auth().none().get("/api/v1/instruments").then().statusCode(200).header("Vary", "Accept-Language");
    }

    @Test
    void aMethodAResourceDoesNotTakeIs405WithAllow() {
        given().patch(DEFINITION + "/score").then().statusCode(405).header("Allow", "POST")
                .contentType("application/problem+json")
                .body("type", equalTo("urn:bilan:problem:method-not-allowed"))
                .body("detail", equalTo("This resource takes POST, not PATCH."));
        given().delete("/api/v1/instruments").then().statusCode(405).header("Allow", "GET, POST");
        // A path with no resource stays a 404, said for people.
        given().get("/api/v1/no-such-thing").then().statusCode(404)
                .body("detail", equalTo("There is nothing at this path. The API's paths are listed in its document, "
                        + "/q/openapi."));
    }

    @Test
    void refusalsOfTheHttpLayerAreWrittenForPeople() {
        given().accept("application/json").contentType("text/csv").body("respondent\nx\n")
                .post(DEFINITION + "/score-batch").then().statusCode(406)
                .body("detail", not(containsString("@Produces")))
                .body("detail", containsString("Accept"));
        given().contentType("text/plain").body("x").post(DEFINITION + "/score").then().statusCode(415)
                .body("detail", not(containsString("@Consumes")));
    }
}

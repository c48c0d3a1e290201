package io.bilan.engine.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.bilan.engine.CatalogReady;
import io.bilan.engine.Packages;
import io.bilan.engine.TestCallers;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An instrument belongs to its first publisher; answer keys of tests are for authors and admins only. */
@QuarkusTest
class PublishingRightsTest {

    @BeforeEach
    void awaitCatalog() throws InterruptedException {
        CatalogReady.await();
    }

    private static byte[] version(String id, String version) throws Exception {
        return Packages.teamwork(manifest -> manifest.put("id", id).put("version", version));
    }

    @Test
    void onlyTheFirstPublisherOrAnAdminPublishesFurtherVersions() throws Exception {
        String first = TestCallers.of(Roles.AUTHOR, "first");
        String other = given().contentType("application/json")
                .body("{\"name\": \"another author\", \"roles\": [\"author\"]}").post("/api/v1/api-keys").then()
                .statusCode(201).extract().path("key");
        given().auth().oauth2(first).contentType("application/zip").body(version("owned-styles", "1.0.0"))
                .post("/api/v1/instruments").then().statusCode(201);
        given().auth().oauth2(other).contentType("application/zip").body(version("owned-styles", "1.1.0"))
                .post("/api/v1/instruments").then().statusCode(403)
                .body("type", equalTo("urn:bilan:problem:instrument-owned"));
        given().auth().oauth2(other).contentType("application/json").body("true")
                .put("/api/v1/instruments/owned-styles/1.0.0/deprecated").then().statusCode(403);
        given().get("/api/v1/instruments/owned-styles").then().statusCode(200)
                .body("versions.version", equalTo(java.util.List.of("1.0.0")));

        given().auth().oauth2(first).contentType("application/zip").body(version("owned-styles", "1.1.0"))
                .post("/api/v1/instruments").then().statusCode(201);
        given().auth().oauth2(TestCallers.of(Roles.ADMIN)).contentType("application/zip")
                .body(version("owned-styles", "1.2.0")).post("/api/v1/instruments").then().statusCode(201);
    }

    @Test
    void theShippedInstrumentsAreTheEnginesAuthorsPublishUnderTheirOwnIds() throws Exception {
        given().auth().oauth2(TestCallers.of(Roles.AUTHOR)).contentType("application/zip")
                .body(version("teamwork-styles", "9.0.0")).post("/api/v1/instruments").then().statusCode(403)
                .body("type", equalTo("urn:bilan:problem:instrument-owned"));
    }

    @Test
    void answerKeysOfTestsAreShownToAuthorsAndAdminsOnly() {
        String test = "/api/v1/instruments/reasoning-aptitude/latest";
        for (String role : new String[] {Roles.COUNSELLOR, Roles.BENEFICIARY, Roles.RESEARCHER}) {
            given().auth().oauth2(TestCallers.of(role)).get(test).then().statusCode(200)
                    .body("items[0]", not(hasKey("correct")))
                    .body("items[0].options.size()", equalTo(4));
        }
        for (String role : new String[] {Roles.AUTHOR, Roles.ADMIN}) {
            given().auth().oauth2(TestCallers.of(role)).get(test).then().statusCode(200)
                    .body("items[0].correct", equalTo("a"));
        }
    }
}

package io.bilan.engine.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.bilan.engine.CatalogReady;
import io.bilan.engine.TestCallers;
import io.bilan.engine.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A request says exactly what it means: a field a body does not take, a number where text is expected and a query
 * value outside its closed set are 400 problems that point at the field or name the parameter, never ignored nor
 * coerced. Free-form answers stay free: their instrument's schema checks them.
 */
@QuarkusTest
class StrictRequestsTest {

    private static final String DEFINITION = "/api/v1/instruments/teamwork-styles/1.0.0";

    @BeforeEach
    void awaitCatalog() throws InterruptedException {
        CatalogReady.await();
    }

    private static ValidatableResponse refusedAt(ValidatableResponse response, String pointer, String code) {
        return response.statusCode(400).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo(pointer)).body("errors[0].code", equalTo(code));
    }

    @Test
    void aFieldTheBodyDoesNotTakeIsRefusedWithItsPointer() {
        String counsellor = TestCallers.of(Roles.COUNSELLOR);
        refusedAt(given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"beneficiary\": \"B-STRICT\", \"zzz\": 1}").post("/api/v1/cases").then(), "/zzz",
                "unknown-field")
                .body("type", equalTo("urn:bilan:problem:invalid-request"))
                .body("errors[0].message", containsString("beneficiary"));
        refusedAt(given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"beneficiary\": \"B-STRICT\", \"contact\": {\"email\": \"b@example.org\"}, \"nmae\": \"Léa\"}")
                .post("/api/v1/cases").then(), "/nmae", "unknown-field");
        refusedAt(given().contentType("application/json")
                .body("{\"name\": \"k\", \"roles\": [\"counsellor\"], \"centre\": \"c\", \"admin\": true}")
                .post("/api/v1/api-keys").then(), "/admin", "unknown-field");
        // Nothing of a refused request was stored.
        given().auth().oauth2(counsellor).queryParam("limit", 200).get("/api/v1/cases").then().statusCode(200)
                .body("beneficiary", not(org.hamcrest.Matchers.hasItem("B-STRICT")));
    }

    @Test
    void aNumberOrABooleanIsNotTakenForText() {
        String counsellor = TestCallers.of(Roles.COUNSELLOR);
        for (String body : new String[] {"{\"beneficiary\": 5, \"zzz\": 1}", "{\"beneficiary\": 5}",
                "{\"beneficiary\": true}", "{\"beneficiary\": 1.5}"}) {
            refusedAt(given().auth().oauth2(counsellor).contentType("application/json").body(body)
                    .post("/api/v1/cases").then(), "/beneficiary", "malformed-json");
        }
        refusedAt(given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"beneficiary\": \"B-STRICT-2\", \"contact\": {\"phone\": 612345678}}").post("/api/v1/cases")
                .then(), "/contact/phone", "malformed-json");
    }

    @Test
    void freeFormAnswersStillTakeWhatTheirSchemaAllows() {
        String counsellor = TestCallers.of(Roles.COUNSELLOR);
        // A score body is a response set: its answers are checked by the instrument's schema, not by these rules.
        String responses = "{\"respondent\": \"r-1\", \"answers\": {\"coord1\": 3}}";
        given().contentType("application/json").body(responses).post(DEFINITION + "/score").then().statusCode(200);
        given().contentType("application/json").body("{\"answers\": {\"zzz\": 3}}").post(DEFINITION + "/score").then()
                .statusCode(400).body("type", equalTo("urn:bilan:problem:invalid-response"));
        // A case's contact data is a free map of texts.
        given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"beneficiary\": \"B-STRICT-3\", \"contact\": {\"anything\": \"at all\"}}")
                .post("/api/v1/cases").then().statusCode(201);
    }

    @Test
    void aQueryValueOutsideItsClosedSetIsRefusedNamingTheParameter() {
        refusedAt(given().auth().none().queryParam("kind", "zzz").get("/api/v1/instruments").then(), "kind",
                "unknown-value")
                .body("errors[0].message", containsString("test, questionnaire, observation-grid"));
        refusedAt(given().auth().none().queryParam("phase", "zzz").get("/api/v1/instruments").then(), "phase",
                "unknown-value");
        refusedAt(given().auth().none().queryParam("language", "x!").get("/api/v1/instruments").then(), "language",
                "invalid-language");
        refusedAt(given().auth().none().queryParam("lang", "xx").get("/api/v1/instruments").then(), "lang",
                "unknown-value");
        refusedAt(given().queryParam("lang", "xx").get(DEFINITION).then(), "lang", "unknown-value")
                .body("errors[0].message", containsString("en, fr"));
        refusedAt(given().queryParam("lang", "xx").contentType("application/json")
                .body("{\"answers\": {\"coord1\": 3}}").post(DEFINITION + "/score").then(), "lang", "unknown-value");
        refusedAt(given().queryParam("lang", "xx").get("/api/v1/occupations").then(), "lang", "unknown-value");
        refusedAt(given().queryParam("sector", "space").get("/api/v1/occupations").then(), "sector", "unknown-value")
                .body("errors[0].message", containsString("health"));
        refusedAt(given().queryParam("level", "high").get("/api/v1/occupations").then(), "level", "invalid-number");
        String counsellor = TestCallers.of(Roles.COUNSELLOR);
        String caseId = given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"beneficiary\": \"B-STRICT-QUERY\"}").post("/api/v1/cases").then().statusCode(201)
                .extract().path("id");
        refusedAt(given().auth().oauth2(counsellor).queryParam("includeExcluded", "maybe")
                .get("/api/v1/cases/" + caseId + "/career-options").then(), "includeExcluded", "unknown-value");
        given().header("Accept-Language", "fr").auth().none().queryParam("kind", "zzz").get("/api/v1/instruments")
                .then().statusCode(400).body("errors[0].message", startsWith("« zzz » n'est pas une des valeurs"));

        // The values the parameters take still work, in any case of letters for a language.
        given().auth().none().queryParam("kind", "questionnaire").queryParam("phase", "investigation")
                .queryParam("lang", "FR").get("/api/v1/instruments").then().statusCode(200)
                .body("kind", org.hamcrest.Matchers.everyItem(equalTo("questionnaire")));
        given().queryParam("lang", "fr").get(DEFINITION).then().statusCode(200).header("Content-Language", "fr");
        given().queryParam("sector", "health").queryParam("limit", 1).get("/api/v1/occupations").then()
                .statusCode(200).body("$", hasSize(1));
    }
}

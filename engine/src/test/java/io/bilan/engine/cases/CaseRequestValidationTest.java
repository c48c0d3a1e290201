package io.bilan.engine.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.bilan.engine.CatalogReady;
import io.bilan.engine.TestCallers;
import io.bilan.engine.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Request bodies are checked on arrival: a value too long for its column, a null in a list, a date no bilan can hold
 * or a missing body is a 400 problem pointing at the offending value, and nothing is stored.
 */
@QuarkusTest
class CaseRequestValidationTest {

    private String counsellor;

    @BeforeEach
    void setUp() throws InterruptedException {
        CatalogReady.await();
        TestCallers.useStaffByDefault();
        counsellor = CaseFixtures.counsellor();
    }

    /** A 400 invalid-request problem whose only error points at {@code pointer}. */
    private static void assertRefusedAt(Response response, String pointer) {
        response.then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:bilan:problem:invalid-request"))
                .body("status", equalTo(400))
                .body("errors", hasSize(1))
                .body("errors[0].pointer", equalTo(pointer));
    }

    private static String text(int length) {
        return "x".repeat(length);
    }

    @Test
    void aFitRouteLongerThanItsColumnIsRefused() {
        String id = CaseFixtures.open(counsellor, "B-V-ROUTE");
        assertRefusedAt(given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"decision\": \"redirect\", \"route\": \"" + text(3000) + "\"}")
                .put("/api/v1/cases/" + id + "/fit-decision"), "/route");
        given().auth().oauth2(counsellor).get("/api/v1/cases/" + id).then().statusCode(200)
                .body("fit", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aConsentPurposeLongerThanItsColumnIsRefused() {
        String id = CaseFixtures.open(counsellor, "B-V-PURPOSE");
        String beneficiary = CaseFixtures.beneficiaryKey(counsellor, id);
        assertRefusedAt(given().auth().oauth2(beneficiary).contentType("application/json")
                .body("{\"recipient\": \"Hôpital\", \"shared\": [\"synthesis\"], \"purpose\": \"" + text(3000) + "\"}")
                .post("/api/v1/cases/" + id + "/consents"), "/purpose");
        given().auth().oauth2(beneficiary).get("/api/v1/cases/" + id + "/consents").then().statusCode(200)
                .body("$", hasSize(0));
    }

    @Test
    void aNullSharedPartIsRefused() {
        String id = CaseFixtures.open(counsellor, "B-V-SHARED");
        String beneficiary = CaseFixtures.beneficiaryKey(counsellor, id);
        assertRefusedAt(given().auth().oauth2(beneficiary).contentType("application/json")
                .body("{\"recipient\": \"Hôpital\", \"shared\": [null]}")
                .post("/api/v1/cases/" + id + "/consents"), "/shared/0");
    }

    @Test
    void aValueOutsideAClosedSetIsRefusedWithTheFieldsCodeAndTheValuesItTakes() {
        String id = CaseFixtures.open(counsellor, "B-V-CLOSED");
        Response decision = given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"decision\": \"maybe\"}").put("/api/v1/cases/" + id + "/fit-decision");
        assertRefusedAt(decision, "/decision");
        decision.then().body("errors[0].code", equalTo("invalid-decision"))
                .body("errors[0].message", equalTo("\"maybe\" is not one of the values this field takes: fit, redirect"));
        Response byPosition = given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"decision\": 0}").put("/api/v1/cases/" + id + "/fit-decision");
        assertRefusedAt(byPosition, "/decision");
        byPosition.then().body("errors[0].code", equalTo("invalid-decision"));
        Response phase = given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"to\": \"Investigation\"}").post("/api/v1/cases/" + id + "/transitions");
        assertRefusedAt(phase, "/to");
        phase.then().body("errors[0].code", equalTo("unknown-phase")).body("errors[0].message", equalTo(
                "\"Investigation\" is not one of the values this field takes: "
                        + "preliminary, investigation, conclusion, follow-up, closed"));
        given().auth().oauth2(counsellor).get("/api/v1/cases/" + id).then().statusCode(200)
                .body("phase", equalTo("preliminary")).body("fit", org.hamcrest.Matchers.nullValue());

        String beneficiary = CaseFixtures.beneficiaryKey(counsellor, id);
        Response shared = given().auth().oauth2(beneficiary).contentType("application/json")
                .body("{\"recipient\": \"Hôpital\", \"shared\": [\"synthesis\", \"diary\"]}")
                .post("/api/v1/cases/" + id + "/consents");
        assertRefusedAt(shared, "/shared/1");
        shared.then().body("errors[0].code", equalTo("invalid-part"));
        Response nothingShared = given().auth().oauth2(beneficiary).contentType("application/json")
                .body("{\"recipient\": \"Hôpital\", \"shared\": []}").post("/api/v1/cases/" + id + "/consents");
        assertRefusedAt(nothingShared, "/shared");
        nothingShared.then().body("errors[0].code", equalTo("invalid-shared"));
        given().auth().oauth2(beneficiary).get("/api/v1/cases/" + id + "/consents").then().statusCode(200)
                .body("$", hasSize(0));
        Response parts = given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"consent\": 1, \"parts\": [\"everything\"]}").post("/api/v1/cases/" + id + "/transmissions");
        assertRefusedAt(parts, "/parts/0");
        parts.then().body("errors[0].code", equalTo("invalid-part"));
    }

    @Test
    void aChangeRequestLongerThanItsColumnIsRefused() {
        String id = CaseFixtures.open(counsellor, "B-V-COMMENT");
        String beneficiary = CaseFixtures.beneficiaryKey(counsellor, id);
        assertRefusedAt(given().auth().oauth2(beneficiary).contentType("application/json")
                .body("{\"comment\": \"" + text(5000) + "\"}")
                .post("/api/v1/cases/" + id + "/synthesis/request-changes"), "/comment");
    }

    @Test
    void anAdministrationLanguageLongerThanItsColumnIsRefused() {
        String id = CaseFixtures.open(counsellor, "B-V-LANG");
        String body = CaseFixtures.administration("preliminary-interview", "typical-proceed.json")
                .replace("\"lang\":\"fr\"", "\"lang\":\"" + text(50) + "\"");
        assertRefusedAt(given().auth().oauth2(counsellor).contentType("application/json").body(body)
                .post("/api/v1/cases/" + id + "/administrations"), "/lang");
        given().auth().oauth2(counsellor).get("/api/v1/cases/" + id + "/administrations").then().statusCode(200)
                .body("$", hasSize(0));
    }

    @Test
    void aNullRoadmapStepOrAStepWithoutTitleIsRefused() {
        String id = CaseFixtures.open(counsellor, "B-V-ROADMAP");
        assertRefusedAt(given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"roadmap\": [null]}").put("/api/v1/cases/" + id + "/synthesis"), "/roadmap/0");
        Response untitled = given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"roadmap\": [{\"title\": \"Se renseigner\"}, {\"title\": null, \"detail\": \"IFSI\"}]}")
                .put("/api/v1/cases/" + id + "/synthesis");
        assertRefusedAt(untitled, "/roadmap/1/title");
        untitled.then().body("errors[0].code", equalTo("not-null"));
    }

    @Test
    void aBeneficiarySubjectLongerThanItsColumnIsRefused() {
        assertRefusedAt(given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"beneficiary\": \"B-V-SUBJECT\", \"beneficiarySubject\": \"" + text(300) + "\"}")
                .post("/api/v1/cases"), "/beneficiarySubject");
        given().auth().oauth2(counsellor).get("/api/v1/cases").then().statusCode(200)
                .body("findAll { it.beneficiary == 'B-V-SUBJECT' }", hasSize(0));
    }

    @Test
    void anApiKeyWithANullRoleIsRefused() {
        given().contentType("application/json").body("{\"name\": \"Null role\", \"roles\": [null]}")
                .post("/api/v1/api-keys").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:bilan:problem:invalid-request"))
                .body("errors.pointer", contains("/roles/0"));
    }

    @Test
    void aProfileWithANullReportIsRefused() {
        assertRefusedAt(given().contentType("application/json").body("{\"reports\": [null]}")
                .post("/api/v1/profiles"), "/reports/0");
    }

    @Test
    void deprecatingWithoutABodyIsRefused() {
        assertRefusedAt(given().contentType("application/json").body("")
                .put("/api/v1/instruments/teamwork-styles/0.9.0/deprecated"), "");
    }

    @Test
    void sessionDatesNoBilanCanHoldAreRefusedAndNotStored() {
        String id = CaseFixtures.open(counsellor, "B-V-DATES");
        for (String date : new String[] {"-999999999-01-01", "+999999999-12-31", "1899-12-31", "3000-01-01"}) {
            Response refused = given().auth().oauth2(counsellor).contentType("application/json")
                    .body("{\"date\": \"" + date + "\", \"minutes\": 60, \"activities\": \"Entretien\"}")
                    .post("/api/v1/cases/" + id + "/sessions");
            assertRefusedAt(refused, "/date");
            refused.then().body("errors[0].code", equalTo("plausible-date"));
        }
        given().auth().oauth2(counsellor).get("/api/v1/cases/" + id + "/sessions").then().statusCode(200)
                .body("$", hasSize(0));
        given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"date\": \"1900-01-01\", \"minutes\": 60, \"activities\": \"Entretien\"}")
                .post("/api/v1/cases/" + id + "/sessions").then().statusCode(201).body("date", equalTo("1900-01-01"));
    }

    @Test
    void aFollowUpDateNoBilanCanHoldIsRefusedAndTheCaseStays() {
        String id = CaseFixtures.open(counsellor, "B-V-FOLLOW-UP");
        for (String date : new String[] {"-999999999-01-01", "+999999999-12-31"}) {
            assertRefusedAt(given().auth().oauth2(counsellor).contentType("application/json")
                    .body("{\"to\": \"investigation\", \"followUpOn\": \"" + date + "\"}")
                    .post("/api/v1/cases/" + id + "/transitions"), "/followUpOn");
        }
        given().auth().oauth2(counsellor).get("/api/v1/cases/" + id).then().statusCode(200)
                .body("phase", equalTo("preliminary")).body("followUpOn", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void theMessageIsInTheCallersLanguage() {
        String id = CaseFixtures.open(counsellor, "B-V-FRENCH");
        given().auth().oauth2(counsellor).contentType("application/json").header("Accept-Language", "fr")
                .body("{\"date\": \"+999999999-12-31\", \"minutes\": 60, \"activities\": \"Entretien\"}")
                .post("/api/v1/cases/" + id + "/sessions").then().statusCode(400)
                .body("errors[0].message", equalTo("doit être une date du 01/01/1900 au 31/12/2999"));
        given().auth().oauth2(counsellor).contentType("application/json").header("Accept-Language", "en")
                .body("{\"date\": \"+999999999-12-31\", \"minutes\": 60, \"activities\": \"Entretien\"}")
                .post("/api/v1/cases/" + id + "/sessions").then().statusCode(400)
                .body("errors[0].message", equalTo("must be a date from 1900-01-01 to 2999-12-31"));
    }
}

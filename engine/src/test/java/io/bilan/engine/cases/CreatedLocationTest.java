package io.bilan.engine.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.bilan.engine.CatalogReady;
import io.bilan.engine.TestCallers;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every 201 of a case says in Location where what it created is read. */
@QuarkusTest
class CreatedLocationTest {

    private String counsellor;

    @BeforeEach
    void setUp() throws InterruptedException {
        CatalogReady.await();
        TestCallers.useStaffByDefault();
        counsellor = CaseFixtures.counsellor();
    }

    @Test
    void everyCreationOfACaseNamesItsLocation() {
        String id = given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"beneficiary\": \"B-LOCATION\"}").post("/api/v1/cases").then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/cases/[^/]+$")).extract().path("id");
        String keyId = given().auth().oauth2(counsellor).post("/api/v1/cases/" + id + "/beneficiary-key").then()
                .statusCode(201).extract().path("id");
        given().auth().oauth2(counsellor).post("/api/v1/cases/" + id + "/beneficiary-key").then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/api-keys/[^/]+$"));
        given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"date\": \"2026-11-20\", \"minutes\": 60, \"activities\": \"Entretien\"}")
                .post("/api/v1/cases/" + id + "/sessions").then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/cases/" + id + "/sessions$"));
        String beneficiary = CaseFixtures.intoInvestigation(counsellor, id);
        io.restassured.response.Response consent = given().auth().oauth2(beneficiary).contentType("application/json")
                .body("{\"recipient\": \"Hôpital\", \"shared\": [\"synthesis\"]}")
                .post("/api/v1/cases/" + id + "/consents");
        consent.then().statusCode(201).header("Location", matchesPattern(".*/api/v1/cases/" + id + "/consents/"
                + consent.jsonPath().getLong("id") + "$"));
        long administration = given().auth().oauth2(counsellor).contentType("application/json")
                .body(CaseFixtures.administration("riasec-interests", "typical-profile.json"))
                .post("/api/v1/cases/" + id + "/administrations").then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/cases/" + id + "/administrations/\\d+$"))
                .extract().jsonPath().getLong("id");
        given().auth().oauth2(counsellor).get("/api/v1/cases/" + id + "/administrations/" + administration).then()
                .statusCode(200).body("instrument", equalTo("riasec-interests"));
        org.junit.jupiter.api.Assertions.assertNotNull(keyId);
    }
}

package io.bilan.engine.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bilan.engine.CatalogReady;
import io.bilan.engine.TestCallers;
import io.bilan.engine.security.ApiKeys;
import io.bilan.engine.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The beneficiary's key belongs to the case that issued it: a case never takes an existing key as its beneficiary,
 * and nothing a case does reaches a key it did not issue. A key the case replaces or erases is revoked, and its row
 * kept with who revoked it and why.
 */
@QuarkusTest
class BeneficiaryKeyTest {

    @Inject
    ApiKeys keys;

    private String counsellor;

    @BeforeEach
    void setUp() throws InterruptedException {
        CatalogReady.await();
        counsellor = CaseFixtures.counsellor();
    }

    private static Response openNaming(String counsellor, String beneficiary, String subject) {
        return given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"beneficiary\": \"" + beneficiary + "\", \"beneficiarySubject\": \"" + subject + "\"}")
                .post("/api/v1/cases");
    }

    @Test
    void aCounsellorCannotReachAnAdminsKeyThroughACase() {
        ApiKeys.CreatedKey victim = keys.create("victim admin", List.of(Roles.ADMIN), null, "tests");
        // A counsellor of another centre: key ids are visible to counsellors (signatures, audit trails).
        String attacker = TestCallers.of(Roles.COUNSELLOR, "centre-b");

        Response opened = openNaming(attacker, "B-ATTACK", "key:" + victim.key().id());
        if (opened.statusCode() == 201) {
            // What removed the key before: a new beneficiary key for that case, then its erasure.
            String id = opened.path("id");
            given().auth().oauth2(attacker).post("/api/v1/cases/" + id + "/beneficiary-key");
            given().auth().oauth2(attacker).delete("/api/v1/cases/" + id);
        }

        given().auth().oauth2(victim.secret()).get("/api/v1/api-keys/" + victim.key().id()).then().statusCode(200)
                .body("revokedAt", nullValue());
        assertEquals(400, opened.statusCode(), opened.asString());
        opened.then().contentType("application/problem+json")
                .body("type", equalTo("urn:bilan:problem:invalid-request"))
                .body("errors[0].pointer", equalTo("/beneficiarySubject"))
                .body("errors[0].code", equalTo("invalid-beneficiary-subject"));
    }

    @Test
    void aColleagueCannotAttachAnotherCaseToSomeonesBeneficiaryKey() {
        String mine = CaseFixtures.open(counsellor, "B-OWN-KEY");
        String beneficiary = CaseFixtures.beneficiaryKey(counsellor, mine);
        String keyId = beneficiary.substring(6, 22);
        String colleague = keys.create("colleague", List.of(Roles.COUNSELLOR), TestCallers.CENTRE, "tests").secret();

        Response attached = openNaming(colleague, "B-ATTACHED", "key:" + keyId);
        if (attached.statusCode() == 201) {
            given().auth().oauth2(colleague).post("/api/v1/cases/" + attached.path("id") + "/beneficiary-key");
        }

        // The beneficiary still has their key, and sees their own case only.
        given().auth().oauth2(beneficiary).get("/api/v1/cases").then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].id", equalTo(mine));
        assertEquals(400, attached.statusCode(), attached.asString());
        attached.then().body("errors[0].pointer", equalTo("/beneficiarySubject"));
    }

    @Test
    void aReplacedBeneficiaryKeyIsRevokedAndKeptForTheRecord() {
        String id = CaseFixtures.open(counsellor, "B-REPLACED");
        String first = CaseFixtures.beneficiaryKey(counsellor, id);
        String second = CaseFixtures.beneficiaryKey(counsellor, id);

        given().auth().oauth2(first).get("/api/v1/cases").then().statusCode(401);
        given().auth().oauth2(second).get("/api/v1/cases/" + id).then().statusCode(200);
        given().auth().oauth2(TestCallers.staff()).get("/api/v1/api-keys/" + first.substring(6, 22)).then()
                .statusCode(200)
                .body("revokedAt", notNullValue())
                .body("revokedBy", equalTo("key:" + counsellor.substring(6, 22)))
                .body("revokedBecause", equalTo("replaced by a new key for its case"));
        given().auth().oauth2(TestCallers.staff()).get("/api/v1/api-keys/" + second.substring(6, 22)).then()
                .statusCode(200).body("revokedAt", nullValue());
    }

    @Test
    void erasingACaseRevokesItsBeneficiaryKeyAndKeepsItsRecord() {
        String id = CaseFixtures.open(counsellor, "B-ERASED-KEY");
        String beneficiary = CaseFixtures.beneficiaryKey(counsellor, id);

        given().auth().oauth2(counsellor).delete("/api/v1/cases/" + id).then().statusCode(204);

        given().auth().oauth2(beneficiary).get("/api/v1/cases").then().statusCode(401);
        given().auth().oauth2(TestCallers.staff()).get("/api/v1/api-keys/" + beneficiary.substring(6, 22)).then()
                .statusCode(200)
                .body("name", equalTo("beneficiary of a case"))
                .body("revokedAt", notNullValue())
                .body("revokedBy", equalTo("key:" + counsellor.substring(6, 22)))
                .body("revokedBecause", equalTo("its case was erased"));
    }

    @Test
    void aTokenSubjectIsTheBeneficiaryOfOneOpenCaseAtATime() {
        String subject = "idp-subject-" + System.nanoTime();
        String first = openNaming(counsellor, "B-TOKEN-1", subject).then().statusCode(201).extract().path("id");
        String colleague = keys.create("colleague", List.of(Roles.COUNSELLOR), TestCallers.CENTRE, "tests").secret();

        openNaming(colleague, "B-TOKEN-2", subject).then().statusCode(409)
                .body("type", equalTo("urn:bilan:problem:case-rule"))
                .body("errors[0].code", equalTo("beneficiary-has-open-case"));
        given().auth().oauth2(counsellor).get("/api/v1/cases/" + first).then().statusCode(200);
        // Another centre's case may name the same subject: subjects are scoped to the centre's identity provider.
        openNaming(TestCallers.of(Roles.COUNSELLOR, "centre-b"), "B-TOKEN-3", subject).then().statusCode(201);
    }

    @Test
    void aCounsellorIsNotTheBeneficiaryOfTheirOwnCase() {
        openNaming(counsellor, "B-SELF", "key:" + counsellor.substring(6, 22)).then().statusCode(400)
                .body("errors[0].pointer", equalTo("/beneficiarySubject"));
    }
}

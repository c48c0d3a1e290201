package io.bilan.engine.cases;

import static io.bilan.engine.cases.CaseFixtures.administration;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.engine.CatalogReady;
import io.bilan.engine.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a case keeps: results that score again the same, consents, the audit trail, and erasure of it all. */
@QuarkusTest
class CaseRecordsTest {

    @Inject
    EntityManager entities;

    @Inject
    CaseErasure erasure;

    @Inject
    TestClock clock;

    private String counsellor;

    @BeforeEach
    void setUp() throws InterruptedException {
        CatalogReady.await();
        counsellor = CaseFixtures.counsellor();
    }

    @Test
    void aStoredResultScoresTheSameAgainstItsPinnedVersion() {
        String id = CaseFixtures.open(counsellor, "B-RESCORE");
        CaseFixtures.intoInvestigation(counsellor, id);
        var stored = given().auth().oauth2(counsellor).contentType("application/json")
                .body(administration("riasec-interests", "typical-profile.json"))
                .post("/api/v1/cases/" + id + "/administrations").then().statusCode(201)
                .body("instrument", equalTo("riasec-interests"))
                .body("digest", notNullValue())
                .extract().jsonPath();
        long administration = stored.getLong("id");
        given().auth().oauth2(counsellor).post("/api/v1/cases/" + id + "/administrations/" + administration + "/rescore")
                .then().statusCode(200)
                .body("sameReport", equalTo(true))
                .body("report.digest", equalTo(stored.getString("digest")));
        // The profile and the career options of the case are built from what is stored.
        given().auth().oauth2(counsellor).get("/api/v1/cases/" + id + "/profile").then().statusCode(200)
                .body("interests.hollandCode", notNullValue())
                .body("reports.size()", equalTo(1));
        given().auth().oauth2(counsellor).get("/api/v1/cases/" + id + "/career-options?target=registered-nurse&limit=3")
                .then().statusCode(200)
                .body("careerOptions.size()", equalTo(3))
                .body("projectValidation.occupation", equalTo("registered-nurse"));
        // The person's situation, as query parameters: her job left out, the conditions she leaves named against it.
        given().auth().oauth2(counsellor).get("/api/v1/cases/" + id + "/career-options?target=registered-nurse"
                        + "&current=registered-nurse&avoid=night-work&maxTrainingMonths=18&qualification=6&limit=100")
                .then().statusCode(200)
                .body("careerOptions.occupation", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("registered-nurse")))
                .body("projectValidation.unfavourable.code", org.hamcrest.Matchers.hasItem("condition-to-leave"));
        given().auth().oauth2(counsellor).get("/api/v1/cases/" + id + "/career-options?avoid=mondays").then()
                .statusCode(400).body("errors[0].pointer", equalTo("avoid"));
        given().auth().oauth2(counsellor).get("/api/v1/cases/" + id + "/career-options?current=astronaut").then()
                .statusCode(400).body("errors[0].pointer", equalTo("current"));
        given().auth().oauth2(counsellor).get("/api/v1/cases/" + id + "/career-options?qualification=12").then()
                .statusCode(400);
    }

    @Test
    void aRetriedAdministrationIsStoredOnce() {
        String id = CaseFixtures.open(counsellor, "B-RETRY");
        CaseFixtures.intoInvestigation(counsellor, id);
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(counsellor).header("Idempotency-Key", key).contentType("application/json")
                    .body(administration("work-values", "typical-profile.json"))
                    .post("/api/v1/cases/" + id + "/administrations").then().statusCode(201);
        }
        given().auth().oauth2(counsellor).get("/api/v1/cases/" + id + "/administrations").then()
                .body("size()", equalTo(1));
    }

    @Test
    void consentsAndTheAuditTrailAreRecorded() {
        String id = CaseFixtures.open(counsellor, "B-AUDIT");
        String beneficiary = CaseFixtures.intoInvestigation(counsellor, id);
        given().auth().oauth2(beneficiary).get("/api/v1/cases/" + id + "/administrations").then().statusCode(200);
        long consent = given().auth().oauth2(beneficiary).contentType("application/json")
                .body("{\"recipient\": \"Clinique des Lilas, RH\", \"shared\": [\"synthesis\", \"profile\"], "
                        + "\"purpose\": \"Candidature\"}")
                .post("/api/v1/cases/" + id + "/consents").then().statusCode(201)
                .body("givenBy", equalTo(beneficiaryName(beneficiary)))
                .extract().jsonPath().getLong("id");
        given().auth().oauth2(beneficiary).contentType("application/json")
                .body("{\"recipient\": \"x\", \"shared\": [\"everything\"]}").post("/api/v1/cases/" + id + "/consents")
                .then().statusCode(400).body("errors[0].pointer", equalTo("/shared/0"))
                .body("errors[0].code", equalTo("invalid-part"));
        given().auth().oauth2(beneficiary).delete("/api/v1/cases/" + id + "/consents/" + consent).then().statusCode(200)
                .body("withdrawnAt", notNullValue());
        given().auth().oauth2(counsellor).get("/api/v1/cases/" + id + "/audit").then().statusCode(200)
                .body("action", hasItems("case-opened", "demand-recorded", "fit-decided", "beneficiary-key-issued",
                        "contract-signed", "phase-changed", "results-read", "consent-given", "consent-withdrawn"))
                .body("find { it.action == 'results-read' }.actor", equalTo(beneficiaryName(beneficiary)));
    }

    @Test
    void onlyWhatTheBeneficiaryConsentedToIsTransmittedAndOnlyWhileTheConsentHolds() {
        String id = CaseFixtures.open(counsellor, "B-TRANSMIT");
        String beneficiary = CaseFixtures.intoInvestigation(counsellor, id);
        given().auth().oauth2(counsellor).contentType("application/json")
                .body(administration("riasec-interests", "typical-profile.json"))
                .post("/api/v1/cases/" + id + "/administrations").then().statusCode(201);
        String at = "/api/v1/cases/" + id + "/transmissions";
        given().auth().oauth2(counsellor).contentType("application/json").body("{\"consent\": 999999, \"parts\": [\"profile\"]}")
                .post(at).then().statusCode(409).body("errors[0].code", equalTo("no-consent"));
        long consent = given().auth().oauth2(beneficiary).contentType("application/json")
                .body("{\"recipient\": \"France Travail, agence Lyon 3\", \"shared\": [\"profile\", \"synthesis\"]}")
                .post("/api/v1/cases/" + id + "/consents").then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"consent\": " + consent + ", \"parts\": [\"profile\", \"results\"]}").post(at).then()
                .statusCode(409).body("errors[0].pointer", equalTo("/parts/1")).body("errors[0].code", equalTo("not-consented"));
        given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"consent\": " + consent + ", \"parts\": [\"synthesis\"]}").post(at).then()
                .statusCode(409).body("errors[0].code", equalTo("synthesis-not-approved"));
        given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"consent\": " + consent + ", \"parts\": [\"profile\"]}").post(at).then().statusCode(200)
                .body("recipient", equalTo("France Travail, agence Lyon 3"))
                .body("profile.interests.hollandCode", notNullValue())
                .body("results", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(beneficiary).delete("/api/v1/cases/" + id + "/consents/" + consent).then().statusCode(200);
        given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"consent\": " + consent + ", \"parts\": [\"profile\"]}").post(at).then().statusCode(409)
                .body("errors[0].code", equalTo("consent-withdrawn"));
        given().auth().oauth2(counsellor).get("/api/v1/cases/" + id + "/audit").then()
                .body("findAll { it.action == 'transmitted' }.size()", equalTo(1));
    }

    private static String beneficiaryName(String key) {
        return "key:" + key.substring(6, 22);
    }

    @Test
    void erasingACaseLeavesNothingOfIt() {
        String id = given().auth().oauth2(counsellor).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("application/json").body("{\"beneficiary\": \"B-ERASE-7391\"}").post("/api/v1/cases")
                .then().statusCode(201).extract().path("id");
        String beneficiary = CaseFixtures.intoInvestigation(counsellor, id);
        given().auth().oauth2(counsellor).contentType("application/json")
                .body(administration("riasec-interests", "typical-profile.json"))
                .post("/api/v1/cases/" + id + "/administrations").then().statusCode(201);
        given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"date\": \"2026-11-20\", \"minutes\": 90, \"activities\": \"Passation RIASEC\"}")
                .post("/api/v1/cases/" + id + "/sessions").then().statusCode(201);
        given().auth().oauth2(beneficiary).contentType("application/json")
                .body("{\"recipient\": \"Employeur\", \"shared\": [\"results\"]}")
                .post("/api/v1/cases/" + id + "/consents").then().statusCode(201);

        List<String> before = rowsMentioning(id, "B-ERASE-7391");
        assertTrue(before.size() >= 5, "the search finds the case's rows before erasure: " + before);

        given().auth().oauth2(counsellor).delete("/api/v1/cases/" + id).then().statusCode(204);

        given().auth().oauth2(counsellor).get("/api/v1/cases/" + id).then().statusCode(404);
        assertEquals(List.of(), rowsMentioning(id, "B-ERASE-7391"), "no row of any table mentions the case");
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> io.bilan.engine.idempotency.IdempotentRequest
                .count("location like ?1", "%" + id + "%")), "no response kept for retries either");
        given().auth().oauth2(beneficiary).get("/api/v1/cases").then().statusCode(401);
    }

    @Test
    void closedCasesAreErasedWhenTheirRetentionIsOver() {
        String kept = CaseFixtures.open(counsellor, "B-KEPT");
        String expired = CaseFixtures.open(counsellor, "B-EXPIRED");
        QuarkusTransaction.requiringNew().run(() -> {
            CaseRecord record = CaseRecord.findById(expired);
            record.phase = CasePhase.CLOSED.code();
            record.closedAt = OffsetDateTime.now(clock).minusYears(1).minusDays(1);
            CaseRecord recent = CaseRecord.findById(kept);
            recent.phase = CasePhase.CLOSED.code();
            recent.closedAt = OffsetDateTime.now(clock).minusMonths(11);
        });
        assertTrue(erasure.purgeExpired() >= 1);
        assertEquals(List.of(), rowsMentioning(expired, "B-EXPIRED"));
        given().auth().oauth2(counsellor).get("/api/v1/cases/" + kept).then().statusCode(200);
    }

    /** Every row of every table of the schema in which a text column holds one of the needles. */
    private List<String> rowsMentioning(String... needles) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> found = new java.util.ArrayList<>();
            @SuppressWarnings("unchecked")
            List<Object[]> columns = entities.createNativeQuery("select table_name, column_name from "
                    + "information_schema.columns where table_schema = 'public' and data_type in "
                    + "('CHARACTER VARYING', 'CHARACTER LARGE OBJECT', 'character varying', 'text')").getResultList();
            for (Object[] column : columns) {
                for (String needle : needles) {
                    Number count = (Number) entities.createNativeQuery("select count(*) from " + column[0] + " where "
                            + column[1] + " like ?1").setParameter(1, "%" + needle + "%").getSingleResult();
                    if (count.longValue() > 0) {
                        found.add(column[0] + "." + column[1] + " holds " + needle);
                    }
                }
            }
            return found;
        });
    }
}

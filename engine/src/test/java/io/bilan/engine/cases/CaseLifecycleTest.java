package io.bilan.engine.cases;

import static io.bilan.engine.cases.CaseFixtures.administration;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.bilan.engine.CatalogReady;
import io.bilan.engine.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The phases of a bilan and the rules between them, each refused step saying what is missing. */
@QuarkusTest
class CaseLifecycleTest {

    @Inject
    TestClock clock;

    private String counsellor;

    @BeforeEach
    void setUp() throws InterruptedException {
        CatalogReady.await();
        counsellor = CaseFixtures.counsellor();
    }

    private String path(String caseId, String rest) {
        return "/api/v1/cases/" + caseId + rest;
    }

    @Test
    void theInvestigationWaitsForDemandFitAndBothSignatures() {
        String id = CaseFixtures.open(counsellor, "B-0001");
        given().auth().oauth2(counsellor).get(path(id, "")).then().statusCode(200)
                .body("phase", equalTo("preliminary"))
                .body("contact.email", equalTo("b@example.org"))
                .body("next.phase", equalTo("investigation"))
                .body("next.missing.code", contains("no-demand", "no-fit-decision", "unsigned-by-beneficiary",
                        "unsigned-by-counsellor"));
        given().auth().oauth2(counsellor).contentType("application/json").body("{\"to\": \"investigation\"}")
                .post(path(id, "/transitions")).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:bilan:problem:case-rule"))
                .body("errors.code", hasItems("no-demand", "no-fit-decision"));
        // The contract cannot be signed before the fit decision, and no investigation instrument is administered.
        given().auth().oauth2(counsellor).post(path(id, "/signatures")).then().statusCode(409)
                .body("errors.code", hasItem("no-fit-decision"));
        given().auth().oauth2(counsellor).contentType("application/json")
                .body(administration("riasec-interests", "typical-profile.json")).post(path(id, "/administrations"))
                .then().statusCode(409).body("errors.code", hasItem("instrument-not-in-phase"));

        CaseFixtures.intoInvestigation(counsellor, id);
        given().auth().oauth2(counsellor).get(path(id, "")).then().statusCode(200)
                .body("phase", equalTo("investigation"))
                .body("contract.beneficiarySignedAt", notNullValue())
                .body("contract.counsellorSignedAt", notNullValue())
                .body("fit.decision", equalTo("fit"));
    }

    @Test
    void theFitDecisionCanComeFromThePreliminaryInterviewAndARedirectClosesTheCase() {
        String id = CaseFixtures.open(counsellor, "B-0002");
        long interview = given().auth().oauth2(counsellor).contentType("application/json")
                .body(administration("preliminary-interview", "redirect-vae.json")).post(path(id, "/administrations"))
                .then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(counsellor).contentType("application/json").body("{\"administration\": " + interview + "}")
                .put(path(id, "/fit-decision")).then().statusCode(200)
                .body("fit.decision", equalTo("redirect"))
                .body("fit.route", equalTo("vae"))
                .body("fit.source", equalTo("administration:" + interview));
        given().auth().oauth2(counsellor).contentType("application/json").body("{\"to\": \"investigation\"}")
                .post(path(id, "/transitions")).then().statusCode(409);
        given().auth().oauth2(counsellor).contentType("application/json").body("{\"to\": \"closed\"}")
                .post(path(id, "/transitions")).then().statusCode(200)
                .body("phase", equalTo("closed"))
                .body("closingRoute", equalTo("vae"))
                .body("closedAt", notNullValue())
                .body("next", nullValue());
        given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"date\": \"2026-11-20\", \"minutes\": 60, \"activities\": \"x\"}").post(path(id, "/sessions"))
                .then().statusCode(409).body("errors.code", hasItem("case-closed"));
    }

    @Test
    void sessionsAreCountedAgainstTheLegalTwentyFourHours() {
        String id = CaseFixtures.open(counsellor, "B-0003");
        for (int i = 0; i < 7; i++) {
            given().auth().oauth2(counsellor).contentType("application/json")
                    .body("{\"date\": \"2026-11-" + (10 + i) + "\", \"minutes\": 200, \"activities\": \"Entretien\"}")
                    .post(path(id, "/sessions")).then().statusCode(201);
        }
        given().auth().oauth2(counsellor).get(path(id, "")).then()
                .body("hours.minutesUsed", equalTo(1400)).body("hours.minutesLeft", equalTo(40));
        given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"date\": \"2026-11-20\", \"minutes\": 41, \"activities\": \"Entretien\"}")
                .post(path(id, "/sessions")).then().statusCode(409)
                .body("errors[0].code", equalTo("over-legal-maximum"))
                .body("errors[0].message", startsWith("this session would bring the bilan to 1441 minutes"));
        given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"date\": \"2026-11-20\", \"minutes\": 40, \"activities\": \"Bilan de mi-parcours\"}")
                .post(path(id, "/sessions")).then().statusCode(201).body("phase", equalTo("preliminary"));
        given().auth().oauth2(counsellor).get(path(id, "/sessions")).then().body("$", hasSize(8));
    }

    @Test
    void phasesCannotBeSkippedAndTheConclusionSetsTheFollowUpDate() {
        String id = CaseFixtures.open(counsellor, "B-0004");
        CaseFixtures.intoInvestigation(counsellor, id);
        given().auth().oauth2(counsellor).contentType("application/json").body("{\"to\": \"follow-up\"}")
                .post(path(id, "/transitions")).then().statusCode(409)
                .body("errors[0].code", equalTo("not-the-next-phase"));
        given().auth().oauth2(counsellor).contentType("application/json").body("{\"to\": \"conclusion\"}")
                .post(path(id, "/transitions")).then().statusCode(409)
                .body("errors[0].code", equalTo("no-investigation"));
        given().auth().oauth2(counsellor).contentType("application/json")
                .body(administration("riasec-interests", "typical-profile.json")).post(path(id, "/administrations"))
                .then().statusCode(201);
        clock.set(Instant.parse("2026-11-30T23:59:00Z"));
        given().auth().oauth2(counsellor).contentType("application/json").body("{\"to\": \"conclusion\"}")
                .post(path(id, "/transitions")).then().statusCode(200)
                .body("phase", equalTo("conclusion"))
                .body("followUpOn", equalTo("2027-05-30"))
                .body("next.missing.code", contains("no-conclusion-session", "synthesis-not-approved"));
    }
}

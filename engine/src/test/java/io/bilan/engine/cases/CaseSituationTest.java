package io.bilan.engine.cases;

import static io.bilan.engine.cases.CaseFixtures.administration;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.engine.CatalogReady;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The person's situation recorded on the case, and what the case's options and synthesis draft make of it. The nurse
 * of the report: 45, after a burn-out, who wants to train adults and leave night and shift work.
 */
@QuarkusTest
class CaseSituationTest {

    private static final String NURSE = """
            {"current": "registered-nurse", "qualification": 6, "maxTrainingMonths": 18,
             "avoid": ["night-work", "shift-work"]}""";

    private String counsellor;
    private String beneficiary;
    private String id;

    @BeforeEach
    void setUp() throws InterruptedException {
        CatalogReady.await();
        counsellor = CaseFixtures.counsellor();
        id = CaseFixtures.open(counsellor, "B-2026-0142");
        beneficiary = CaseFixtures.intoInvestigation(counsellor, id);
        for (String instrument : List.of("riasec-interests", "work-values", "transversal-competences")) {
            given().auth().oauth2(beneficiary).contentType("application/json")
                    .body(administration(instrument, "typical-profile.json")).post(at("/administrations")).then()
                    .statusCode(201);
        }
    }

    @Test
    void theCounsellorRecordsTheSituationTheBeneficiaryReadsItAndTheChangeIsAudited() {
        given().auth().oauth2(counsellor).get(at("/situation")).then().statusCode(200)
                .body("current", equalTo(null));
        put(NURSE).then().statusCode(200).body("current", equalTo("registered-nurse"))
                .body("avoid", equalTo(List.of("night-work", "shift-work")));
        given().auth().oauth2(beneficiary).get(at("/situation")).then().statusCode(200)
                .body("current", equalTo("registered-nurse")).body("qualification", equalTo(6))
                .body("maxTrainingMonths", equalTo(18));
        given().auth().oauth2(counsellor).get(at("/audit")).then().statusCode(200)
                .body("action", hasItem("situation-recorded"));
        // A second PUT replaces the whole situation.
        put("{\"ruledOut\": [\"clinical-psychologist\"]}").then().statusCode(200);
        given().auth().oauth2(counsellor).get(at("/situation")).then().statusCode(200)
                .body("current", equalTo(null)).body("ruledOut", equalTo(List.of("clinical-psychologist")));
    }

    @Test
    void theSituationIsStoredSealed() {
        put(NURSE).then().statusCode(200);
        String stored = QuarkusTransaction.requiringNew().call(() -> (String) CaseRecord.getEntityManager()
                .createNativeQuery("select situation from bilan_case where id = ?1").setParameter(1, id)
                .getSingleResult());
        assertFalse(stored.contains("registered-nurse"), stored);
        assertFalse(stored.contains("night-work"), stored);
    }

    @Test
    void aSituationThatDoesNotHoldIsAProblemWithPointersIntoTheBody() {
        put("{\"current\": \"astronaut\", \"ruledOut\": [\"registered-nurse\", \"pilot-of-dreams\"]}").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.pointer", equalTo(List.of("/current", "/ruledOut/1")));
        put("{\"qualification\": 9, \"avoid\": [\"mondays\"]}").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.pointer", hasItem("/qualification")).body("errors.pointer", hasItem("/avoid/0"));
        given().auth().oauth2(counsellor).contentType("application/json").put(at("/situation")).then()
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(beneficiary).contentType("application/json").body(NURSE).put(at("/situation")).then()
                .statusCode(403);
        given().auth().oauth2(counsellor).get(at("/situation")).then().statusCode(200).body("current", equalTo(null));
    }

    @Test
    void theCaseOptionsLeaveOutHerJobUnlessAskedAndNameWhatSheLeavesAgainstIt() {
        given().auth().oauth2(counsellor).get(at("/career-options?limit=100")).then().statusCode(200)
                .body("careerOptions.occupation", hasItem("registered-nurse"));
        put(NURSE).then().statusCode(200);
        JsonPath options = given().auth().oauth2(counsellor)
                .get(at("/career-options?limit=100&lang=fr&target=registered-nurse")).then().statusCode(200)
                .body("careerOptions.occupation", not(hasItem("registered-nurse")))
                .body("leftOut.current-occupation", equalTo(1))
                .extract().jsonPath();
        assertEquals(List.of("current-occupation", "condition-to-leave", "condition-to-leave"),
                options.getList("projectValidation.unfavourable.findAll { it.code == 'current-occupation' || it.code == 'condition-to-leave' }.code"));
        assertEquals(List.of("night-work", "shift-work"),
                options.getList("projectValidation.unfavourable.findAll { it.code == 'condition-to-leave' }.subject"));
        for (int months : options.<Integer>getList("careerOptions.trainingMonths")) {
            assertTrue(months <= 18, "at most the 18 months of training she accepts: " + months);
        }
        // A query parameter replaces that part of the recorded situation for the one request; the rest still applies.
        given().auth().oauth2(counsellor).get(at("/career-options?limit=100&includeExcluded=true")).then()
                .statusCode(200).body("leftOut", nullValue());
        given().auth().oauth2(counsellor)
                .get(at("/career-options?limit=100&current=vocational-adult-trainer&maxTrainingMonths=180")).then()
                .statusCode(200).body("careerOptions.occupation", not(hasItem("vocational-adult-trainer")))
                .body("leftOut.current-occupation", equalTo(1)).body("leftOut.training-too-long", nullValue());
        given().auth().oauth2(counsellor).get(at("/career-options?limit=100&lang=fr&target=vocational-adult-trainer"
                        + "&current=vocational-adult-trainer&avoid=travel")).then().statusCode(200)
                .body("projectValidation.unfavourable.code", hasItem("current-occupation"))
                .body("projectValidation.unfavourable.findAll { it.code == 'condition-to-leave' }.subject",
                        equalTo(List.of("travel")));
    }

    @Test
    void theDraftValidatesTheProjectAgainstHerSituation() {
        toConclusion();
        JsonPath before = draft("registered-nurse");
        assertFalse(before.getList("synthesis.unfavourable").contains("C'est votre métier actuel."));
        put(NURSE).then().statusCode(200);
        JsonPath nurse = draft("registered-nurse");
        List<String> unfavourable = nurse.getList("synthesis.unfavourable");
        assertTrue(unfavourable.contains("C'est votre métier actuel."), unfavourable.toString());
        assertTrue(unfavourable.contains("Ce métier comporte souvent : travail de nuit, que vous souhaitez quitter."),
                unfavourable.toString());
        assertTrue(unfavourable.contains("Ce métier comporte souvent : travail posté, par roulement ou en horaires "
                + "décalés, que vous souhaitez quitter."), unfavourable.toString());
        assertFalse(nurse.getList("synthesis.favourable").toString().contains("conditions de travail"),
                nurse.getList("synthesis.favourable").toString());
        assertEquals(List.of(), nurse.getList("synthesis.options"), "the options are the counsellor's to choose");
    }

    @Test
    void theDraftProposesNoStrengthToDevelopForTheProjectSheHasInMind() {
        toConclusion();
        put(NURSE).then().statusCode(200);
        List<String> strengths = given().auth().oauth2(counsellor).get(at("/profile")).then().statusCode(200)
                .extract().jsonPath().getList("strengths.competence");
        assertFalse(strengths.isEmpty(), "the typical profile has strengths");
        JsonPath trainer = draft("vocational-adult-trainer");
        String document = trainer.getList("synthesis.unfavourable") + " " + trainer.getList("synthesis.roadmap.title");
        for (String strength : strengths) {
            String label = io.bilan.api.vocabulary.Competence.find(strength).orElseThrow().label("fr");
            assertFalse(document.contains("« " + label + " »"), label + " is a strength, yet: " + document);
        }
        assertFalse(trainer.getList("synthesis.unfavourable").contains("C'est votre métier actuel."));
    }

    private void toConclusion() {
        given().auth().oauth2(counsellor).contentType("application/json").body("{\"to\": \"conclusion\"}")
                .post(at("/transitions")).then().statusCode(200);
    }

    private JsonPath draft(String target) {
        return given().auth().oauth2(counsellor).post(at("/synthesis?lang=fr&target=" + target)).then().statusCode(200)
                .extract().jsonPath();
    }

    private io.restassured.response.Response put(String body) {
        return given().auth().oauth2(counsellor).contentType("application/json").body(body).put(at("/situation"));
    }

    private String at(String rest) {
        return "/api/v1/cases/" + id + rest;
    }
}

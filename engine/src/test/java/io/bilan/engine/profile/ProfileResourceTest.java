package io.bilan.engine.profile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A profile over HTTP from the shipped instruments' typical fixtures: the RIASEC fixture's code (SAE, computed by
 * hand in instruments/riasec-interests/fixtures/typical-profile.json) comes through to the profile.
 */
@QuarkusTest
class ProfileResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROFILES = "/api/v1/profiles";

    @BeforeEach
    void awaitCatalog() throws InterruptedException {
        io.bilan.engine.CatalogReady.await();
    }

    private static JsonNode responses(String instrument, String fixture) throws Exception {
        return JSON.readTree(Path.of("../instruments", instrument, "fixtures", fixture).toFile()).get("responses");
    }

    private static String body(String... instrumentsAndFixtures) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode administrations = body.putArray("administrations");
        for (int i = 0; i < instrumentsAndFixtures.length; i += 2) {
            administrations.addObject().put("instrument", instrumentsAndFixtures[i]).put("version", "latest")
                    .set("responses", responses(instrumentsAndFixtures[i], instrumentsAndFixtures[i + 1]));
        }
        return body.toString();
    }

    @Test
    void aWholeProfileWithItsOptionsAndAProjectValidation() throws Exception {
        String body = body("riasec-interests", "typical-profile.json", "work-values", "typical-profile.json",
                "transversal-competences", "typical-profile.json", "reasoning-aptitude", "typical.json");
        JsonNode answer = JSON.readTree(given().contentType("application/json").body(body)
                .queryParam("target", "registered-nurse").queryParam("lang", "fr")
                .post(PROFILES).then().statusCode(200)
                .body("profile.reports", hasSize(4))
                .body("profile.interests.hollandCode", equalTo("SAE"))
                .body("profile.values.ranked", hasSize(6))
                .body("profile.competences.size()", equalTo(27))
                .body("profile.aptitudes", not(hasSize(0)))
                .body("careerOptions", hasSize(10))
                .body("sectors.size()", equalTo(18))
                .body("sectors[0].occupations", hasSize(3))
                .body("projectValidation.occupation", equalTo("registered-nurse"))
                .body("projectValidation.title", equalTo("Infirmier ou infirmière"))
                .body("projectValidation.notConsidered", hasSize(0))
                .body("projectValidation.steps", not(hasSize(0)))
                .body("projectValidation.steps", hasItem(org.hamcrest.Matchers.startsWith("Voie d'accès : ")))
                .body("projectValidation.fit.band", org.hamcrest.Matchers.in(List.of("strong", "good", "partial", "weak")))
                .body("projectValidation.fit.label", notNullValue())
                .extract().asString());
        JsonNode options = answer.get("careerOptions");
        // the best sector's score is the best option's score
        assertTrue(Math.abs(answer.get("sectors").get(0).get("score").asDouble() - options.get(0).get("score").asDouble()) < 1e-12);
        for (int i = 1; i < options.size(); i++) {
            assertTrue(options.get(i - 1).get("score").asDouble() >= options.get(i).get("score").asDouble(), "sorted");
        }
        // One scale: each competence's mastery step is its level's quarter, a gap's step is below the step required,
        // and no strength is a gap.
        java.util.Set<String> strengths = new java.util.HashSet<>();
        answer.get("profile").get("strengths").forEach(s -> strengths.add(s.get("competence").asText()));
        for (JsonNode competence : answer.get("profile").get("competences")) {
            double level = competence.get("level").asDouble();
            int step = level >= 0.75 - 1e-9 ? 4 : level >= 0.5 - 1e-9 ? 3 : level >= 0.25 - 1e-9 ? 2 : 1;
            assertEquals(step, competence.get("mastery").asInt(), competence.toString());
        }
        for (JsonNode gap : answer.get("projectValidation").get("gaps")) {
            int required = gap.get("required").asInt();
            assertTrue(required >= 1 && required <= 4, gap.toString());
            assertTrue(!gap.has("mastery") || gap.get("mastery").asInt() < required, gap.toString());
            assertTrue(!strengths.contains(gap.get("competence").asText()), gap.toString());
        }
    }

    @Test
    void anIncompleteProfileMatchesOnWhatItHasAndSaysWhatIsMissing() throws Exception {
        given().contentType("application/json").body(body("riasec-interests", "typical-profile.json"))
                .queryParam("sector", "health").queryParam("limit", "3")
                .post(PROFILES).then().statusCode(200)
                .body("profile.values", nullValue())
                .body("profile.missing.part", hasItem("values"))
                .body("careerOptions", hasSize(3))
                .body("careerOptions.sector", equalTo(List.of("health", "health", "health")))
                .body("careerOptions[0].interestFit", notNullValue())
                .body("careerOptions[0].notConsidered[0]", equalTo("values: the profile has no work values yet"));
        given().contentType("application/json").body("{}").post(PROFILES).then().statusCode(200)
                .body("profile.missing.part", hasItem("interests"));
    }

    @Test
    void reportsFromTheScoringEndpointBuildTheSameProfile() throws Exception {
        String report = given().contentType("application/json")
                .body(responses("riasec-interests", "typical-profile.json").toString())
                .post("/api/v1/instruments/riasec-interests/latest/score").then().statusCode(200).extract().asString();
        given().contentType("application/json").body("{\"reports\": [" + report + "]}").post(PROFILES).then()
                .statusCode(200)
                .body("profile.interests.hollandCode", equalTo("SAE"))
                .body("profile.reports[0]", org.hamcrest.Matchers.startsWith("riasec-interests@1.1.0 sha256:"));
    }

    /** The nurse of the issue: her job and long studies left out, what she wants to leave named against an option. */
    @Test
    void theSituationLeavesOutHerJobAndNamesTheConditionsSheLeaves() throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(body("riasec-interests", "typical-profile.json", "work-values",
                "typical-profile.json", "transversal-competences", "typical-profile.json"));
        body.putObject("situation").put("current", "registered-nurse").put("qualification", 6)
                .put("maxTrainingMonths", 18).set("avoid", JSON.createArrayNode().add("night-work").add("shift-work"));
        JsonNode answer = JSON.readTree(given().contentType("application/json").body(body.toString())
                .queryParam("target", "registered-nurse").queryParam("limit", "100").queryParam("lang", "fr")
                .post(PROFILES).then().statusCode(200)
                .body("careerOptions.occupation", not(hasItem("registered-nurse")))
                .body("careerOptions.occupation", not(hasItem("clinical-psychologist")))
                .body("leftOut.current-occupation", equalTo(1))
                .body("projectValidation.unfavourable.code", hasItem("current-occupation"))
                .body("projectValidation.unfavourable.code", hasItem("condition-to-leave"))
                .body("projectValidation.trainingMonths", equalTo(0))
                .extract().asString());
        for (JsonNode option : answer.get("careerOptions")) {
            assertTrue(option.get("trainingMonths").asInt() <= 18, option.toString());
            assertTrue(option.get("fit").get("band").asText().matches("strong|good|partial|weak"), option.toString());
            for (JsonNode gap : option.get("gaps")) {
                assertTrue(gap.has("check") && gap.has("close"), gap.toString());
            }
        }
    }

    /** A target in words gets the occupations to choose from, not a 404. */
    @Test
    void aTargetInWordsAnswersWithTheOccupationsToChooseFrom() {
        given().contentType("application/json").body("{}").queryParam("target", "formateur").queryParam("lang", "fr")
                .post(PROFILES).then().statusCode(200)
                .body("projectValidation", nullValue())
                .body("targetChoices.id", hasItem("vocational-adult-trainer"))
                .body("targetChoices[0].title", notNullValue());
    }

    /** A situation that does not hold: every error with its JSON Pointer. */
    @Test
    void aBadSituationIsAProblemWithPointers() {
        given().contentType("application/json")
                .body("{\"situation\": {\"current\": \"astronaut\", \"ruledOut\": [\"lawyer\", \"pilot-of-dreams\"],"
                        + " \"qualification\": 9, \"avoid\": [\"mondays\"]}}")
                .post(PROFILES).then().statusCode(400).contentType("application/problem+json")
                .body("errors.pointer", hasItem("/situation/qualification"))
                .body("errors.pointer", hasItem("/situation/avoid/0"));
        given().contentType("application/json")
                .body("{\"situation\": {\"current\": \"astronaut\", \"ruledOut\": [\"lawyer\", \"pilot-of-dreams\"]}}")
                .post(PROFILES).then().statusCode(400).contentType("application/problem+json")
                .body("errors.pointer", equalTo(List.of("/situation/current", "/situation/ruledOut/1")))
                .body("errors.code", everyItem(equalTo("unknown-occupation")));
    }

    @Test
    void badRequestsAreProblems() throws Exception {
        given().contentType("application/json").body(body("riasec-interests", "typical-profile.json"))
                .queryParam("target", "astronaut").post(PROFILES).then().statusCode(404)
                .body("type", equalTo("urn:bilan:problem:occupation-not-found"));
        given().contentType("application/json").body(body("riasec-interests", "invalid-answers-refused.json"))
                .post(PROFILES).then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body("{}").queryParam("limit", "0").post(PROFILES).then().statusCode(400);
        given().contentType("application/json").body("{}").queryParam("sector", "moon").post(PROFILES).then().statusCode(400);
        given().contentType("application/json").body("{\"administrations\": [{\"instrument\": \"nope\", \"responses\": {}}]}")
                .post(PROFILES).then().statusCode(404);
    }
}

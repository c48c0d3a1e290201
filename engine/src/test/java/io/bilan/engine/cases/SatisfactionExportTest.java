package io.bilan.engine.cases;

import static io.bilan.engine.cases.CaseFixtures.administration;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bilan.engine.CatalogReady;
import io.bilan.engine.TestCallers;
import io.bilan.engine.TestClock;
import io.bilan.engine.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A centre exports its beneficiaries' satisfaction for its quality audits, without names; the answers given, free
 * text included, are read back by the case's counsellors and by the beneficiary for their own answers.
 */
@QuarkusTest
class SatisfactionExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXPORT = "/api/v1/satisfaction";
    private static final String HEADER = "response,instrument,version,phase,answered_on,overall,expectations,listening,"
            + "methods,clarity,document,recommend,satisfaction_status,satisfaction_mean,satisfaction_band";

    /** Each test exports answers of its own period, so that other tests' answers do not count. */
    private String centre;
    private String counsellor;
    private String today;

    @Inject
    TestClock clock;

    @BeforeEach
    void setUp() throws InterruptedException {
        CatalogReady.await();
        // A centre of its own: the export is the centre's, and holds only what this test answered.
        centre = "centre-satisfaction-" + System.nanoTime();
        counsellor = TestCallers.of(Roles.COUNSELLOR, centre);
        clock.set(Instant.parse("2026-12-01T10:00:00Z"));
        today = "2026-12-01";
    }

    @AfterEach
    void resetClock() {
        clock.set(TestClock.START);
    }

    @Test
    void eachAnswerIsARowWithoutNameAndAnotherCentresAnswersAreNotThere() {
        answer(counsellor, "B-SAT-1", "typical-satisfied.json", null);
        answer(counsellor, "B-SAT-2", "mixed.json", "=HYPERLINK(\"http://evil.example\")");
        String other = TestCallers.of(Roles.COUNSELLOR, centre + "-other");
        answer(other, "B-SAT-3", "lowest.json", null);

        String csv = given().auth().oauth2(counsellor).accept("text/csv").get(EXPORT).then().statusCode(200)
                .contentType("text/csv; charset=utf-8").extract().asString();

        assertEquals(HEADER + "\r\n"
                + "1,bilan-satisfaction,1.0.0,conclusion," + today + ",5,4,5,4,4,5,yes,scored,4.5,high\r\n"
                + "2,bilan-satisfaction,1.0.0,conclusion," + today + ",3,2,4,3,2,3,maybe,scored,2.8333,medium\r\n", csv);
        assertTrue(!csv.contains("B-SAT") && !csv.contains("HYPERLINK"), "no pseudonym, no comment unless asked");
    }

    @Test
    void theTotalsAreTheMeansAndCountsOfTheAnswers() {
        answer(counsellor, "B-SAT-4", "typical-satisfied.json", null);
        answer(counsellor, "B-SAT-5", "mixed.json", null);

        String csv = given().auth().oauth2(counsellor).accept("text/csv").queryParam("aggregate", true).get(EXPORT)
                .then().statusCode(200).extract().asString();

        // Means: satisfaction (4.5 + 17/6) / 2 = 3.6667; overall (5 + 3) / 2 = 4; expectations (4 + 2) / 2 = 3;
        // listening (5 + 4) / 2 = 4.5; methods (4 + 3) / 2 = 3.5; clarity (4 + 2) / 2 = 3; document (5 + 3) / 2 = 4.
        assertEquals("instrument,responses,scored,satisfaction_mean,band_low,band_medium,band_high,mean_overall,n_overall,"
                + "mean_expectations,n_expectations,mean_listening,n_listening,mean_methods,n_methods,mean_clarity,"
                + "n_clarity,mean_document,n_document,recommend_yes,recommend_maybe,recommend_no\r\n"
                + "bilan-satisfaction,2,2,3.6667,0,1,1,4,2,3,2,4.5,2,3.5,2,3,2,4,2,1,1,0\r\n", csv);
    }

    @Test
    void commentsComeOnlyWhenAskedAsWrittenAndNeverAsAFormula() throws Exception {
        answer(counsellor, "B-SAT-6", "typical-satisfied.json", null);
        answer(counsellor, "B-SAT-7", "mixed.json", "=HYPERLINK(\"http://evil.example\")");

        String csv = given().auth().oauth2(counsellor).accept("text/csv").queryParam("comments", true).get(EXPORT)
                .then().statusCode(200).extract().asString();
        assertTrue(csv.contains(",Merci — « très utile », même à 300 € → je recommande ; 2027‑2028 ≥ 2026.,")
                || csv.contains(",\"Merci — « très utile », même à 300 € → je recommande ; 2027‑2028 ≥ 2026.\","), csv);
        assertTrue(csv.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\")\","), csv);

        String ndjson = given().auth().oauth2(counsellor).accept("application/x-ndjson").queryParam("comments", true)
                .get(EXPORT).then().statusCode(200).contentType("application/x-ndjson").extract().asString();
        List<String> lines = ndjson.lines().toList();
        assertEquals(2, lines.size(), ndjson);
        JsonNode first = JSON.readTree(lines.getFirst());
        assertEquals(1, first.get("response").asInt());
        assertEquals(4.5, first.get("satisfaction_mean").asDouble());
        assertEquals("Merci — « très utile », même à 300 € → je recommande ; 2027‑2028 ≥ 2026.",
                first.get("comments").asText());
        assertEquals("=HYPERLINK(\"http://evil.example\")", JSON.readTree(lines.get(1)).get("comments").asText());
    }

    @Test
    void theExportIsForCounsellorsAndOfSatisfactionQuestionnairesOnly() {
        given().auth().oauth2(counsellor).accept("text/csv").queryParam("instrument", "riasec-interests").get(EXPORT)
                .then().statusCode(400).body("errors[0].pointer", equalTo("instrument"));
        given().auth().oauth2(counsellor).accept("text/csv").queryParam("from", "2026-12-01").queryParam("to", "2026-11-01")
                .get(EXPORT).then().statusCode(400);
        given().auth().oauth2(TestCallers.of(Roles.BENEFICIARY, centre)).accept("text/csv").get(EXPORT).then()
                .statusCode(403);
        given().auth().oauth2(counsellor).accept("text/csv").queryParam("instrument", "follow-up-satisfaction")
                .get(EXPORT).then().statusCode(200).body(equalTo("response,instrument,version,phase,answered_on,"
                        + "overall_now,useful,plan_used,follow_up_contact,recommend,satisfaction_status,satisfaction_mean,"
                        + "satisfaction_band\r\n"));
    }

    @Test
    void theBeneficiaryReadsTheAnswersTheyGaveAndNotTheCounsellorsNotes() {
        String id = CaseFixtures.open(counsellor, "B-SAT-8");
        String beneficiary = CaseFixtures.intoInvestigation(counsellor, id);
        long grid = given().auth().oauth2(counsellor).contentType("application/json")
                .body(administration("career-interview-grid", "typical-interviews.json"))
                .post("/api/v1/cases/" + id + "/administrations").then().statusCode(201).extract().jsonPath().getLong("id");
        long own = given().auth().oauth2(beneficiary).contentType("application/json")
                .body(administration("riasec-interests", "typical-profile.json"))
                .post("/api/v1/cases/" + id + "/administrations").then().statusCode(201).extract().jsonPath().getLong("id");
        JsonNode given = CaseFixtures.responses("riasec-interests", "typical-profile.json");

        String ownAnswers = given().auth().oauth2(beneficiary).get("/api/v1/cases/" + id + "/administrations/" + own
                + "/responses").then().statusCode(200).body("instrument", equalTo("riasec-interests"))
                .extract().jsonPath().prettify();
        assertTrue(ownAnswers.contains(given.path("answers").fieldNames().next()), ownAnswers);
        given().auth().oauth2(counsellor).get("/api/v1/cases/" + id + "/administrations/" + own + "/responses").then()
                .statusCode(200);
        given().auth().oauth2(beneficiary).header("Accept-Language", "fr")
                .get("/api/v1/cases/" + id + "/administrations/" + grid + "/responses").then().statusCode(403)
                .body("detail", equalTo("ces réponses ont été données à votre sujet par un conseiller ou une conseillère ; "
                        + "demandez-les au centre"));
        JsonNode notes = CaseFixtures.responses("career-interview-grid", "typical-interviews.json");
        String read = given().auth().oauth2(counsellor).get("/api/v1/cases/" + id + "/administrations/" + grid
                + "/responses").then().statusCode(200).extract().asString();
        assertTrue(read.contains(notes.toString().substring(1, 20)), read);
        given().auth().oauth2(counsellor).get("/api/v1/cases/" + id + "/audit").then()
                .body("action.findAll { it == 'responses-read' }.size()", equalTo(3));
    }

    /** A case of the counsellor's centre taken to its conclusion, where the beneficiary answers the questionnaire. */
    private void answer(String counsellor, String beneficiaryId, String fixture, String comment) {
        String id = CaseFixtures.open(counsellor, beneficiaryId);
        String beneficiary = CaseFixtures.intoInvestigation(counsellor, id);
        given().auth().oauth2(beneficiary).contentType("application/json")
                .body(administration("riasec-interests", "typical-profile.json"))
                .post("/api/v1/cases/" + id + "/administrations").then().statusCode(201);
        given().auth().oauth2(counsellor).contentType("application/json").body("{\"to\": \"conclusion\"}")
                .post("/api/v1/cases/" + id + "/transitions").then().statusCode(200);
        ObjectNode body = (ObjectNode) JSON.createObjectNode().put("instrument", "bilan-satisfaction").put("lang", "fr")
                .set("responses", CaseFixtures.responses("bilan-satisfaction", fixture));
        if (comment != null) {
            ((ObjectNode) body.get("responses").get("answers")).put("comments", comment);
        }
        given().auth().oauth2(beneficiary).contentType("application/json").body(body.toString())
                .post("/api/v1/cases/" + id + "/administrations").then().statusCode(201);
    }
}

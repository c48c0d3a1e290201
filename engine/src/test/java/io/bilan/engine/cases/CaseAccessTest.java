package io.bilan.engine.cases;

import static io.bilan.engine.cases.CaseFixtures.administration;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bilan.engine.CatalogReady;
import io.bilan.engine.TestCallers;
import io.bilan.engine.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every case endpoint, called with the identifiers of a real case of centre A by everyone who should not reach it:
 * a counsellor of centre B, a counsellor of centre A who is not on the case, the beneficiary of another case, and
 * the roles that never see cases. All are refused, and the refusal says nothing about the case.
 */
@QuarkusTest
class CaseAccessTest {

    private String counsellor;
    private String caseId;
    private long administrationId;
    private long consentId;

    @BeforeEach
    void setUp() throws InterruptedException {
        CatalogReady.await();
        counsellor = CaseFixtures.counsellor();
        caseId = CaseFixtures.open(counsellor, "B-ACCESS");
        String beneficiary = CaseFixtures.intoInvestigation(counsellor, caseId);
        administrationId = given().auth().oauth2(counsellor).contentType("application/json")
                .body(administration("riasec-interests", "typical-profile.json"))
                .post("/api/v1/cases/" + caseId + "/administrations").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        consentId = given().auth().oauth2(beneficiary).contentType("application/json")
                .body("{\"recipient\": \"Employeur\", \"shared\": [\"synthesis\"]}")
                .post("/api/v1/cases/" + caseId + "/consents").then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }

    private Map<String, String[]> endpoints() {
        String at = "/api/v1/cases/" + caseId;
        Map<String, String[]> endpoints = new LinkedHashMap<>();
        endpoints.put("GET " + at, new String[0]);
        endpoints.put("DELETE " + at, new String[0]);
        endpoints.put("POST " + at + "/counsellors", new String[] {"{\"counsellor\": \"key:intruder\"}"});
        endpoints.put("POST " + at + "/beneficiary-key", new String[0]);
        endpoints.put("PUT " + at + "/demand", new String[] {"{\"demand\": \"x\"}"});
        endpoints.put("PUT " + at + "/fit-decision", new String[] {"{\"decision\": \"fit\"}"});
        endpoints.put("POST " + at + "/signatures", new String[0]);
        endpoints.put("POST " + at + "/transitions", new String[] {"{\"to\": \"conclusion\"}"});
        endpoints.put("POST " + at + "/sessions", new String[] {"{\"date\": \"2026-11-20\", \"minutes\": 60, \"activities\": \"x\"}"});
        endpoints.put("GET " + at + "/sessions", new String[0]);
        endpoints.put("POST " + at + "/administrations", new String[] {administration("riasec-interests", "typical-profile.json")});
        endpoints.put("GET " + at + "/administrations", new String[0]);
        endpoints.put("GET " + at + "/administrations/" + administrationId, new String[0]);
        endpoints.put("POST " + at + "/administrations/" + administrationId + "/rescore", new String[0]);
        endpoints.put("GET " + at + "/profile", new String[0]);
        endpoints.put("GET " + at + "/career-options", new String[0]);
        endpoints.put("POST " + at + "/consents", new String[] {"{\"recipient\": \"x\", \"shared\": [\"results\"]}"});
        endpoints.put("GET " + at + "/consents", new String[0]);
        endpoints.put("DELETE " + at + "/consents/" + consentId, new String[0]);
        endpoints.put("GET " + at + "/audit", new String[0]);
        endpoints.put("POST " + at + "/transmissions", new String[] {"{\"consent\": " + consentId + ", \"parts\": [\"synthesis\"]}"});
        return endpoints;
    }

    @Test
    void nobodyOutsideTheCaseReachesIt() {
        String otherCase = CaseFixtures.open(counsellor, "B-OTHER");
        Map<String, String> outsiders = new LinkedHashMap<>();
        outsiders.put("counsellor of centre B", TestCallers.of(Roles.COUNSELLOR, "centre-b"));
        outsiders.put("counsellor of centre A not on the case", given().contentType("application/json")
                .body("{\"name\": \"colleague\", \"roles\": [\"counsellor\"], \"centre\": \"centre-a\"}")
                .post("/api/v1/api-keys").then().statusCode(201).extract().path("key"));
        outsiders.put("beneficiary of another case", CaseFixtures.beneficiaryKey(counsellor, otherCase));
        outsiders.put("beneficiary of centre B", TestCallers.of(Roles.BENEFICIARY, "centre-b"));
        outsiders.put("admin", TestCallers.of(Roles.ADMIN));
        outsiders.put("researcher", TestCallers.of(Roles.RESEARCHER));
        outsiders.put("author", TestCallers.of(Roles.AUTHOR));

        List<String> wrong = new ArrayList<>();
        for (var outsider : outsiders.entrySet()) {
            for (var endpoint : endpoints().entrySet()) {
                String[] methodAndPath = endpoint.getKey().split(" ", 2);
                var request = given().auth().oauth2(outsider.getValue());
                if (endpoint.getValue().length > 0) {
                    request = request.contentType("application/json").body(endpoint.getValue()[0]);
                }
                Response response = request.request(methodAndPath[0], methodAndPath[1]);
                int status = response.statusCode();
                String body = response.asString();
                if ((status != 403 && status != 404) || body.contains("B-ACCESS") || body.contains(caseId)
                        && !body.contains("\"instance\"")) {
                    wrong.add(outsider.getKey() + ": " + endpoint.getKey() + " -> " + status + " " + body);
                } else if (status == 404 && !response.jsonPath().getString("type").equals("urn:bilan:problem:case-not-found")) {
                    wrong.add(outsider.getKey() + ": " + endpoint.getKey() + " -> a 404 of another kind: " + body);
                }
            }
        }
        assertEquals(List.of(), wrong);
        // Nothing was changed by the attempts: the case is as it was.
        given().auth().oauth2(counsellor).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("phase", equalTo("investigation"))
                .body("counsellors.size()", equalTo(1));
        given().auth().oauth2(counsellor).get("/api/v1/cases/" + caseId + "/administrations").then()
                .body("size()", equalTo(1));
    }

    @Test
    void theBeneficiaryReadsTheirCaseButDoesNotRunIt() {
        String beneficiary = CaseFixtures.beneficiaryKey(counsellor, caseId);
        String at = "/api/v1/cases/" + caseId;
        given().auth().oauth2(beneficiary).get(at).then().statusCode(200).body("beneficiary", equalTo("B-ACCESS"));
        given().auth().oauth2(beneficiary).get(at + "/administrations").then().statusCode(200);
        given().auth().oauth2(beneficiary).get(at + "/profile").then().statusCode(200);
        given().auth().oauth2(beneficiary).get("/api/v1/cases").then().statusCode(200).body("id", org.hamcrest.Matchers.contains(caseId));
        for (String[] refused : new String[][] {{"POST", at + "/transitions"}, {"GET", at + "/audit"},
                {"DELETE", at}, {"POST", at + "/administrations/" + administrationId + "/rescore"}}) {
            given().auth().oauth2(beneficiary).contentType("application/json").body("{\"to\": \"conclusion\"}")
                    .request(refused[0], refused[1]).then().statusCode(403);
        }
        // A test is administered by a counsellor; a questionnaire the beneficiary may answer alone.
        given().auth().oauth2(beneficiary).contentType("application/json")
                .body(administration("reasoning-aptitude", "all-correct.json"))
                .post(at + "/administrations").then().statusCode(409)
                .body("errors[0].code", equalTo("administered-by-counsellor"));
        given().auth().oauth2(beneficiary).contentType("application/json")
                .body(administration("work-values", "typical-profile.json")).post(at + "/administrations").then()
                .statusCode(201);
    }
}

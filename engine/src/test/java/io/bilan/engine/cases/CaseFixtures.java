package io.bilan.engine.cases;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilan.engine.TestCallers;
import io.bilan.engine.security.Roles;
import java.io.IOException;
import java.nio.file.Path;

/** Cases for tests: opened through the API by a counsellor, with responses from the shipped fixtures. */
final class CaseFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CaseFixtures() {
    }

    /** The response set of a shipped instrument's fixture. */
    static JsonNode responses(String instrument, String fixture) {
        try {
            return JSON.readTree(Path.of("../instruments", instrument, "fixtures", fixture).toFile()).get("responses");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An administration request body. */
    static String administration(String instrument, String fixture) {
        return JSON.createObjectNode().put("instrument", instrument).put("lang", "fr")
                .set("responses", responses(instrument, fixture)).toString();
    }

    /** Opens a case as {@code counsellor}; returns its id. */
    static String open(String counsellor, String beneficiary) {
        return given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"beneficiary\": \"" + beneficiary + "\", \"contact\": {\"email\": \"b@example.org\"}}")
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");
    }

    /** The counsellor of centre-a every case test works as. */
    static String counsellor() {
        return TestCallers.of(Roles.COUNSELLOR);
    }

    /** Gives the case's beneficiary a key; returns it. */
    static String beneficiaryKey(String counsellor, String caseId) {
        return given().auth().oauth2(counsellor).post("/api/v1/cases/" + caseId + "/beneficiary-key").then()
                .statusCode(201).extract().path("key");
    }

    /** Takes a new case through the preliminary phase into the investigation; returns the beneficiary's key. */
    static String intoInvestigation(String counsellor, String caseId) {
        given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"demand\": \"Se reconvertir dans le soin\"}").put("/api/v1/cases/" + caseId + "/demand")
                .then().statusCode(200);
        given().auth().oauth2(counsellor).contentType("application/json").body("{\"decision\": \"fit\"}")
                .put("/api/v1/cases/" + caseId + "/fit-decision").then().statusCode(200);
        String beneficiary = beneficiaryKey(counsellor, caseId);
        given().auth().oauth2(beneficiary).post("/api/v1/cases/" + caseId + "/signatures").then().statusCode(200);
        given().auth().oauth2(counsellor).post("/api/v1/cases/" + caseId + "/signatures").then().statusCode(200);
        given().auth().oauth2(counsellor).contentType("application/json").body("{\"to\": \"investigation\"}")
                .post("/api/v1/cases/" + caseId + "/transitions").then().statusCode(200);
        return beneficiary;
    }
}

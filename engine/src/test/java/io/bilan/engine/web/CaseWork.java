package io.bilan.engine.web;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilan.engine.security.Roles;
import java.io.IOException;
import java.nio.file.Path;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A case brought through the API to where a browser test of the case page starts, by the counsellor key
 * {@code counsellor}: opened, preliminary phase done, instruments administered, in the conclusion with a drafted
 * synthesis; and the counsellor account that works on it in the browser.
 */
final class CaseWork {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String counsellor;

    CaseWork(String counsellor) {
        this.counsellor = counsellor;
    }

    String open(String beneficiary) {
        return given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"beneficiary\": \"" + beneficiary + "\"}").post("/api/v1/cases").then().statusCode(201)
                .extract().path("id");
    }

    void intoInvestigation(String caseId) {
        given().auth().oauth2(counsellor).contentType("application/json").body("{\"demand\": \"Changer de métier\"}")
                .put("/api/v1/cases/" + caseId + "/demand").then().statusCode(200);
        given().auth().oauth2(counsellor).contentType("application/json").body("{\"decision\": \"fit\"}")
                .put("/api/v1/cases/" + caseId + "/fit-decision").then().statusCode(200);
        String beneficiary = given().auth().oauth2(counsellor).post("/api/v1/cases/" + caseId + "/beneficiary-key")
                .then().statusCode(201).extract().path("key");
        given().auth().oauth2(beneficiary).post("/api/v1/cases/" + caseId + "/signatures").then().statusCode(200);
        given().auth().oauth2(counsellor).post("/api/v1/cases/" + caseId + "/signatures").then().statusCode(200);
        move(caseId, "investigation");
    }

    void administer(String caseId, String instrument, String fixture) throws IOException {
        var body = JSON.createObjectNode().put("instrument", instrument).put("lang", "en");
        body.set("responses", JSON.readTree(Path.of("../instruments", instrument, "fixtures", fixture).toFile())
                .get("responses"));
        given().auth().oauth2(counsellor).contentType("application/json").body(body.toString())
                .post("/api/v1/cases/" + caseId + "/administrations").then().statusCode(201);
    }

    void move(String caseId, String phase) {
        given().auth().oauth2(counsellor).contentType("application/json").body("{\"to\": \"" + phase + "\"}")
                .post("/api/v1/cases/" + caseId + "/transitions").then().statusCode(200);
    }

    /** A case with interests and values assessed, in the investigation phase. */
    String assessed(String beneficiary) throws IOException {
        String caseId = open(beneficiary);
        intoInvestigation(caseId);
        administer(caseId, "riasec-interests", "typical-profile.json");
        administer(caseId, "work-values", "typical-profile.json");
        return caseId;
    }

    /** The same in the conclusion phase, its synthesis drafted in English. */
    String concluding(String beneficiary) throws IOException {
        String caseId = assessed(beneficiary);
        move(caseId, "conclusion");
        given().auth().oauth2(counsellor).queryParam("lang", "en").post("/api/v1/cases/" + caseId + "/synthesis")
                .then().statusCode(200);
        return caseId;
    }

    /** A counsellor account of {@code centre} made a counsellor of the case, signed in in {@code driver}. */
    StaffSignIn.Account counsellorOf(String caseId, WebDriver driver, String base) {
        driver.manage().deleteAllCookies();
        StaffSignIn.Account account = StaffSignIn.account("centre-a", Roles.COUNSELLOR);
        StaffSignIn.signIn(driver, base, account);
        given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"counsellor\": \"" + account.subject() + "\"}").post("/api/v1/cases/" + caseId + "/counsellors")
                .then().statusCode(200);
        return account;
    }

    /** Clicks and waits for the page that follows to say {@code text} at {@code where}. */
    static void sendAndWait(WebDriver driver, By button, By where, String text) {
        driver.findElement(button).click();
        waitForText(driver, where, text);
    }

    /** Waits until the element at {@code where} says {@code text}, through pages replaced meanwhile. */
    static void waitForText(WebDriver driver, By where, String text) {
        Browser.waitThroughReplacedPages(driver, ExpectedConditions.textToBePresentInElementLocated(where, text));
    }
}

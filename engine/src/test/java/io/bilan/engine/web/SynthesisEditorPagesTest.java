package io.bilan.engine.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.engine.CatalogReady;
import io.bilan.engine.TestCallers;
import io.bilan.engine.security.Roles;
import io.bilan.engine.security.StaffSessions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;

/**
 * The synthesis editor in a real browser: every section written in the page, the preview following the typing, the
 * draft saved through the API's edit (the API then reads what was written), a stale form refused with a clear message
 * and the text kept, a form error beside its field; the same form without script saves, and its page shows the saved
 * draft. In English and in French, axe-core on every page, screenshots in target/screenshots.
 */
@QuarkusTest
class SynthesisEditorPagesTest {

    private static Browser browser;

    @TestHTTPResource("/")
    URL base;

    private String counsellor;
    private CaseWork cases;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void ready() throws InterruptedException {
        CatalogReady.await();
        counsellor = TestCallers.of(Roles.COUNSELLOR);
        cases = new CaseWork(counsellor);
    }

    private WebDriver driver() {
        return browser.driver;
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    private void type(String id, String text) {
        driver().findElement(By.id(id)).clear();
        driver().findElement(By.id(id)).sendKeys(text);
    }

    /** The index of the empty row the editor adds at the end of a list section ({@code competence-label-}). */
    private int newRow(String prefix) {
        return driver().findElements(By.cssSelector("[id^='" + prefix + "']")).size() - 1;
    }

    private JsonPath synthesis(String caseId) {
        return given().auth().oauth2(counsellor).get("/api/v1/cases/" + caseId + "/synthesis").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void aCounsellorWritesEverySectionWithItsPreview() throws IOException {
        String caseId = cases.concluding("B-EDITOR-1");
        cases.counsellorOf(caseId, driver(), base.toString());
        driver().get(url("/language?to=en&back=/staff/cases/" + caseId));
        CaseWork.sendAndWait(driver(), By.id("edit-synthesis"), By.tagName("h1"), "Write the synthesis");
        assertEquals("revision 1", driver().findElement(By.id("synthesis-revision")).getText().replaceAll("[()]", ""));
        browser.assertAccessible("synthesis editor");

        // The preview follows the typing, before anything is saved.
        type("edit-circumstances", "Camille asked for a bilan to leave retail.");
        CaseWork.waitForText(driver(), By.id("synthesis-preview"), "Camille asked for a bilan to leave retail.");
        assertEquals(1, synthesis(caseId).getInt("revision"), "a preview stores nothing");

        type("edit-favourable", "Ten years of customer care\nAt ease in a team");
        type("edit-unfavourable", "No qualification in care yet");
        int competence = newRow("competence-label-");
        type("competence-label-" + competence, "Listening");
        type("competence-level-" + competence, "80");
        type("competence-note-" + competence, "seen in the role play");
        int option = newRow("option-title-");
        type("option-title-" + option, "Care assistant");
        type("option-reason-" + option, "Close to what Camille values most: helping people.");
        int step = newRow("step-title-");
        type("step-title-" + step, "Spend two days alongside a care assistant");
        type("step-detail-" + step, "In March, at the hospital of Lyon");
        type("edit-conclusion", "A project that holds together.");
        type("edit-not-assessed", "Physical fitness for the job");
        CaseWork.waitForText(driver(), By.id("synthesis-preview"), "Physical fitness for the job");
        String preview = driver().findElement(By.id("synthesis-preview")).getText();
        for (String written : List.of("Ten years of customer care", "No qualification in care yet", "Listening",
                "Care assistant", "Spend two days alongside a care assistant", "A project that holds together.")) {
            assertTrue(preview.contains(written), written + " in " + preview);
        }
        browser.screenshot("case-synthesis-editor-en-desktop", 1280);
        browser.screenshot("case-synthesis-editor-en-tablet", 820, By.id("options"));

        CaseWork.sendAndWait(driver(), By.id("save-synthesis"), By.id("editor-notice"),
                "Saved: the draft is at revision 2.");
        browser.assertAccessible("synthesis editor saved");
        JsonPath saved = synthesis(caseId);
        assertEquals(2, saved.getInt("revision"));
        assertEquals("Camille asked for a bilan to leave retail.", saved.getString("synthesis.circumstances"));
        assertEquals(List.of("Ten years of customer care", "At ease in a team"), saved.getList("synthesis.favourable"));
        assertEquals(List.of("No qualification in care yet"), saved.getList("synthesis.unfavourable"));
        assertEquals(0.8, saved.getDouble("synthesis.competences.find { it.label == 'Listening' }.level"), 1e-9);
        assertEquals("seen in the role play", saved.getString("synthesis.competences.find { it.label == 'Listening' }.note"));
        assertEquals("Close to what Camille values most: helping people.",
                saved.getString("synthesis.options.find { it.title == 'Care assistant' }.reason"));
        assertEquals("In March, at the hospital of Lyon",
                saved.getString("synthesis.roadmap.find { it.title == 'Spend two days alongside a care assistant' }.detail"));
        assertEquals("A project that holds together.", saved.getString("synthesis.conclusion"));
        assertEquals(List.of("Physical fitness for the job"), saved.getList("synthesis.handover.notAssessed"));
        List<String> details = given().auth().oauth2(counsellor).get("/api/v1/cases/" + caseId + "/audit").then()
                .statusCode(200).extract().jsonPath().getList("findAll { it.action == 'synthesis-edited' }.detail");
        assertEquals(List.of("revision 2: circumstances, favourable, unfavourable, competences, options, roadmap, "
                + "conclusion, notAssessed"), details);

        // Saved again with one section changed: only that one is sent.
        type("edit-conclusion", "A project that holds together, to be tried in March.");
        CaseWork.sendAndWait(driver(), By.id("save-synthesis"), By.id("editor-notice"), "revision 3");
        assertTrue(given().auth().oauth2(counsellor).get("/api/v1/cases/" + caseId + "/audit").then().extract()
                .jsonPath().getList("detail").contains("revision 3: conclusion"));

        // A competence without its level: said beside the field, and what was typed is kept.
        int patience = newRow("competence-label-");
        type("competence-label-" + patience, "Patience");
        driver().findElement(By.id("save-synthesis")).click();
        CaseWork.waitForText(driver(), By.id("error-summary"), "There is a problem");
        assertEquals("true", driver().findElement(By.id("competence-level-" + patience)).getAttribute("aria-invalid"));
        assertEquals("Fill this in, or clear the whole row.",
                driver().findElement(By.id("competence-level-" + patience + "-problem")).getText());
        assertEquals("Patience", driver().findElement(By.id("competence-label-" + patience)).getAttribute("value"));
        browser.assertAccessible("synthesis editor with a problem");
        browser.screenshot("case-synthesis-editor-problem-en-tablet", 820, By.id("error-summary"));

        // Someone else changes the draft meanwhile: the page's save is refused, clearly, and nothing is overwritten.
        given().auth().oauth2(counsellor).contentType("application/json").body("{\"conclusion\": \"Written elsewhere.\"}")
                .put("/api/v1/cases/" + caseId + "/synthesis").then().statusCode(200)
                .body("revision", equalTo(4));
        type("competence-label-" + patience, "");
        type("edit-conclusion", "My version of the conclusion.");
        driver().findElement(By.id("save-synthesis")).click();
        CaseWork.waitForText(driver(), By.id("error-summary"), "Someone else saved or redrafted this synthesis");
        assertEquals("My version of the conclusion.",
                driver().findElement(By.id("edit-conclusion")).getAttribute("value"));
        assertEquals("Written elsewhere.", synthesis(caseId).getString("synthesis.conclusion"));
        browser.assertAccessible("synthesis editor, stale");
        browser.screenshot("case-synthesis-editor-stale-en-tablet", 820, By.id("error-summary"));

        // In French.
        driver().get(url("/language?to=fr&back=/staff/cases/" + caseId + "/synthesis/editor"));
        CaseWork.waitForText(driver(), By.tagName("h1"), "Rédiger la synthèse");
        assertEquals("Written elsewhere.", driver().findElement(By.id("edit-conclusion")).getAttribute("value"));
        browser.assertAccessible("synthesis editor in French");
        browser.screenshot("case-synthesis-editor-fr-desktop", 1280);
        browser.screenshot("case-synthesis-editor-fr-tablet", 820);
        driver().findElement(By.id("edit-conclusion")).sendKeys(Keys.END, " Fin.");
        CaseWork.waitForText(driver(), By.id("synthesis-preview"), "Written elsewhere. Fin.");
    }

    @Test
    void withoutItsScriptTheFormSavesAndThePageShowsTheSavedDraft() throws IOException {
        String caseId = cases.concluding("B-EDITOR-2");
        cases.counsellorOf(caseId, driver(), base.toString());
        driver().get(url("/staff/cases/" + caseId + "/synthesis/editor"));
        String session = StaffSignIn.sessionCookie(driver());
        String csrf = StaffSignIn.csrf(driver());
        // The form as a browser without JavaScript sends it: every field, the unchanged ones as they were shown.
        var form = given().auth().none().redirects().follow(false).cookie(StaffSessions.COOKIE, session)
                .contentType("application/x-www-form-urlencoded").header("Accept-Language", "en");
        driver().findElements(By.cssSelector("#synthesis-editor input[name], #synthesis-editor textarea[name]"))
                .stream().filter(field -> !field.getAttribute("name").equals("circumstances"))
                .forEach(field -> form.formParam(field.getAttribute("name"), field.getAttribute("value")));
        form.formParam("circumstances", "Written without the script.");
        String next = form.post("/staff/cases/" + caseId + "/synthesis/editor").then().statusCode(303).extract()
                .header("Location");
        assertTrue(next.endsWith("/staff/cases/" + caseId + "/synthesis/editor?saved=2"), next);
        given().auth().none().cookie(StaffSessions.COOKIE, session).header("Accept-Language", "en")
                .get("/staff/cases/" + caseId + "/synthesis/editor?saved=2").then().statusCode(200)
                .body(containsString("Saved: the draft is at revision 2."))
                .body(containsString("<p>Written without the script.</p>"));
        assertTrue(given().auth().oauth2(counsellor).get("/api/v1/cases/" + caseId + "/audit").then().extract()
                .jsonPath().getList("detail").contains("revision 2: circumstances"), "only the section changed is sent");

        // The API takes the same revision check, as If-Match.
        given().auth().oauth2(counsellor).contentType("application/json").header("If-Match", "\"1\"")
                .body("{\"conclusion\": \"On revision 1.\"}").put("/api/v1/cases/" + caseId + "/synthesis").then()
                .statusCode(409).body("errors[0].code", equalTo("stale-revision"))
                .body("errors[0].pointer", equalTo("/revision"));
        given().auth().oauth2(counsellor).contentType("application/json").header("If-Match", "three")
                .body("{\"conclusion\": \"On revision 1.\"}").put("/api/v1/cases/" + caseId + "/synthesis").then()
                .statusCode(400).body("errors[0].code", equalTo("invalid-if-match"));
        given().auth().oauth2(counsellor).contentType("application/json").header("If-Match", "\"2\"")
                .body("{\"conclusion\": \"On revision 2.\"}").put("/api/v1/cases/" + caseId + "/synthesis").then()
                .statusCode(200).body("revision", equalTo(3));

        // The preview endpoint keeps to the case's counsellors and to forms with the session's token.
        given().auth().none().cookie(StaffSessions.COOKIE, session).contentType("application/x-www-form-urlencoded")
                .formParam("circumstances", "x").post("/staff/cases/" + caseId + "/synthesis/editor/preview").then()
                .statusCode(403);
        driver().manage().deleteAllCookies();
        StaffSignIn.signIn(driver(), base.toString(), StaffSignIn.account("centre-b", Roles.COUNSELLOR));
        driver().get(url("/language?to=en&back=/staff/cases/" + caseId + "/synthesis/editor"));
        assertEquals("Not found", driver().findElement(By.tagName("h1")).getText());
        assertFalse(driver().getPageSource().contains("Written without the script."));
    }
}

package io.bilan.engine.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilan.engine.CatalogReady;
import io.bilan.engine.TestCallers;
import io.bilan.engine.security.Roles;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The counsellor's case page in a real browser (headless Chromium): a counsellor opens a case, logs a session (and is
 * told what is wrong when the form is not complete), invites the beneficiary and reads the link to send, reads an
 * administration's results and the profile's charts, moves the case on, drafts and submits the synthesis and
 * downloads its PDF, in English and in French; a counsellor of another centre, and a browser nobody signed in with,
 * get nothing. axe-core checks every page; screenshots are kept in target/screenshots.
 */
@QuarkusTest
class CasePagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Browser browser;

    @TestHTTPResource("/")
    URL base;

    private String counsellor;

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
        browser.driver.manage().deleteAllCookies();
    }

    private WebDriver driver() {
        return browser.driver;
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    /** A counsellor account of {@code centre}, signed in in the browser. */
    private StaffSignIn.Account signedIn(String centre) {
        browser.driver.manage().deleteAllCookies();
        StaffSignIn.Account account = StaffSignIn.account(centre, Roles.COUNSELLOR);
        StaffSignIn.signIn(driver(), base.toString(), account);
        return account;
    }

    /** Adds a counsellor to a case, as its first counsellor does through the API. */
    private void addCounsellor(String caseId, StaffSignIn.Account account) {
        given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"counsellor\": \"" + account.subject() + "\"}").post("/api/v1/cases/" + caseId + "/counsellors")
                .then().statusCode(200);
    }

    private String openCase(String key, String beneficiary) {
        return given().auth().oauth2(key).contentType("application/json")
                .body("{\"beneficiary\": \"" + beneficiary + "\"}").post("/api/v1/cases").then().statusCode(201)
                .extract().path("id");
    }

    private void intoInvestigation(String caseId) {
        given().auth().oauth2(counsellor).contentType("application/json").body("{\"demand\": \"Changer de métier\"}")
                .put("/api/v1/cases/" + caseId + "/demand").then().statusCode(200);
        given().auth().oauth2(counsellor).contentType("application/json").body("{\"decision\": \"fit\"}")
                .put("/api/v1/cases/" + caseId + "/fit-decision").then().statusCode(200);
        String beneficiary = given().auth().oauth2(counsellor).post("/api/v1/cases/" + caseId + "/beneficiary-key")
                .then().statusCode(201).extract().path("key");
        given().auth().oauth2(beneficiary).post("/api/v1/cases/" + caseId + "/signatures").then().statusCode(200);
        given().auth().oauth2(counsellor).post("/api/v1/cases/" + caseId + "/signatures").then().statusCode(200);
        given().auth().oauth2(counsellor).contentType("application/json").body("{\"to\": \"investigation\"}")
                .post("/api/v1/cases/" + caseId + "/transitions").then().statusCode(200);
    }

    private void administer(String caseId, String instrument, String fixture) throws IOException {
        var body = JSON.createObjectNode().put("instrument", instrument).put("lang", "en");
        body.set("responses", JSON.readTree(Path.of("../instruments", instrument, "fixtures", fixture).toFile())
                .get("responses"));
        given().auth().oauth2(counsellor).contentType("application/json").body(body.toString())
                .post("/api/v1/cases/" + caseId + "/administrations").then().statusCode(201);
    }

    /** Answers an invitation as the beneficiary's browser would without its script: the player's form, sent. */
    private void answerAsTheBeneficiary(String session, String caseId, String instrument, String fixture)
            throws IOException {
        String invitation = given().auth().oauth2(counsellor).get("/api/v1/cases/" + caseId + "/invitations").then()
                .statusCode(200).extract().jsonPath().getString("find { it.instrument == '" + instrument + "' }.id");
        String player = given().auth().none().cookie("bilan_session", session).get("/my/answer/" + invitation).then()
                .statusCode(200).extract().asString();
        var csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(player);
        assertTrue(csrf.find());
        var form = given().auth().none().redirects().follow(false).cookie("bilan_session", session)
                .header("Accept-Language", "en")
                .contentType("application/x-www-form-urlencoded").formParam("_csrf", csrf.group(1))
                .formParam("action", "submit");
        JSON.readTree(Path.of("../instruments", instrument, "fixtures", fixture).toFile()).get("responses").get("answers")
                .properties().forEach(answer -> form.formParam("a:" + answer.getKey(), answer.getValue().asText()));
        form.post("/my/answer/" + invitation).then().statusCode(303);
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(driver(), Duration.ofSeconds(30))
                .until(d -> d.findElements(by).stream().findFirst().orElse(null));
    }

    /** Sends a form of the page and waits for the page that follows to say {@code text} at {@code where}. */
    private void sendAndWait(By button, By where, String text) {
        driver().findElement(button).click();
        CaseWork.waitForText(driver(), where, text);
    }

    private String text(By by) {
        return driver().findElement(by).getText();
    }

    @Test
    void aCounsellorWorksOnTheirCaseInThePage() throws Exception {
        String caseId = openCase(counsellor, "B-CASE-PAGE-1");
        intoInvestigation(caseId);
        StaffSignIn.Account camille = signedIn("centre-a");
        addCounsellor(caseId, camille);
        driver().get(url("/language?to=en&back=/staff/cases/" + caseId));
        assertEquals("Case B-CASE-PAGE-1", text(By.tagName("h1")));
        assertEquals("Investigation", text(By.id("case-phase")));
        assertTrue(text(By.id("next-missing")).contains("an instrument administered in the investigation phase"),
                text(By.id("next-missing")));
        browser.assertAccessible("case page");

        // A session without its length: the page says so at the top and next to the field, and keeps what was typed.
        driver().findElement(By.id("session-activities")).sendKeys("Interview on the work values");
        driver().findElement(By.id("log-session")).click();
        WebElement summary = waitFor(By.id("error-summary"));
        assertTrue(summary.getText().contains("Give the length in whole minutes"), summary.getText());
        assertEquals("true", driver().findElement(By.id("session-minutes")).getAttribute("aria-invalid"));
        assertEquals("Interview on the work values",
                driver().findElement(By.id("session-activities")).getAttribute("value"));
        assertEquals("session-minutes", summary.findElement(By.tagName("a")).getAttribute("href")
                .replaceAll(".*#", ""));
        browser.assertAccessible("case page with a problem");
        browser.screenshot("case-problem-en-tablet", 820, By.id("error-summary"));

        // Logged: the 24-hour counter and the list say so.
        driver().findElement(By.id("session-minutes")).sendKeys("90");
        sendAndWait(By.id("log-session"), By.id("hours"), "1 h 30 used of the legal 24 h: 22 h 30 left.");
        assertTrue(text(By.id("session-list")).contains("Interview on the work values"));
        assertTrue(text(By.id("session-list")).contains(camille.name()), "who logged it, by their name");
        given().auth().oauth2(counsellor).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("hours.minutesUsed", org.hamcrest.Matchers.equalTo(90));

        // An invitation: the link to send, once, on a page of its own; then the case lists it as invited.
        new Select(driver().findElement(By.id("invite-instrument"))).selectByValue("riasec-interests");
        driver().findElement(By.id("invite")).click();
        WebElement link = waitFor(By.id("invitation-link"));
        assertTrue(link.getAttribute("value").startsWith(url("/i/")), link.getAttribute("value"));
        assertTrue(driver().findElement(By.id("copy-link")).isDisplayed(), "the script adds a copy button");
        browser.assertAccessible("invitation link");
        browser.screenshot("case-invited-en-tablet", 820);
        String token = link.getAttribute("value").replaceAll(".*/i/", "");
        driver().findElement(By.id("back-to-case")).click();
        waitFor(By.id("invitation-list"));
        assertEquals("invited", text(By.cssSelector("#invitation-list .badge")));

        // The beneficiary opens the link (in progress), then submits their answers (submitted, with its results).
        String session = given().auth().none().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .post("/i/" + token).then().statusCode(303).extract().cookie("bilan_session");
        driver().navigate().refresh();
        assertEquals("in progress", text(By.cssSelector("#invitation-list .badge")));
        answerAsTheBeneficiary(session, caseId, "riasec-interests", "typical-profile.json");
        administer(caseId, "work-values", "typical-profile.json");
        driver().navigate().refresh();
        assertEquals("submitted", text(By.cssSelector("#invitation-list .badge")));
        driver().findElement(By.cssSelector("#invitation-list a[href^='#result-']")).click();
        WebElement results = waitFor(By.id("results"));
        assertTrue(results.getText().contains("Realistic"), results.getText());
        assertTrue(results.getText().contains("18 / 50 — Low interest"), results.getText());
        assertEquals(1, driver().findElements(By.cssSelector("#profile figure.hexagon svg")).size());
        assertTrue(text(By.id("holland")).matches("[RIASEC]{3}"), text(By.id("holland")));
        assertTrue(text(By.id("next-ready")).contains("Nothing is missing"));
        browser.assertAccessible("case page with results");
        browser.screenshot("case-en-desktop", 1280, By.cssSelector("header.top"));
        browser.screenshot("case-results-en-tablet", 820, By.id("results"));
        browser.screenshot("case-profile-en-tablet", 820, By.id("profile"));

        // An invitation sent by mistake is revoked from the page.
        given().auth().oauth2(counsellor).contentType("application/json").body("{\"instrument\": \"transversal-competences\"}")
                .post("/api/v1/cases/" + caseId + "/invitations").then().statusCode(201);
        driver().navigate().refresh();
        assertEquals("invited", text(By.cssSelector("#invitation-list .badge")), "newest first");
        sendAndWait(By.cssSelector("#invitation-list form button"), By.cssSelector("#invitation-list .badge"), "revoked");

        // The conclusion: the synthesis drafted, submitted, and its PDF downloaded.
        sendAndWait(By.id("move"), By.id("case-phase"), "Conclusion");
        assertEquals("not drafted yet", text(By.id("synthesis-state")));
        driver().get(url("/staff/cases/" + caseId + "/synthesis.pdf"));
        assertEquals("Not found", text(By.tagName("h1")), "no document before the first draft");
        driver().navigate().back();
        waitFor(By.id("synthesis-target"));
        driver().findElement(By.id("synthesis-target")).sendKeys("registered-nurse");
        sendAndWait(By.id("draft-synthesis"), By.id("synthesis-state"), "draft");
        sendAndWait(By.id("submit-synthesis"), By.id("synthesis-state"), "submitted, waiting for the beneficiary's approval");
        given().auth().oauth2(counsellor).get("/api/v1/cases/" + caseId + "/synthesis").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("submitted"));
        Object pdf = ((JavascriptExecutor) driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.getElementById('synthesis-pdf').href).then(r => r.arrayBuffer().then(b =>
                    done(r.status + ' ' + r.headers.get('content-type') + ' ' + r.headers.get('content-disposition') + ' '
                        + new TextDecoder().decode(b.slice(0, 5)))), e => done(String(e)));""");
        assertTrue(String.valueOf(pdf).matches("200 application/pdf attachment; filename=\"synthesis-.*\\.pdf\" %PDF-"),
                String.valueOf(pdf));
        browser.assertAccessible("case page in the conclusion");
        browser.screenshot("case-synthesis-en-tablet", 820, By.id("synthesis"));
        driver().findElement(By.id("synthesis-read")).click();
        WebElement document = waitFor(By.cssSelector("article.synthesis-document"));
        assertTrue(document.getText().contains("B-CASE-PAGE-1"), "counsellors read the pseudonymous id");
        browser.assertAccessible("synthesis read by the counsellor");
        browser.screenshot("case-synthesis-document-en-tablet", 820);
        driver().navigate().back();

        // Why the follow-up will be held early, recorded with the case.
        waitFor(By.cssSelector("#follow-up summary")).click();
        driver().findElement(By.id("early-reason")).sendKeys("Starts a training in March.");
        driver().findElement(By.cssSelector("#early-form button")).click();
        assertEquals("Starts a training in March.", waitFor(By.id("early-reason-text")).getText());

        // The same page in French.
        driver().get(url("/language?to=fr&back=/staff/cases/" + caseId));
        assertEquals("Dossier B-CASE-PAGE-1", text(By.tagName("h1")));
        assertEquals("Conclusion", text(By.id("case-phase")));
        assertEquals("soumis, en attente de l’approbation du bénéficiaire", text(By.id("synthesis-state")));
        assertTrue(text(By.id("hours")).startsWith("1 h 30 utilisées sur les 24 h légales"), text(By.id("hours")));
        browser.assertAccessible("case page in French");
        browser.screenshot("case-fr-desktop", 1280, By.cssSelector("header.top"));
        browser.screenshot("case-fr-tablet", 820);
        browser.screenshot("case-fr-phone", 390);

        // A refusal of the rules, in French: the follow-up needs the approval and a conclusion session.
        driver().findElement(By.id("move")).click();
        WebElement refusal = waitFor(By.id("error-summary"));
        assertTrue(refusal.getText().contains("Il y a un problème"), refusal.getText());
        assertTrue(refusal.getText().contains("Pour passer à la phase Suivi, il manque encore :"), refusal.getText());
        assertTrue(refusal.getText().contains("la synthèse approuvée par le bénéficiaire"), refusal.getText());
        browser.assertAccessible("case page with a refusal in French");
        browser.screenshot("case-problem-fr-tablet", 820, By.id("error-summary"));

        List<String> actions = given().auth().oauth2(counsellor).get("/api/v1/cases/" + caseId + "/audit").then()
                .statusCode(200).extract().jsonPath().getList("action");
        assertTrue(actions.contains("case-page-read") && actions.contains("session-logged")
                && actions.contains("invitation-created") && actions.contains("synthesis-submitted"), actions.toString());
    }

    @Test
    void thePreliminaryInterviewAndTheContractInThePage() throws IOException {
        String caseId = openCase(counsellor, "B-CASE-PAGE-4");
        StaffSignIn.Account camille = signedIn("centre-a");
        addCounsellor(caseId, camille);
        driver().get(url("/language?to=en&back=/staff/cases/" + caseId));
        assertEquals("Preliminary", text(By.id("case-phase")));
        assertTrue(text(By.id("next-missing")).contains("the demand, heard in the preliminary interview"));

        driver().findElement(By.cssSelector("#demand-form")).findElement(By.xpath("..")).findElement(By.tagName("summary"))
                .click();
        driver().findElement(By.id("demand-text")).sendKeys("Leave retail for a caring occupation");
        sendAndWait(By.cssSelector("#demand-form button"), By.id("demand"), "Leave retail for a caring occupation");

        // A redirect needs its route: said beside the field, in the language chosen in the page (the browser asks
        // for English), by the engine's rule itself.
        driver().get(url("/language?to=fr&back=/staff/cases/" + caseId));
        driver().findElement(By.cssSelector("#fit-form")).findElement(By.xpath("..")).findElement(By.tagName("summary"))
                .click();
        driver().findElement(By.id("fit-redirect")).click();
        driver().findElement(By.cssSelector("#fit-form button")).click();
        WebElement summary = waitFor(By.id("error-summary"));
        assertEquals("fit-route", summary.findElement(By.tagName("a")).getAttribute("href").replaceAll(".*#", ""));
        assertEquals("une réorientation indique l'orientation : vers qui ou quoi la personne doit se tourner",
                driver().findElement(By.id("fit-route-problem")).getText());
        browser.assertAccessible("fit decision refused");
        browser.screenshot("case-fit-refused-fr-phone", 390, By.id("error-summary"));
        driver().get(url("/language?to=en&back=/staff/cases/" + caseId));
        driver().findElement(By.cssSelector("#fit-form")).findElement(By.xpath("..")).findElement(By.tagName("summary"))
                .click();
        driver().findElement(By.id("fit-fit")).click();
        sendAndWait(By.cssSelector("#fit-form button"), By.id("fit"), "A bilan fits the demand");

        sendAndWait(By.id("sign"), By.id("signed-counsellor"), camille.name());
        String beneficiary = given().auth().oauth2(counsellor).post("/api/v1/cases/" + caseId + "/beneficiary-key")
                .then().statusCode(201).extract().path("key");
        given().auth().oauth2(beneficiary).post("/api/v1/cases/" + caseId + "/signatures").then().statusCode(200);
        driver().navigate().refresh();
        assertTrue(text(By.id("next-ready")).contains("Nothing is missing"));
        browser.assertAccessible("preliminary phase complete");
        browser.screenshot("case-preliminary-en-tablet", 820, By.id("preliminary"));
        sendAndWait(By.id("move"), By.id("case-phase"), "Investigation");
        given().auth().oauth2(counsellor).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("phase", org.hamcrest.Matchers.equalTo("investigation"))
                .body("contract.counsellorSignedBy", org.hamcrest.Matchers.equalTo(camille.subject()));
    }

    @Test
    void nobodyElseReachesTheCasePage() throws Exception {
        String caseId = openCase(counsellor, "B-CASE-PAGE-2");
        String colleagues = openCase(TestCallers.staff(), "B-CASE-PAGE-3");
        StaffSignIn.Account sameCentre = StaffSignIn.account("centre-a", Roles.COUNSELLOR);
        addCounsellor(caseId, sameCentre);
        // A counsellor of another centre sees nothing of the case; a counsellor of the centre, nothing of a colleague's.
        for (String[] attempt : List.of(new String[] {"centre-b", caseId}, new String[] {"centre-a", colleagues})) {
            signedIn(attempt[0]);
            String other = attempt[1];
            for (String path : List.of("/staff/cases/" + other, "/staff/cases/" + other + "/synthesis.pdf",
                    "/staff/cases/no-such-case")) {
                driver().get(url("/language?to=en&back=" + path));
                assertEquals("Not found", text(By.tagName("h1")), path);
                assertTrue(!driver().getPageSource().contains("B-CASE-PAGE"), path);
            }
            browser.assertAccessible("case not found");
            Object status = ((JavascriptExecutor) driver()).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch('/staff/cases/' + arguments[0] + '/sessions', {method: 'POST', body: new URLSearchParams(
                        {'_csrf': arguments[1], 'date': '2026-12-01', 'minutes': '60', 'activities': 'x'})})
                        .then(r => done(r.status), e => done(String(e)));""", other, StaffSignIn.csrf(driver()));
            assertEquals(404L, status, "a step on a case that is not theirs, with their own session's token");
        }
        browser.screenshot("case-not-found-en-phone", 390);
        given().auth().oauth2(counsellor).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("hours.minutesUsed", org.hamcrest.Matchers.equalTo(0));

        // The case's own counsellor, without the form's token: refused, nothing logged.
        browser.driver.manage().deleteAllCookies();
        StaffSignIn.signIn(driver(), base.toString(), sameCentre);
        driver().get(url("/staff/cases/" + caseId));
        Object forged = ((JavascriptExecutor) driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/staff/cases/' + arguments[0] + '/sessions', {method: 'POST', body: new URLSearchParams(
                    {'date': '2026-12-01', 'minutes': '60', 'activities': 'x'})}).then(r => done(r.status), e => done(String(e)));""",
                caseId);
        assertEquals(403L, forged);
        given().auth().oauth2(counsellor).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("hours.minutesUsed", org.hamcrest.Matchers.equalTo(0));

        // Signed out: the sign-in form, which comes back to the case.
        driver().findElement(By.id("sign-out")).click();
        new WebDriverWait(driver(), Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/staff/cases"));
        driver().get(url("/staff/cases/" + caseId));
        assertTrue(driver().getCurrentUrl().contains("/staff/sign-in"), driver().getCurrentUrl());
        assertTrue(!driver().getPageSource().contains("B-CASE-PAGE"));
    }
}

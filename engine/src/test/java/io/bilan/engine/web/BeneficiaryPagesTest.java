package io.bilan.engine.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bilan.engine.CatalogReady;
import io.bilan.engine.TestCallers;
import io.bilan.engine.TestClock;
import io.bilan.engine.security.Roles;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The beneficiary's pages in a real browser (headless Chromium): invited by their counsellor through the API, they
 * open the link, answer every shipped instrument they may be invited to through the pages, come back to a draft,
 * submit once, read and approve their synthesis; with the keyboard only for one questionnaire; and a person of
 * another case or centre gets nothing. axe-core checks every page; screenshots are kept in target/screenshots.
 */
@QuarkusTest
class BeneficiaryPagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Browser browser;

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestClock clock;

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

    // --- the API side, as a counsellor's client ---

    private String openCase(String key, String beneficiary) {
        return given().auth().oauth2(key).contentType("application/json")
                .body("{\"beneficiary\": \"" + beneficiary + "\"}").post("/api/v1/cases").then().statusCode(201)
                .extract().path("id");
    }

    private String invite(String key, String caseId, String instrument) {
        return given().auth().oauth2(key).contentType("application/json")
                .body("{\"instrument\": \"" + instrument + "\"}").post("/api/v1/cases/" + caseId + "/invitations")
                .then().statusCode(201).extract().path("link");
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
        moveTo(caseId, "investigation");
    }

    private void moveTo(String caseId, String phase) {
        given().auth().oauth2(counsellor).contentType("application/json").body("{\"to\": \"" + phase + "\"}")
                .post("/api/v1/cases/" + caseId + "/transitions").then().statusCode(200);
    }

    private JsonNode administrations(String caseId) throws IOException {
        return JSON.readTree(given().auth().oauth2(counsellor).get("/api/v1/cases/" + caseId + "/administrations")
                .then().statusCode(200).extract().asString());
    }

    private static JsonNode manifest(String folder) throws IOException {
        return JSON.readTree(Path.of(folder, "manifest.json").toFile());
    }

    private static JsonNode fixtureAnswers(String folder, String fixture) throws IOException {
        return JSON.readTree(Path.of(folder, "fixtures", fixture).toFile()).get("responses").get("answers");
    }

    // --- the browser side ---

    /** Opens an invitation link and presses Start; the player of the instrument is shown. */
    private void openLink(String link, String lang) {
        driver().get(url("/language?to=" + lang + "&back=/"));
        driver().get(url(link));
        browser.assertAccessible("invitation");
        driver().findElement(By.cssSelector("form[action^='/i/'] button")).click();
        waitFor(By.id("player"));
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(driver(), Duration.ofSeconds(30)).until(d -> d.findElements(by).stream().findFirst().orElse(null));
    }

    /**
     * Waits for the synthesis page to show a status after a form was sent: the page being left still holds the element,
     * so the wait is on the new text, through the navigation.
     */
    private void waitForStatus(String status) {
        Browser.waitThroughReplacedPages(driver(), ExpectedConditions.textToBe(By.id("synthesis-status"), status));
    }

    private void waitUntilSaved() {
        new WebDriverWait(driver(), Duration.ofSeconds(30)).until(d -> {
            String text = d.findElement(By.id("save-status")).getText();
            return text.startsWith("Saved at") || text.startsWith("Enregistré à");
        });
    }

    /**
     * Answers one instrument through the pages with a fixture's answers and submits: the administration stored equals
     * the report the API gives for the same answers.
     */
    private JsonNode answerAndCompare(String caseId, String folder, String fixture, String lang) throws IOException {
        JsonNode manifest = manifest(folder);
        JsonNode answers = fixtureAnswers(folder, fixture);
        browser.assertAccessible(manifest.get("id").asText() + " player");
        new AnswersInThePage(driver()).fill(manifest, answers);
        driver().findElement(By.id("submit")).click();
        // The player page stays until the answers are stored: wait for the page that follows, done or with problems.
        new WebDriverWait(driver(), Duration.ofSeconds(30))
                .until(d -> d.getCurrentUrl().endsWith("/done") || !d.findElements(By.id("error-summary")).isEmpty());
        assertTrue(driver().getCurrentUrl().endsWith("/done"), () -> driver().getCurrentUrl() + "\n"
                + driver().findElement(By.tagName("main")).getText());
        browser.assertAccessible(manifest.get("id").asText() + " done");
        JsonNode stored = null;
        for (JsonNode administration : administrations(caseId)) {
            if (administration.get("instrument").asText().equals(manifest.get("id").asText())) {
                stored = administration;
            }
        }
        ObjectNode responses = JSON.createObjectNode();
        responses.set("answers", answers);
        JsonNode duration = stored.get("report").get("durationSeconds");
        if (duration != null && !duration.isNull()) {
            responses.set("durationSeconds", duration);
        }
        JsonNode scored = JSON.readTree(given().auth().oauth2(counsellor).contentType("application/json")
                .body(responses.toString()).post("/api/v1/instruments/" + manifest.get("id").asText() + "/"
                        + stored.get("version").asText() + "/score?lang=" + lang)
                .then().statusCode(200).extract().asString());
        assertEquals(scored, stored.get("report"), "the report of " + manifest.get("id").asText());
        return stored;
    }

    @Test
    void aBeneficiaryAnswersEveryInstrumentTheyAreInvitedToAndApprovesTheirSynthesis() throws Exception {
        String caseId = openCase(counsellor, "B-PAGES-1");
        driver().get(url("/"));
        browser.assertAccessible("home");
        browser.screenshot("home-fr-desktop", 1280);

        // Preliminary phase: the interview questionnaire, in French.
        openLink(invite(counsellor, caseId, "preliminary-interview"), "fr");
        browser.screenshot("player-fr-phone", 390);
        browser.screenshot("player-fr-desktop", 1280);
        answerAndCompare(caseId, "../instruments/preliminary-interview", "typical-proceed.json", "fr");
        browser.screenshot("done-fr-phone", 390);

        // Investigation: questionnaires and the reasoning test, in English.
        intoInvestigation(caseId);
        for (String[] instrument : List.of(new String[] {"riasec-interests", "typical-profile.json"},
                new String[] {"work-values", "typical-profile.json"},
                new String[] {"transversal-competences", "typical-profile.json"},
                new String[] {"reasoning-aptitude", "typical.json"},
                new String[] {"teamwork-styles", "clear-primary-style.json"})) {
            String folder = instrument[0].equals("teamwork-styles") ? "../examples/packages/" + instrument[0]
                    : "../instruments/" + instrument[0];
            openLink(invite(counsellor, caseId, instrument[0]), "en");
            if (instrument[0].equals("transversal-competences")) {
                // The largest page: its first load (page, style, script) stays under 100 KB transferred.
                Object transferred = ((org.openqa.selenium.JavascriptExecutor) driver()).executeScript(
                        "return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
                                + ".reduce((sum, e) => sum + e.transferSize, 0)");
                assertTrue(((Number) transferred).longValue() < 100_000, "transferred " + transferred);
                browser.screenshot("player-en-phone", 390);
                browser.screenshot("player-en-desktop", 1280);
            }
            answerAndCompare(caseId, folder, instrument[1], "en");
            if (instrument[0].equals("riasec-interests")) {
                browser.screenshot("done-en-desktop", 1280);
            }
        }
        driver().get(url("/my"));
        browser.assertAccessible("my list");
        browser.screenshot("mine-en-phone", 390);

        // Conclusion: the synthesis is read in the page, sent back with a comment, then approved.
        moveTo(caseId, "conclusion");
        given().auth().oauth2(counsellor).post("/api/v1/cases/" + caseId + "/synthesis?lang=en&target=registered-nurse")
                .then().statusCode(200);
        given().auth().oauth2(counsellor).post("/api/v1/cases/" + caseId + "/synthesis/submit").then().statusCode(200);
        driver().get(url("/my/synthesis"));
        browser.assertAccessible("synthesis");
        browser.screenshot("synthesis-en-desktop", 1280);
        assertEquals("waiting for your approval", driver().findElement(By.id("synthesis-status")).getText());
        driver().findElement(By.id("comment")).sendKeys("Please add the care assistant option.");
        driver().findElement(By.id("ask-changes")).click();
        waitForStatus("changes requested");
        given().auth().oauth2(counsellor).get("/api/v1/cases/" + caseId + "/synthesis").then().statusCode(200)
                .body("changeRequest", org.hamcrest.Matchers.equalTo("Please add the care assistant option."));
        given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"conclusion\": \"Two options: nurse, or care assistant first.\"}")
                .put("/api/v1/cases/" + caseId + "/synthesis").then().statusCode(200);
        given().auth().oauth2(counsellor).post("/api/v1/cases/" + caseId + "/synthesis/submit").then().statusCode(200);
        // Approval follows a conclusion session where the document was gone through together.
        given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"date\": \"" + java.time.LocalDate.now(clock) + "\", \"minutes\": 60, "
                        + "\"activities\": \"Going through the synthesis\"}")
                .post("/api/v1/cases/" + caseId + "/sessions").then().statusCode(201);
        driver().get(url("/my/synthesis"));
        driver().findElement(By.id("approve")).click();
        waitForStatus("approved");
        browser.assertAccessible("synthesis approved");
        given().auth().oauth2(counsellor).get("/api/v1/cases/" + caseId + "/synthesis").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("approved"));
    }

    private String invitationId(String caseId, String instrument) {
        List<String> ids = given().auth().oauth2(counsellor).get("/api/v1/cases/" + caseId + "/invitations").then()
                .statusCode(200).extract().jsonPath().getList("findAll { it.instrument == '" + instrument + "' }.id");
        return ids.getLast();
    }

    @Test
    void aDraftSurvivesAReloadAndTwoSubmissionsStoreOne() throws Exception {
        String caseId = openCase(counsellor, "B-PAGES-2");
        openLink(invite(counsellor, caseId, "preliminary-interview"), "en");
        driver().findElement(By.cssSelector("input[name='a:situation'][value='employed-permanent']")).click();
        driver().findElement(By.cssSelector("input[name='a:expectations'][value='change-job']")).click();
        waitUntilSaved();
        assertEquals(0, administrations(caseId).size(), "a draft is never a result");

        driver().navigate().refresh();
        waitFor(By.id("player"));
        assertTrue(driver().findElement(By.cssSelector("input[name='a:situation'][value='employed-permanent']")).isSelected());
        assertTrue(driver().findElement(By.cssSelector("input[name='a:expectations'][value='change-job']")).isSelected());
        assertEquals("2 / 19", driver().findElement(By.id("progress-text")).getText());

        // The browser closed and opened again: the cookie lasts, the link is used, the player shows the draft.
        driver().get(url("/"));
        driver().get(url("/my"));
        browser.assertAccessible("my list with a draft");
        driver().findElement(By.cssSelector("a.button[href^='/my/answer/']")).click();
        waitFor(By.id("player"));
        assertTrue(driver().findElement(By.cssSelector("input[name='a:situation'][value='employed-permanent']")).isSelected());

        // Submitting without the required answers: the problems next to their items, in the person's language.
        driver().findElement(By.id("submit")).click();
        WebElement summary = waitFor(By.id("error-summary"));
        browser.assertAccessible("player with problems");
        browser.screenshot("problems-en-phone", 390);
        assertTrue(summary.getText().contains("Please answer this question."), summary.getText());
        assertTrue(driver().findElement(By.cssSelector("#q-initiative .problem")).getText().contains("Please answer"));

        // Two submissions at once (a double click, a retry): one administration.
        new AnswersInThePage(driver()).fill(manifest("../instruments/preliminary-interview"),
                fixtureAnswers("../instruments/preliminary-interview", "typical-proceed.json"));
        Object statuses = ((org.openqa.selenium.JavascriptExecutor) driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const form = document.getElementById('player');
                const send = () => { const body = new URLSearchParams(new FormData(form)); body.set('action', 'submit');
                    return fetch(form.getAttribute('action'), {method: 'POST', body: body, redirect: 'manual'}).then(r => r.type + ' ' + r.status); };
                Promise.all([send(), send()]).then(done, e => done(String(e)));""");
        assertEquals(List.of("opaqueredirect 0", "opaqueredirect 0"), statuses);
        assertEquals(1, administrations(caseId).size());
        driver().navigate().refresh();
        assertTrue(driver().getCurrentUrl().endsWith("/done"), driver().getCurrentUrl());
    }

    @Test
    void aQuestionnaireAnsweredWithTheKeyboardOnly() throws Exception {
        String caseId = openCase(counsellor, "B-PAGES-3");
        intoInvestigation(caseId);
        openLink(invite(counsellor, caseId, "teamwork-styles"), "fr");
        browser.screenshot("forced-choice-fr-phone", 390, By.id("q-fc1"));
        JsonNode manifest = manifest("../examples/packages/teamwork-styles");
        JsonNode answers = fixtureAnswers("../examples/packages/teamwork-styles", "clear-primary-style.json");
        for (JsonNode item : manifest.get("items")) {
            JsonNode answer = answers.get(item.get("id").asText());
            String name = "a:" + item.get("id").asText();
            if (item.get("type").asText().equals("forced-choice")) {
                chooseWithKeys(name + ":most", answer.get("most").asText());
                chooseWithKeys(name + ":least", answer.get("least").asText());
            } else {
                chooseWithKeys(name, answer.asText());
            }
        }
        for (int i = 0; i < 20 && !"submit".equals(active().getAttribute("id")); i++) {
            active().sendKeys(Keys.TAB);
        }
        active().sendKeys(Keys.ENTER);
        waitFor(By.cssSelector("main h1"));
        assertTrue(driver().getCurrentUrl().endsWith("/done"), driver().getCurrentUrl());
        ObjectNode responses = JSON.createObjectNode();
        responses.set("answers", answers);
        JsonNode scored = JSON.readTree(given().auth().oauth2(counsellor).contentType("application/json")
                .body(responses.toString()).post("/api/v1/instruments/teamwork-styles/latest/score?lang=fr").then()
                .statusCode(200).extract().asString());
        assertEquals(scored, administrations(caseId).get(0).get("report"));
    }

    @Test
    void aBeneficiarySignsTheirContractOnceABilanFitsTheirDemand() throws Exception {
        String caseId = openCase(counsellor, "B-PAGES-8");
        openLink(invite(counsellor, caseId, "preliminary-interview"), "en");
        driver().get(url("/my"));
        driver().findElement(By.id("my-contract")).click();
        Browser.waitThroughReplacedPages(driver(), ExpectedConditions.textToBe(By.tagName("h1"), "My contract"));
        assertTrue(driver().findElements(By.id("sign-contract")).isEmpty(), "nothing to sign before the fit decision");
        assertEquals("Your counsellor has not signed it yet.", driver().findElement(By.id("contract-counsellor")).getText());
        browser.assertAccessible("contract not ready");

        given().auth().oauth2(counsellor).contentType("application/json").body("{\"demand\": \"Changer de métier\"}")
                .put("/api/v1/cases/" + caseId + "/demand").then().statusCode(200);
        given().auth().oauth2(counsellor).contentType("application/json").body("{\"decision\": \"fit\"}")
                .put("/api/v1/cases/" + caseId + "/fit-decision").then().statusCode(200);
        driver().navigate().refresh();
        waitFor(By.id("sign-contract"));
        browser.assertAccessible("contract to sign");
        // Without the session's CSRF token, nothing is signed.
        Object forged = ((org.openqa.selenium.JavascriptExecutor) driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/my/contract/sign', {method: 'POST', body: new URLSearchParams({'_csrf': 'forged'}),
                    redirect: 'manual'}).then(r => done(r.status), e => done(String(e)));""");
        assertEquals(403L, forged);
        given().auth().oauth2(counsellor).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("contract.beneficiarySignedAt", org.hamcrest.Matchers.nullValue());

        driver().findElement(By.id("sign-contract")).click();
        CaseWork.waitForText(driver(), By.id("contract-signed"), "You signed your contract on ");
        String signed = driver().findElement(By.id("contract-signed")).getText();
        assertTrue(signed.matches("You signed your contract on \\d{1,2} [A-Z][a-z]{2,3} \\d{4}\\."), signed);
        assertTrue(driver().findElements(By.id("sign-contract")).isEmpty());
        browser.assertAccessible("contract signed");
        browser.screenshot("contract-signed-en-phone", 390);
        given().auth().oauth2(counsellor).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("contract.beneficiarySignedAt", org.hamcrest.Matchers.notNullValue());
        List<String> actions = given().auth().oauth2(counsellor).get("/api/v1/cases/" + caseId + "/audit").then()
                .statusCode(200).extract().jsonPath().getList("findAll { it.action == 'contract-signed' }.detail");
        assertEquals(List.of("beneficiary"), actions);

        // In French, and once the case has left the preliminary phase, the page only says when it was signed.
        given().auth().oauth2(counsellor).post("/api/v1/cases/" + caseId + "/signatures").then().statusCode(200);
        moveTo(caseId, "investigation");
        driver().get(url("/language?to=fr&back=/my/contract"));
        assertTrue(driver().findElement(By.id("contract-signed")).getText().startsWith("Vous avez signé votre contrat le"));
        assertTrue(driver().findElement(By.id("contract-counsellor")).getText()
                .startsWith("Votre conseiller ou conseillère l’a signé le"));
        browser.assertAccessible("contract signed (fr)");
    }

    private WebElement active() {
        return driver().switchTo().activeElement();
    }

    /** Tabs to a group of radio buttons, moves with the arrows to the value, and checks it with the space bar. */
    private void chooseWithKeys(String name, String value) {
        for (int i = 0; i < 200 && !name.equals(active().getAttribute("name")); i++) {
            active().sendKeys(Keys.TAB);
        }
        assertEquals(name, active().getAttribute("name"), "the keyboard reaches " + name);
        for (int i = 0; i < 20 && !value.equals(active().getAttribute("value")); i++) {
            active().sendKeys(Keys.ARROW_RIGHT);
        }
        active().sendKeys(Keys.SPACE);
        assertTrue(active().isSelected(), name + " = " + value);
    }

    @Test
    void aBeneficiaryOfAnotherCaseOrCentreGetsNothing() throws Exception {
        String mine = openCase(counsellor, "B-PAGES-4");
        openLink(invite(counsellor, mine, "preliminary-interview"), "en");
        String ownInvitation = invitationId(mine, "preliminary-interview");

        String otherCounsellor = TestCallers.of(Roles.COUNSELLOR, "centre-a-bis");
        String sameCentre = openCase(TestCallers.staff(), "B-PAGES-5");
        invite(TestCallers.staff(), sameCentre, "preliminary-interview");
        String sameCentreInvitation = given().auth().oauth2(TestCallers.staff())
                .get("/api/v1/cases/" + sameCentre + "/invitations").then().statusCode(200).extract().path("[0].id");
        String otherCentre = openCase(otherCounsellor, "B-PAGES-6");
        invite(otherCounsellor, otherCentre, "preliminary-interview");
        String otherCentreInvitation = given().auth().oauth2(otherCounsellor)
                .get("/api/v1/cases/" + otherCentre + "/invitations").then().statusCode(200).extract().path("[0].id");

        for (String invitation : List.of(sameCentreInvitation, otherCentreInvitation)) {
            driver().get(url("/my/answer/" + invitation));
            assertEquals("Not found", driver().findElement(By.tagName("h1")).getText());
            browser.assertAccessible("not found");
            driver().get(url("/my/answer/" + invitation + "/done"));
            assertEquals("Not found", driver().findElement(By.tagName("h1")).getText());
            Object status = ((org.openqa.selenium.JavascriptExecutor) driver()).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch('/my/answer/' + arguments[0] + '/draft', {method: 'POST', body: new URLSearchParams({'a:situation': 'other'}),
                        headers: {'X-CSRF-Token': arguments[1]}}).then(r => done(r.status), e => done(String(e)));""",
                    invitation, "any");
            assertEquals(403L, status, "without the session's token");
        }
        driver().get(url("/my/answer/" + ownInvitation));
        String csrf = driver().findElement(By.name("_csrf")).getAttribute("value");
        for (String invitation : List.of(sameCentreInvitation, otherCentreInvitation)) {
            Object status = ((org.openqa.selenium.JavascriptExecutor) driver()).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch('/my/answer/' + arguments[0] + '/draft', {method: 'POST', body: new URLSearchParams({'a:situation': 'other'}),
                        headers: {'X-CSRF-Token': arguments[1]}}).then(r => done(r.status), e => done(String(e)));""",
                    invitation, csrf);
            assertEquals(404L, status, "another case's draft");
        }
        // The session's cookie opens the pages only, never the API.
        driver().get(url("/api/v1/cases/" + mine));
        assertTrue(driver().getPageSource().contains("unauthenticated"), driver().getPageSource());
        // A write without the session's CSRF token is refused.
        Object refused = ((org.openqa.selenium.JavascriptExecutor) driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/my/answer/' + arguments[0], {method: 'POST', body: new URLSearchParams({'action': 'submit'}),
                    redirect: 'manual'}).then(r => done(r.status), e => done(String(e)));""", ownInvitation);
        assertEquals(403L, refused);
        // Signed out: nothing is reachable any more, and the link is used.
        driver().get(url("/my"));
        driver().findElement(By.cssSelector("form[action='/my/sign-out'] button")).click();
        driver().get(url("/my/answer/" + ownInvitation));
        assertEquals(401, statusOf("/my/answer/" + ownInvitation));
        browser.assertAccessible("no session");
        assertFalse(driver().findElement(By.tagName("h1")).getText().isEmpty());
    }

    private long statusOf(String path) {
        return (Long) ((org.openqa.selenium.JavascriptExecutor) driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {redirect: 'manual'}).then(r => done(r.status), e => done(-1));""", path);
    }

    @Test
    void aTimedTestRunsOnTheServersClockAndExpires() throws Exception {
        String caseId = openCase(counsellor, "B-PAGES-7");
        intoInvestigation(caseId);
        openLink(invite(counsellor, caseId, "reasoning-aptitude"), "en");
        assertTrue(driver().findElement(By.id("timer")).getText().contains("30:00")
                || driver().findElement(By.id("timer")).getText().contains("29:5"), driver().findElement(By.id("timer")).getText());
        driver().findElement(By.cssSelector("input[name='a:n01']")).click();
        waitUntilSaved();
        // 29 min 57 s later, a reload shows what is left on the server's clock; at zero the page submits.
        clock.advance(Duration.ofSeconds(1797));
        driver().navigate().refresh();
        waitFor(By.id("timer"));
        new WebDriverWait(driver(), Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/done"));
        JsonNode stored = administrations(caseId).get(0);
        assertEquals("reasoning-aptitude", stored.get("instrument").asText());
        assertTrue(stored.get("report").get("durationSeconds").asDouble() >= 1797);
        browser.assertAccessible("test done");
        assertTrue(driver().findElement(By.tagName("main")).getText().contains("through your results with you"));

        // Invited again, the person comes back after the time: what they submit is stored, flagged as late.
        openLink(invite(counsellor, caseId, "reasoning-aptitude"), "en");
        clock.advance(Duration.ofSeconds(1900));
        driver().navigate().refresh();
        assertTrue(waitFor(By.cssSelector("p.warning")).getText().contains("time allowed is over"));
        browser.assertAccessible("time is up");
        driver().findElement(By.id("submit")).click();
        new WebDriverWait(driver(), Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/done"));
        JsonNode late = administrations(caseId).get(1);
        assertTrue(late.get("report").get("flags").findValuesAsText("code").contains("time-limit-exceeded"),
                late.get("report").get("flags").toString());
    }
}

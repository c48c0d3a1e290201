package io.bilan.engine.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.engine.CatalogReady;
import io.bilan.engine.TestCallers;
import io.bilan.engine.security.Roles;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The case page's career options, project validation, audit trail and observers' links in a real browser: options
 * filtered by sector and level as the API filters them, options kept with a reason in the synthesis draft and taken
 * out again (a stale page refused clearly), a target typed in words then chosen and validated with its factors and
 * gaps, the audit trail paged, an observer given a new link that replaces the old one, and the fit decision naming
 * the API key that made it. axe-core on every page; screenshots in both languages in target/screenshots.
 */
@QuarkusTest
class CaseWorkspacePagesTest {

    private static final String GRID = "roleplay-client-conflict";
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

    private String text(By by) {
        return driver().findElement(by).getText();
    }

    private JsonPath options(String caseId, String query) {
        return given().auth().oauth2(counsellor).get("/api/v1/cases/" + caseId + "/career-options?lang=en&limit=8"
                + query).then().statusCode(200).extract().jsonPath();
    }

    private List<String> optionsInThePage() {
        return driver().findElements(By.cssSelector("#option-list > li")).stream()
                .map(option -> option.getAttribute("data-occupation")).toList();
    }

    @Test
    void optionsAreFilteredKeptWithAReasonAndAProjectIsValidated() throws IOException {
        String caseId = cases.concluding("B-OPTIONS-1");
        cases.counsellorOf(caseId, driver(), base.toString());
        driver().get(url("/language?to=en&back=/staff/cases/" + caseId));
        assertEquals(options(caseId, "").getList("careerOptions.occupation"), optionsInThePage());

        // The fit decision names the API key that made it, not its subject.
        assertTrue(text(By.id("fit")).contains("API key “test counsellor@centre-a”"), text(By.id("fit")));
        assertFalse(text(By.id("fit")).contains("key:"), text(By.id("fit")));

        // Filtered by sector, then by level too: the options the API gives with the same parameters.
        String sector = options(caseId, "").getString("careerOptions[0].sector");
        new Select(driver().findElement(By.id("options-sector"))).selectByValue(sector);
        CaseWork.sendAndWait(driver(), By.id("filter-options"), By.id("options-form"), "Every option");
        assertEquals(options(caseId, "&sector=" + sector).getList("careerOptions.occupation"), optionsInThePage());
        assertFalse(optionsInThePage().isEmpty());
        new Select(driver().findElement(By.id("options-level"))).selectByValue("5");
        driver().findElement(By.id("filter-options")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver(), java.time.Duration.ofSeconds(30))
                .until(d -> d.getCurrentUrl().contains("level=5"));
        List<String> filtered = options(caseId, "&sector=" + sector + "&level=5").getList("careerOptions.occupation");
        assertEquals(filtered, optionsInThePage());
        if (filtered.isEmpty()) {
            assertEquals("No option in this sector at this level: widen the filters.", text(By.id("options-none")));
        }
        browser.assertAccessible("case page, options filtered");
        browser.screenshot("case-options-filtered-en-tablet", 820, By.id("options"));

        // A sector the API does not know: said beside the filter, the page still shown.
        driver().get(url("/staff/cases/" + caseId + "?sector=no-such-sector"));
        CaseWork.waitForText(driver(), By.id("error-summary"), "Choose one of the values offered.");
        assertEquals("true", driver().findElement(By.id("options-sector")).getAttribute("aria-invalid"));

        // An option kept with its reason: in the synthesis draft, through the API's edit.
        driver().get(url("/staff/cases/" + caseId));
        String first = optionsInThePage().getFirst();
        String title = given().auth().oauth2(counsellor).get("/api/v1/occupations/" + first + "?lang=en").then()
                .statusCode(200).extract().path("title");
        driver().findElement(By.cssSelector("#option-list > li[data-occupation='" + first + "'] summary")).click();
        driver().findElement(By.cssSelector("#keep-" + first + " button")).click();
        CaseWork.waitForText(driver(), By.id("error-summary"), "There is a problem");
        assertEquals("true", driver().findElement(By.id("keep-reason-" + first)).getAttribute("aria-invalid"),
                "a kept option needs its reason");
        driver().findElement(By.id("keep-reason-" + first)).sendKeys("Camille wants to care for people.");
        CaseWork.sendAndWait(driver(), By.cssSelector("#keep-" + first + " button"), By.id("kept"),
                "Camille wants to care for people.");
        assertTrue(text(By.id("kept-list")).contains(title), text(By.id("kept-list")));
        JsonPath draft = given().auth().oauth2(counsellor).get("/api/v1/cases/" + caseId + "/synthesis").then()
                .statusCode(200).extract().jsonPath();
        assertEquals("Camille wants to care for people.",
                draft.getString("synthesis.options.find { it.occupation == '" + first + "' }.reason"));
        browser.assertAccessible("case page, an option kept");
        browser.screenshot("case-options-kept-en-tablet", 820, By.id("kept"));

        // The draft changed elsewhere since the page was read: taking the option out is refused, clearly.
        given().auth().oauth2(counsellor).contentType("application/json").body("{\"conclusion\": \"Elsewhere.\"}")
                .put("/api/v1/cases/" + caseId + "/synthesis").then().statusCode(200);
        driver().findElement(By.cssSelector("#kept-list li[data-occupation='" + first + "'] button")).click();
        CaseWork.waitForText(driver(), By.id("error-summary"), "Someone else changed the synthesis draft");
        assertEquals(1, given().auth().oauth2(counsellor).get("/api/v1/cases/" + caseId + "/synthesis").then()
                .extract().jsonPath().getList("synthesis.options").size());
        // Read again, it is taken out.
        driver().get(url("/staff/cases/" + caseId));
        CaseWork.sendAndWait(driver(), By.cssSelector("#kept-list li[data-occupation='" + first + "'] button"),
                By.id("kept-none"), "No option kept yet");
        assertEquals(0, given().auth().oauth2(counsellor).get("/api/v1/cases/" + caseId + "/synthesis").then()
                .extract().jsonPath().getList("synthesis.options").size());

        // A project in words: the occupations they match, one chosen, its validation.
        driver().findElement(By.id("target-words")).sendKeys("nurse");
        CaseWork.sendAndWait(driver(), By.id("validate-target"), By.id("project"), "Occupations matching “nurse”");
        List<String> matching = given().auth().oauth2(counsellor)
                .get("/api/v1/cases/" + caseId + "/career-options?lang=en&target=nurse").then().statusCode(200)
                .extract().jsonPath().getList("targetChoices.title");
        assertEquals(matching, driver().findElements(By.cssSelector("#target-choices a")).stream()
                .map(WebElement::getText).toList());
        browser.assertAccessible("case page, target choices");
        WebElement choice = driver().findElement(By.cssSelector("#target-choices a"));
        String target = choice.getAttribute("href").replaceAll(".*target=([^&#]+).*", "$1");
        CaseWork.sendAndWait(driver(), By.cssSelector("#target-choices a"), By.id("project"), "Fit:");
        JsonPath validation = given().auth().oauth2(counsellor)
                .get("/api/v1/cases/" + caseId + "/career-options?lang=en&target=" + target).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(validation.getString("projectValidation.title"), text(By.id("validation-h")));
        assertEquals(validation.getString("projectValidation.fit.label"), text(By.id("validation-fit")));
        List<String> gaps = validation.getList("projectValidation.gaps.competence");
        if (gaps.isEmpty()) {
            assertEquals("No competence gap.", text(By.id("validation-no-gap")));
        } else {
            assertEquals(gaps.size(), driver().findElements(By.cssSelector("#validation-gaps > li")).size());
            assertTrue(text(By.id("validation-gaps")).contains("How to check it:"), text(By.id("validation-gaps")));
        }
        List<String> against = validation.getList("projectValidation.unfavourable.text");
        for (String factor : against) {
            assertTrue(text(By.id("validation-against")).contains(factor), factor);
        }
        assertEquals(target, driver().findElement(By.id("synthesis-target")).getAttribute("value"),
                "the synthesis is drafted for the project validated, unless the counsellor says otherwise");
        browser.assertAccessible("case page, project validated");
        browser.screenshot("case-project-en-tablet", 820, By.id("project"));

        // Words that match nothing: said beside the field.
        driver().findElement(By.id("target-words")).clear();
        driver().findElement(By.id("target-words")).sendKeys("zzzqqq");
        CaseWork.sendAndWait(driver(), By.id("validate-target"), By.id("error-summary"),
                "No occupation of the catalogue matches these words");

        // In French.
        driver().get(url("/language?to=fr&back=/staff/cases/" + caseId));
        driver().get(url("/staff/cases/" + caseId + "?target=" + target + "#project"));
        CaseWork.waitForText(driver(), By.id("project"), "Adéquation :");
        assertTrue(text(By.id("fit")).contains("clé d’API « test counsellor@centre-a »"), text(By.id("fit")));
        browser.assertAccessible("case page, project validated, in French");
        browser.screenshot("case-project-fr-tablet", 820, By.id("project"));
        browser.screenshot("case-options-fr-tablet", 820, By.id("options"));
    }

    @Test
    void theAuditTrailIsReadPageByPage() throws IOException {
        String caseId = cases.open("B-AUDIT-1");
        cases.intoInvestigation(caseId);
        for (int minutes = 1; minutes <= 40; minutes++) {
            given().auth().oauth2(counsellor).contentType("application/json")
                    .body("{\"date\": \"2026-09-15\", \"minutes\": " + minutes + ", \"activities\": \"Talk\"}")
                    .post("/api/v1/cases/" + caseId + "/sessions").then().statusCode(201);
        }
        cases.counsellorOf(caseId, driver(), base.toString());
        driver().get(url("/language?to=en&back=/staff/cases/" + caseId));
        assertEquals(25, driver().findElements(By.cssSelector("#audit tbody tr")).size());
        List<String> latest = details();
        assertTrue(latest.contains("40 min") && !latest.contains("1 min"), latest.toString());
        assertTrue(driver().findElements(By.id("audit-newer")).isEmpty(), "the latest entries have no newer page");

        CaseWork.sendAndWait(driver(), By.id("audit-older"), By.id("audit"), "Newer entries");
        List<String> older = details();
        assertTrue(older.contains("1 min") && !older.contains("40 min"), older.toString());
        assertEquals(latest.get(latest.size() - 1).replace(" min", ""),
                String.valueOf(Integer.parseInt(older.getFirst().replace(" min", "")) + 1),
                "the older page starts where the latest ends");
        assertTrue(text(By.id("audit-shown")).contains("newest first"), text(By.id("audit-shown")));
        browser.assertAccessible("case page, older audit entries");
        browser.screenshot("case-audit-older-en-tablet", 820, By.id("audit"));

        // Newer: the entries just above the older page (the trail grew meanwhile: each reading is an entry).
        CaseWork.sendAndWait(driver(), By.id("audit-newer"), By.id("audit"), "40 min");

        driver().get(url("/staff/cases/" + caseId + "?audit=not-a-cursor"));
        CaseWork.waitForText(driver(), By.id("error-summary"), "There is a problem");
        driver().get(url("/language?to=fr&back=/staff/cases/" + caseId));
        CaseWork.sendAndWait(driver(), By.id("audit-older"), By.id("audit"), "Entrées plus récentes");
        browser.assertAccessible("case page, older audit entries, in French");
        browser.screenshot("case-audit-older-fr-tablet", 820, By.id("audit"));
    }

    /** The details of the audit trail's rows in the page, e.g. {@code 40 min}. */
    private List<String> details() {
        return driver().findElements(By.cssSelector("#audit tbody tr")).stream()
                .map(row -> row.findElements(By.cssSelector(".meta")).stream().map(WebElement::getText)
                        .findFirst().orElse(""))
                .toList();
    }

    @Test
    void anObserverIsGivenANewLinkAndTheOldOneOpensNothing() throws IOException {
        String caseId = cases.open("B-NEW-LINK-1");
        cases.intoInvestigation(caseId);
        String oldLink = given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"instrument\": \"" + GRID + "\", \"observers\": [\"camille\", \"guest1\"]}")
                .post("/api/v1/cases/" + caseId + "/observations").then().statusCode(201).extract()
                .path("observers.find { it.observer == 'camille' }.link");
        String oldToken = oldLink.replaceAll(".*/o/", "");
        given().auth().none().get("/o/" + oldToken).then().statusCode(200);
        cases.counsellorOf(caseId, driver(), base.toString());
        for (String lang : List.of("en", "fr")) {
            driver().get(url("/language?to=" + lang + "&back=/staff/cases/" + caseId));
            driver().findElement(By.cssSelector("#observation-list li[data-observer='camille'] form.new-link button"))
                    .click();
            CaseWork.waitForText(driver(), By.tagName("h1"), lang.equals("en") ? "Send camille their new link"
                    : "Envoyez son nouveau lien à camille");
            String newLink = driver().findElement(By.cssSelector("input[data-observer='camille']")).getAttribute("value");
            assertTrue(newLink.startsWith(url("/o/")), newLink);
            String newToken = newLink.replaceAll(".*/o/", "");
            assertFalse(newToken.equals(oldToken));
            given().auth().none().get("/o/" + oldToken).then().statusCode(404);
            given().auth().none().post("/o/" + oldToken).then().statusCode(404);
            given().auth().none().get("/o/" + newToken).then().statusCode(200).body(containsString("/o/" + newToken));
            browser.assertAccessible("an observer's new link (" + lang + ")");
            browser.screenshot("case-observer-new-link-" + lang + "-tablet", 820);
            oldToken = newToken;
        }
        List<String> actions = given().auth().oauth2(counsellor).get("/api/v1/cases/" + caseId + "/audit").then()
                .statusCode(200).extract().jsonPath().getList("action");
        assertEquals(2, actions.stream().filter("observer-link-renewed"::equals).count());
    }
}

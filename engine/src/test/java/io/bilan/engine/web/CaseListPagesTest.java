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
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The cases list of the staff pages in a real browser: a counsellor finds their cases by phase, counsellor, a
 * synthesis awaiting approval, a follow-up due and the beneficiary, twenty to a page; an admin sees every case of the
 * centre; a counsellor of another centre sees none of them. Cases are taken through their phases with the API, as a
 * centre's program would.
 */
@QuarkusTest
class CaseListPagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CENTRE = "centre-list";
    private static Browser browser;
    /** The cases, opened once for every test of the class. */
    private static Cases cases;

    @TestHTTPResource("/")
    URL base;

    private record Cases(StaffSignIn.Account camille, StaffSignIn.Account dominique, StaffSignIn.Account admin,
            StaffSignIn.Account faraway, String prelim, String invest, String await, String due, String later,
            String dominiques, String far) {
    }

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
    void ready() throws Exception {
        CatalogReady.await();
        browser.driver().manage().deleteAllCookies();
        if (cases == null) {
            cases = openCases();
        }
    }

    private WebDriver driver() {
        return browser.driver();
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    // --- the cases, through the API ---

    private static String at(String id, String rest) {
        return "/api/v1/cases/" + id + rest;
    }

    private static String open(String key, String beneficiary, String name, StaffSignIn.Account... counsellors) {
        String id = given().auth().oauth2(key).contentType("application/json")
                .body("{\"beneficiary\": \"" + beneficiary + "\"" + (name == null ? "" : ", \"name\": \"" + name + "\"")
                        + "}").post("/api/v1/cases").then().statusCode(201).extract().path("id");
        for (StaffSignIn.Account counsellor : counsellors) {
            given().auth().oauth2(key).contentType("application/json")
                    .body("{\"counsellor\": \"" + counsellor.subject() + "\"}").post(at(id, "/counsellors"))
                    .then().statusCode(200);
        }
        return id;
    }

    private static void moveTo(String key, String id, String body) {
        given().auth().oauth2(key).contentType("application/json").body(body).post(at(id, "/transitions")).then()
                .statusCode(200);
    }

    private static String intoInvestigation(String key, String id) {
        given().auth().oauth2(key).contentType("application/json").body("{\"demand\": \"Changer de métier\"}")
                .put(at(id, "/demand")).then().statusCode(200);
        given().auth().oauth2(key).contentType("application/json").body("{\"decision\": \"fit\"}")
                .put(at(id, "/fit-decision")).then().statusCode(200);
        String beneficiary = given().auth().oauth2(key).post(at(id, "/beneficiary-key")).then().statusCode(201)
                .extract().path("key");
        given().auth().oauth2(beneficiary).post(at(id, "/signatures")).then().statusCode(200);
        given().auth().oauth2(key).post(at(id, "/signatures")).then().statusCode(200);
        moveTo(key, id, "{\"to\": \"investigation\"}");
        return beneficiary;
    }

    /** Into the conclusion, with the synthesis submitted to the beneficiary; returns the beneficiary's key. */
    private static String awaitingApproval(String key, String id, String followUpOn) throws IOException {
        String beneficiary = intoInvestigation(key, id);
        var responses = JSON.readTree(Path.of("../instruments/riasec-interests/fixtures/typical-profile.json").toFile())
                .get("responses");
        given().auth().oauth2(beneficiary).contentType("application/json")
                .body(JSON.createObjectNode().put("instrument", "riasec-interests").put("lang", "en")
                        .set("responses", responses).toString())
                .post(at(id, "/administrations")).then().statusCode(201);
        moveTo(key, id, "{\"to\": \"conclusion\", \"followUpOn\": \"" + followUpOn + "\"}");
        given().auth().oauth2(key).post(at(id, "/synthesis?lang=en&target=registered-nurse")).then().statusCode(200);
        given().auth().oauth2(key).post(at(id, "/synthesis/submit")).then().statusCode(200);
        return beneficiary;
    }

    private static void inFollowUp(String key, String id, String followUpOn) throws IOException {
        String beneficiary = awaitingApproval(key, id, followUpOn);
        given().auth().oauth2(key).contentType("application/json")
                .body("{\"date\": \"2026-11-02\", \"minutes\": 60, \"activities\": \"Restitution\"}")
                .post(at(id, "/sessions")).then().statusCode(201);
        given().auth().oauth2(beneficiary).post(at(id, "/synthesis/approve")).then().statusCode(200);
        moveTo(key, id, "{\"to\": \"follow-up\"}");
    }

    private static Cases openCases() throws IOException {
        StaffSignIn.Account camille = StaffSignIn.account(CENTRE, Roles.COUNSELLOR);
        StaffSignIn.Account dominique = StaffSignIn.account(CENTRE, Roles.COUNSELLOR);
        StaffSignIn.Account admin = StaffSignIn.account(CENTRE, Roles.ADMIN);
        StaffSignIn.Account faraway = StaffSignIn.account("centre-far", Roles.COUNSELLOR);
        String key = TestCallers.of(Roles.COUNSELLOR, CENTRE);
        String prelim = open(key, "LIST-PRELIM", "Élodie Martin", camille, dominique);
        String invest = open(key, "LIST-INVEST", null, camille);
        intoInvestigation(key, invest);
        String await = open(key, "LIST-AWAIT", null, camille);
        awaitingApproval(key, await, "2027-05-03");
        String due = open(key, "LIST-DUE", null, camille);
        inFollowUp(key, due, "2026-11-02");
        String later = open(key, "LIST-LATER", null, camille);
        inFollowUp(key, later, "2027-06-01");
        String dominiques = open(key, "LIST-DOMINIQUE", null, dominique);
        for (int i = 1; i <= 20; i++) {
            open(key, String.format("LIST-MANY-%02d", i), null, camille);
        }
        String far = open(TestCallers.of(Roles.COUNSELLOR, "centre-far"), "LIST-FAR", null, faraway);
        return new Cases(camille, dominique, admin, faraway, prelim, invest, await, due, later, dominiques, far);
    }

    // --- the browser ---

    private void show(String query) {
        driver().get(url("/staff/cases" + query));
        new WebDriverWait(driver(), Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("count")).isEmpty());
    }

    private String count() {
        return driver().findElement(By.id("count")).getText();
    }

    /** The beneficiaries listed on the page, each linking to its case page. */
    private Set<String> listed() {
        Set<String> listed = new TreeSet<>();
        for (WebElement link : driver().findElements(By.cssSelector("#cases tbody td:first-child a"))) {
            assertTrue(link.getAttribute("href").matches(".*/staff/cases/[0-9a-f-]{36}"), link.getAttribute("href"));
            listed.add(link.getText());
        }
        return listed;
    }

    private void submitFilters() {
        String before = driver().getCurrentUrl();
        driver().findElement(By.id("filter")).click();
        new WebDriverWait(driver(), Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().equals(before)
                && "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState"))
                && !d.findElements(By.id("count")).isEmpty());
    }

    @Test
    void aCounsellorFindsTheirCasesByPhaseApprovalFollowUpAndBeneficiary() throws IOException {
        driver().get(url("/language?to=en&back=/staff/sign-in"));
        StaffSignIn.signIn(driver(), url("/"), cases.camille());
        show("");
        assertEquals("25 cases", count());
        assertEquals(20, listed().size());
        browser.assertAccessible("cases list");
        browser.screenshot("staff-cases-en-desktop", 1280);
        browser.screenshot("staff-cases-en-tablet", 820);
        browser.screenshot("staff-cases-en-phone", 390);
        driver().findElement(By.id("next")).click();
        new WebDriverWait(driver(), Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("page=2")
                && "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
        assertEquals(5, listed().size());
        assertTrue(driver().findElement(By.tagName("main")).getText().contains("Page 2 of 2"));

        // The filters, as a person uses them: choose, then Show.
        show("");
        new Select(driver().findElement(By.id("phase"))).selectByVisibleText("Investigation");
        submitFilters();
        assertEquals(Set.of("LIST-INVEST"), listed());
        browser.assertAccessible("cases filtered");

        show("");
        driver().findElement(By.id("awaiting")).click();
        submitFilters();
        assertEquals(Set.of("LIST-AWAIT"), listed());
        assertEquals("1 case", count());

        show("");
        driver().findElement(By.id("due")).click();
        submitFilters();
        assertEquals(Set.of("LIST-DUE"), listed());

        show("?phase=follow-up");
        assertEquals(Set.of("LIST-DUE", "LIST-LATER"), listed());

        show("");
        driver().findElement(By.id("q")).sendKeys("prelim");
        submitFilters();
        assertEquals(Set.of("LIST-PRELIM"), listed());
        // Their own beneficiaries are found by name too.
        show("?q=" + java.net.URLEncoder.encode("élodie", java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(Set.of("LIST-PRELIM"), listed());
        assertTrue(driver().findElement(By.id("cases")).getText().contains("Élodie Martin"));

        show("");
        new Select(driver().findElement(By.id("counsellor"))).selectByVisibleText(cases.dominique().name());
        submitFilters();
        assertEquals(Set.of("LIST-PRELIM"), listed(), "the cases camille shares with dominique, and not dominique's own");

        show("?q=nobody-has-this");
        assertEquals("No case", count());
        assertTrue(driver().findElements(By.id("cases")).isEmpty());

        driver().get(url("/language?to=fr&back=/staff/cases?awaiting=on"));
        new WebDriverWait(driver(), Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("count")).isEmpty());
        assertEquals("1 dossier", count());
        browser.assertAccessible("cases fr");
        browser.screenshot("staff-cases-fr-phone", 390);
    }

    @Test
    void anAdminSeesEveryCaseOfTheCentreButNoBeneficiaryName() {
        driver().get(url("/language?to=en&back=/staff/sign-in"));
        StaffSignIn.signIn(driver(), url("/"), cases.admin());
        show("?q=LIST");
        assertEquals("26 cases", count());
        show("?counsellor=" + cases.dominique().subject());
        assertEquals(Set.of("LIST-DOMINIQUE", "LIST-PRELIM"), listed());
        show("?q=" + java.net.URLEncoder.encode("élodie", java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("No case", count());
        show("?q=prelim");
        assertTrue(!driver().findElement(By.id("cases")).getText().contains("Élodie"));
        browser.assertAccessible("cases admin");
    }

    @Test
    void aCounsellorOfAnotherCentreSeesNoneOfThem() {
        StaffSignIn.signIn(driver(), url("/"), cases.faraway());
        show("");
        assertEquals(Set.of("LIST-FAR"), listed());
        show("?q=LIST");
        assertEquals(Set.of("LIST-FAR"), listed());
        show("?counsellor=" + cases.camille().subject());
        assertEquals(Set.of(), listed());
        List<String> options = driver().findElements(By.cssSelector("#counsellor option")).stream()
                .map(WebElement::getText).toList();
        assertTrue(options.stream().noneMatch(option -> option.equals(cases.camille().name())), options.toString());
        // Nor does a colleague of the centre who is on none of camille's cases.
        driver().manage().deleteAllCookies();
        StaffSignIn.signIn(driver(), url("/"), cases.dominique());
        show("?q=LIST");
        assertEquals(Set.of("LIST-DOMINIQUE", "LIST-PRELIM"), listed());
    }

    @Test
    void badFiltersShowNothingRatherThanFail() {
        StaffSignIn.signIn(driver(), url("/"), cases.camille());
        show("?phase=nonsense&page=-3&counsellor=%00");
        assertEquals(Set.of(), listed());
        show("?page=999999");
        assertEquals(5, listed().size());
        String cookie = StaffSignIn.sessionCookie(driver());
        given().auth().none().cookie(io.bilan.engine.security.StaffSessions.COOKIE, cookie)
                .get("/staff/cases?q=" + "x".repeat(1000)).then().statusCode(200);
    }
}

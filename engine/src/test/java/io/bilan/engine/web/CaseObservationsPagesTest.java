package io.bilan.engine.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.engine.CatalogReady;
import io.bilan.engine.TestCallers;
import io.bilan.engine.security.Roles;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The counsellor's side of an observation in the case page, in real browsers: the counsellor opens an observation of
 * a role play with two observers (a name refused first, said in the page's error summary), copies the two links shown
 * once, follows where each observer stands while two observers rate in browsers of their own, then reads the ratings,
 * their agreement and the stored administration's results in the case page, in English and in French; revoking an
 * observer and closing early go through the same page. axe-core checks every page; screenshots are kept.
 */
@QuarkusTest
class CaseObservationsPagesTest {

    private static final String GRID = "roleplay-client-conflict";
    private static final List<String> CRITERIA =
            List.of("listening", "feelings", "calm", "questions", "solutions", "agreement", "closing");
    /** 0, 1, 0, 2, 0, 2, 1 points apart: same rating in 3 of 7 pairs, at most 1 apart in 5. */
    private static final List<Integer> CAMILLE = List.of(3, 2, 4, 3, 2, 1, 4);
    private static final List<Integer> GUEST = List.of(3, 3, 4, 1, 2, 3, 3);

    @TestHTTPResource("/")
    URL base;

    private String counsellor;

    @BeforeEach
    void ready() throws InterruptedException {
        CatalogReady.await();
        counsellor = TestCallers.of(Roles.COUNSELLOR);
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    /** A case in the investigation phase, which the role-play grid belongs to, with {@code account} on it. */
    private String caseInInvestigation(String beneficiary, StaffSignIn.Account account) {
        String caseId = given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"beneficiary\": \"" + beneficiary + "\"}").post("/api/v1/cases").then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(counsellor).contentType("application/json").body("{\"demand\": \"Changer de métier\"}")
                .put("/api/v1/cases/" + caseId + "/demand").then().statusCode(200);
        given().auth().oauth2(counsellor).contentType("application/json").body("{\"decision\": \"fit\"}")
                .put("/api/v1/cases/" + caseId + "/fit-decision").then().statusCode(200);
        String key = given().auth().oauth2(counsellor).post("/api/v1/cases/" + caseId + "/beneficiary-key")
                .then().statusCode(201).extract().path("key");
        given().auth().oauth2(key).post("/api/v1/cases/" + caseId + "/signatures").then().statusCode(200);
        given().auth().oauth2(counsellor).post("/api/v1/cases/" + caseId + "/signatures").then().statusCode(200);
        given().auth().oauth2(counsellor).contentType("application/json").body("{\"to\": \"investigation\"}")
                .post("/api/v1/cases/" + caseId + "/transitions").then().statusCode(200);
        given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"counsellor\": \"" + account.subject() + "\"}").post("/api/v1/cases/" + caseId + "/counsellors")
                .then().statusCode(200);
        return caseId;
    }

    private static WebElement waitFor(WebDriver driver, By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> d.findElements(by).stream().findFirst().orElse(null));
    }

    private static String text(WebDriver driver, By by) {
        return driver.findElement(by).getText();
    }

    /** The status of {@code observer} in the case page's first observation. */
    private static String statusOf(WebDriver driver, String observer) {
        return text(driver, By.cssSelector("#observation-list li[data-observer='" + observer + "'] .badge"));
    }

    /** An observer rates every criterion from their link and submits, as ObserverPagesTest does. */
    private void rateAndSubmit(Browser observer, String link, String lang, List<Integer> ratings) {
        observer.driver.get(url("/language?to=" + lang + "&back=/"));
        observer.driver.get(link);
        observer.driver.findElement(By.cssSelector("form[action^='/o/'] button")).click();
        waitFor(observer.driver, By.id("player"));
        for (int i = 0; i < CRITERIA.size(); i++) {
            observer.driver.findElement(By.cssSelector("label[for='q-" + CRITERIA.get(i) + "-" + ratings.get(i) + "']"))
                    .click();
        }
        observer.driver.findElement(By.id("submit")).click();
        new WebDriverWait(observer.driver, Duration.ofSeconds(30))
                .until(d -> d.findElements(By.id("player")).isEmpty());
    }

    @Test
    void aCounsellorOpensAnObservationInTheCasePageAndReadsTheRatings() throws Exception {
        try (Browser browser = Browser.start(); Browser camille = Browser.start(); Browser guest = Browser.start()) {
            WebDriver driver = browser.driver;
            StaffSignIn.Account account = StaffSignIn.account("centre-a", Roles.COUNSELLOR);
            String caseId = caseInInvestigation("B-CASE-OBSERVE-1", account);
            StaffSignIn.signIn(driver, base.toString(), account);
            driver.manage().window().setSize(new Dimension(820, 1180));
            driver.get(url("/language?to=en&back=/staff/cases/" + caseId));
            assertTrue(text(driver, By.id("observations")).contains("No observation yet."), text(driver, By.id("observations")));
            assertEquals(List.of(GRID), new Select(driver.findElement(By.id("observe-instrument"))).getOptions().stream()
                    .map(option -> option.getAttribute("value")).filter(GRID::equals).toList(),
                    "the role-play grid of the investigation phase is offered");
            browser.assertAccessible("case page with observations");
            browser.screenshot("case-observations-form-en-tablet", 820, By.id("observations"));

            // An observer's name with a space: said in the page's error summary and next to the form, names kept.
            new Select(driver.findElement(By.id("observe-instrument"))).selectByValue(GRID);
            driver.findElement(By.id("observe-observers")).sendKeys("camille\nguest one");
            driver.findElement(By.id("observe")).click();
            WebElement summary = waitFor(driver, By.id("error-summary"));
            assertTrue(summary.getText().contains("1 to 64 letters, digits"), summary.getText());
            assertEquals("observe-form", summary.findElement(By.tagName("a")).getAttribute("href").replaceAll(".*#", ""));
            assertEquals("true", driver.findElement(By.id("observe-observers")).getAttribute("aria-invalid"));
            assertEquals("camille\nguest one", driver.findElement(By.id("observe-observers")).getAttribute("value"));
            browser.assertAccessible("case page with an observation refused");
            browser.screenshot("case-observations-problem-en-tablet", 820, By.id("error-summary"));

            // Opened: each observer's link, once, on a page of its own.
            driver.findElement(By.id("observe-observers")).clear();
            driver.findElement(By.id("observe-observers")).sendKeys("camille\nguest1");
            driver.findElement(By.id("observe")).click();
            waitFor(driver, By.id("observer-links"));
            List<WebElement> fields = driver.findElements(By.cssSelector("#observer-links input"));
            assertEquals(List.of("camille", "guest1"), fields.stream().map(f -> f.getAttribute("data-observer")).toList());
            String camilleLink = fields.get(0).getAttribute("value");
            String guestLink = fields.get(1).getAttribute("value");
            assertTrue(camilleLink.startsWith(url("/o/")) && guestLink.startsWith(url("/o/")), camilleLink);
            assertTrue(camilleLink.length() > url("/o/").length() + 20 && !camilleLink.equals(guestLink));
            assertTrue(driver.findElement(By.id("copy-observer-link-1")).isDisplayed(), "the script adds copy buttons");
            assertTrue(text(driver, By.tagName("main")).contains("Link for guest1"), text(driver, By.tagName("main")));
            browser.assertAccessible("observers' links (en)");
            browser.screenshot("case-observers-en-tablet", 820);
            driver.findElement(By.id("back-to-case")).click();
            waitFor(driver, By.id("observation-list"));
            assertEquals("invited", statusOf(driver, "camille"));
            assertEquals("invited", statusOf(driver, "guest1"));
            assertTrue(text(driver, By.id("observation-list")).contains("ratings awaited"));
            assertTrue(driver.findElements(By.cssSelector("#observation-list input[data-observer]")).isEmpty()
                    && !driver.getPageSource().contains(camilleLink.replaceAll(".*/o/", "")), "a link is shown once");

            // Closing before anyone submitted stores nothing: the page says why.
            driver.findElement(By.cssSelector("#observation-list button[id^='close-']")).click();
            summary = waitFor(driver, By.id("error-summary"));
            assertTrue(summary.getText().contains("No observer has submitted ratings yet"), summary.getText());
            assertEquals("invited", statusOf(driver, "camille"), "nothing changed");

            // The observers rate, each in a browser of their own; the counsellor sees where each stands meanwhile.
            camille.driver.manage().window().setSize(new Dimension(390, 844));
            rateAndSubmit(camille, camilleLink, "fr", CAMILLE);
            driver.get(url("/staff/cases/" + caseId));
            assertEquals("submitted", statusOf(driver, "camille"));
            assertEquals("invited", statusOf(driver, "guest1"));
            assertTrue(driver.findElements(By.cssSelector("table.ratings")).isEmpty(), "no rating before all are in");
            browser.screenshot("case-observations-waiting-en-tablet", 820, By.id("observation-list"));
            rateAndSubmit(guest, guestLink, "en", GUEST);

            // Stored: the ratings, the criteria 2 points apart, the agreement, and the administration's results.
            for (String lang : List.of("en", "fr")) {
                driver.get(url("/language?to=" + lang + "&back=/staff/cases/" + caseId));
                waitFor(driver, By.cssSelector("table.ratings"));
                assertEquals(lang.equals("en") ? "submitted" : "envoyé", statusOf(driver, "guest1"));
                assertEquals(List.of("3", "3", "0"), driver.findElements(
                        By.cssSelector("table.ratings tbody tr:first-child td")).stream().map(WebElement::getText).toList());
                assertEquals(2, driver.findElements(By.cssSelector("table.ratings tr.apart")).size());
                assertEquals(1, driver.findElements(By.cssSelector("#observation-list h3")).size(),
                        "the observation's heading is below the section's");
                String agreement = text(driver, By.cssSelector("#observation-list .agreement"));
                assertTrue(agreement.contains("43") && agreement.contains("71") && agreement.contains("7"), agreement);
                WebElement result = driver.findElement(By.cssSelector("#observation-list a[href^='#result-']"));
                String anchor = result.getAttribute("href").replaceAll(".*#", "");
                WebElement administered = driver.findElement(By.id(anchor));
                assertTrue(administered.getText().contains(GRID + "@"), administered.getText());
                assertTrue(driver.findElements(By.cssSelector("#observation-list button[id^='close-']")).isEmpty());
                browser.assertAccessible("case page with stored ratings (" + lang + ")");
                browser.screenshot("case-observations-stored-" + lang + "-tablet", 820, By.id("observation-list"));
                browser.screenshot("case-observations-results-" + lang + "-tablet", 820, By.id(anchor));
            }
            String audit = given().auth().oauth2(counsellor).get("/api/v1/cases/" + caseId + "/audit").then()
                    .statusCode(200).extract().asString();
            assertTrue(audit.contains("observation-opened") && audit.contains("observation-read"), audit);
        }
    }

    @Test
    void aCounsellorRevokesAnObserverAndClosesEarlyInThePage() throws Exception {
        try (Browser browser = Browser.start(); Browser first = Browser.start()) {
            WebDriver driver = browser.driver;
            StaffSignIn.Account account = StaffSignIn.account("centre-a", Roles.COUNSELLOR);
            String caseId = caseInInvestigation("B-CASE-OBSERVE-2", account);
            StaffSignIn.signIn(driver, base.toString(), account);
            driver.get(url("/language?to=fr&back=/staff/cases/" + caseId));
            new Select(driver.findElement(By.id("observe-instrument"))).selectByValue(GRID);
            driver.findElement(By.id("observe-observers")).sendKeys("a, b\nc");
            driver.findElement(By.id("observe")).click();
            waitFor(driver, By.id("observer-links"));
            assertTrue(text(driver, By.tagName("main")).contains("Lien de c"), text(driver, By.tagName("main")));
            browser.assertAccessible("observers' links (fr)");
            browser.screenshot("case-observers-fr-phone", 390);
            String linkOfA = driver.findElement(By.cssSelector("input[data-observer='a']")).getAttribute("value");
            // A step without the session's CSRF token opens nothing.
            given().auth().none().redirects().follow(false).cookie(io.bilan.engine.security.StaffSessions.COOKIE,
                    StaffSignIn.sessionCookie(driver)).contentType("application/x-www-form-urlencoded")
                    .formParam("instrument", GRID).formParam("observers", "x")
                    .post("/staff/cases/" + caseId + "/observations").then().statusCode(403);
            driver.findElement(By.id("back-to-case")).click();
            waitFor(driver, By.id("observation-list"));

            // A counsellor of another centre, signed in, finds neither the case nor its observation.
            String observation = driver.findElement(By.cssSelector("#observation-list li.observation"))
                    .getAttribute("id").replace("observation-", "");
            try (Browser stranger = Browser.start()) {
                StaffSignIn.signIn(stranger.driver, base.toString(), StaffSignIn.account("centre-b", Roles.COUNSELLOR));
                String cookie = StaffSignIn.sessionCookie(stranger.driver);
                String token = StaffSignIn.csrf(stranger.driver);
                for (String step : List.of("", "/" + observation + "/close", "/" + observation + "/observers/a/revoke")) {
                    given().auth().none().redirects().follow(false)
                            .cookie(io.bilan.engine.security.StaffSessions.COOKIE, cookie)
                            .contentType("application/x-www-form-urlencoded").formParam("_csrf", token)
                            .formParam("instrument", GRID).formParam("observers", "x")
                            .post("/staff/cases/" + caseId + "/observations" + step).then().statusCode(404);
                }
            }

            // B is revoked: their status says so and their button is gone.
            driver.findElement(By.cssSelector("#observation-list li[data-observer='b'] button")).click();
            // The page being left has the same list: wait for the new status, through the navigation.
            Browser.waitThroughReplacedPages(driver, ExpectedConditions.textToBe(
                    By.cssSelector("#observation-list li[data-observer='b'] .badge"), "retiré"));
            assertTrue(driver.findElements(By.cssSelector("#observation-list li[data-observer='b'] button")).isEmpty());

            // A submits; closing now stores A's ratings alone and revokes C.
            rateAndSubmit(first, linkOfA, "fr", CAMILLE);
            driver.get(url("/staff/cases/" + caseId));
            driver.findElement(By.cssSelector("#observation-list button[id^='close-']")).click();
            waitFor(driver, By.cssSelector("table.ratings"));
            assertEquals("retiré", statusOf(driver, "c"));
            assertEquals("envoyé", statusOf(driver, "a"));
            assertTrue(text(driver, By.cssSelector("#observation-list .agreement")).contains("Une seule note par critère"),
                    text(driver, By.cssSelector("#observation-list .agreement")));
            browser.assertAccessible("case page after closing early (fr)");
        }
        // Someone who is not signed in is sent to sign in.
        given().auth().none().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("instrument", GRID).formParam("observers", "x")
                .post("/staff/cases/unknown/observations").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.containsString("/staff/sign-in"));
    }
}

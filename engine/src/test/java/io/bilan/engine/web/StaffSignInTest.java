package io.bilan.engine.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.engine.TestClock;
import io.bilan.engine.security.Roles;
import io.bilan.engine.security.StaffSessions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Staff sign in as people do, in a real browser (headless Chromium): a wrong password then the right one, a one-time
 * password replaced at the first sign-in, too many failures refused for a while, signing out, a session that ends
 * after idling; a write without the session's CSRF token is refused, the cookie opens neither the API nor the
 * beneficiary's pages, and a signed-out browser reaches no staff page. axe-core checks every page.
 */
@QuarkusTest
class StaffSignInTest {

    private static Browser browser;

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestClock clock;

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
    void freshBrowser() {
        browser.driver.manage().deleteAllCookies();
    }

    @AfterEach
    void forgetFailures() {
        // Failed sign-ins of one test must not count against the next: they come from the same address.
        clock.advance(Duration.ofMinutes(16));
    }

    private WebDriver driver() {
        return browser.driver;
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    private String main() {
        return driver().findElement(By.tagName("main")).getText();
    }

    private void waitForPath(String path) {
        new WebDriverWait(driver(), Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().replaceFirst("\\?.*", "")
                .endsWith(path));
    }

    @Test
    void aCounsellorSignsInAfterAWrongPasswordAndOut() throws IOException {
        StaffSignIn.Account camille = StaffSignIn.account("centre-a", Roles.COUNSELLOR);

        driver().get(url("/language?to=en&back=/staff"));
        waitForPath("/staff/sign-in");
        browser.assertAccessible("sign-in");
        browser.screenshot("staff-sign-in-en-phone", 390);
        browser.screenshot("staff-sign-in-en-desktop", 1280);

        StaffSignIn.signInOnly(driver(), url("/"), new StaffSignIn.Account(camille.id(), camille.email(),
                camille.name(), "not my password", camille.centre()));
        new WebDriverWait(driver(), Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("error-summary")).isEmpty());
        assertTrue(main().contains("The email address or the password is wrong."), main());
        browser.assertAccessible("sign-in refused");
        browser.screenshot("staff-sign-in-wrong-en-desktop", 1280);

        driver().findElement(By.id("password")).sendKeys(camille.password());
        driver().findElement(By.id("sign-in")).click();
        waitForPath("/staff");
        assertEquals("Hello, " + camille.name(), driver().findElement(By.tagName("h1")).getText());
        browser.assertAccessible("staff home");
        browser.screenshot("staff-home-en-desktop", 1280);
        driver().get(url("/language?to=fr&back=/staff"));
        assertEquals("Bonjour, " + camille.name(), driver().findElement(By.tagName("h1")).getText());
        browser.assertAccessible("staff home fr");
        browser.screenshot("staff-home-fr-phone", 390);
        driver().get(url("/language?to=en&back=/staff"));

        String cookie = StaffSignIn.sessionCookie(driver());
        driver().findElement(By.id("sign-out")).click();
        waitForPath("/staff/sign-in");
        assertEquals("You are signed out.", driver().findElement(By.id("notice")).getText());
        // The cookie is gone from the browser, and ended on the server: presented again, it opens nothing.
        driver().get(url("/staff"));
        waitForPath("/staff/sign-in");
        given().auth().none().redirects().follow(false).cookie(StaffSessions.COOKIE, cookie).get("/staff")
                .then().statusCode(303).header("Location", org.hamcrest.Matchers.containsString("/staff/sign-in"));
    }

    @Test
    void aOneTimePasswordMustBeReplacedBeforeAnythingElse() throws IOException {
        StaffSignIn.Account dominique = StaffSignIn.withOneTimePassword("centre-a", Roles.COUNSELLOR);
        driver().get(url("/language?to=en&back=/staff/sign-in"));
        StaffSignIn.signIn(driver(), url("/"), dominique);
        waitForPath("/staff/password");
        browser.assertAccessible("choose a password");
        browser.screenshot("staff-password-en-desktop", 1280);
        driver().get(url("/staff/cases"));
        waitForPath("/staff/password");

        driver().findElement(By.id("current")).sendKeys(dominique.password());
        driver().findElement(By.id("password")).sendKeys("a long enough password");
        driver().findElement(By.id("confirm")).sendKeys("another long password");
        driver().findElement(By.id("save-password")).click();
        new WebDriverWait(driver(), Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("error-summary")).isEmpty());
        assertTrue(main().contains("The two passwords are not the same."), main());
        browser.assertAccessible("choose a password refused");

        driver().findElement(By.id("current")).sendKeys(dominique.password());
        driver().findElement(By.id("password")).sendKeys("a long enough password");
        driver().findElement(By.id("confirm")).sendKeys("a long enough password");
        driver().findElement(By.id("save-password")).click();
        waitForPath("/staff");
        assertEquals("Your password is changed.", driver().findElement(By.id("notice")).getText());

        // The one-time password no longer opens the account; the chosen one does.
        driver().manage().deleteAllCookies();
        StaffSignIn.signInOnly(driver(), url("/"), dominique);
        new WebDriverWait(driver(), Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("error-summary")).isEmpty());
        StaffSignIn.signIn(driver(), url("/"), new StaffSignIn.Account(dominique.id(), dominique.email(),
                dominique.name(), "a long enough password", dominique.centre()));
        waitForPath("/staff");
    }

    @Test
    void tooManyFailuresRefuseEvenTheRightPasswordForAWhile() throws IOException {
        StaffSignIn.Account camille = StaffSignIn.account("centre-a", Roles.COUNSELLOR);
        StaffSignIn.Account wrong = new StaffSignIn.Account(camille.id(), camille.email(), camille.name(),
                "guessing " + camille.id(), camille.centre());
        driver().get(url("/language?to=en&back=/staff/sign-in"));
        for (int i = 0; i < 5; i++) {
            StaffSignIn.signInOnly(driver(), url("/"), wrong);
            Browser.waitThroughReplacedPages(driver(), d -> d.findElement(By.tagName("main")).getText()
                    .contains("The email address or the password is wrong."));
        }
        StaffSignIn.signInOnly(driver(), url("/"), camille);
        Browser.waitThroughReplacedPages(driver(), d -> d.findElement(By.tagName("main")).getText()
                .contains("Too many failed attempts. Try again in 15 min"));
        browser.assertAccessible("sign-in limited");
        browser.screenshot("staff-sign-in-limited-en-desktop", 1280);

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        StaffSignIn.signIn(driver(), url("/"), camille);
        waitForPath("/staff");
    }

    @Test
    void writesWithoutTheSessionsTokenAreRefused() {
        StaffSignIn.Account camille = StaffSignIn.account("centre-a", Roles.COUNSELLOR);
        StaffSignIn.signIn(driver(), url("/"), camille);
        String cookie = StaffSignIn.sessionCookie(driver());
        String csrf = StaffSignIn.csrf(driver());

        given().auth().none().redirects().follow(false).cookie(StaffSessions.COOKIE, cookie).contentType("application/x-www-form-urlencoded")
                .formParam("back", "/staff").post("/staff/sign-out").then().statusCode(403);
        given().auth().none().redirects().follow(false).cookie(StaffSessions.COOKIE, cookie).contentType("application/x-www-form-urlencoded")
                .formParam("_csrf", "not-the-token").post("/staff/sign-out").then().statusCode(403);
        given().auth().none().redirects().follow(false).cookie(StaffSessions.COOKIE, cookie).contentType("application/x-www-form-urlencoded")
                .formParam("current", camille.password()).formParam("password", "taken over by another site")
                .formParam("confirm", "taken over by another site").post("/staff/password").then().statusCode(403);
        // Still signed in with the same password: nothing was done.
        given().auth().none().redirects().follow(false).cookie(StaffSessions.COOKIE, cookie).get("/staff").then().statusCode(200);
        // The sign-in form itself needs its own token, from its cookie: another site cannot sign a browser in.
        given().auth().none().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("email", camille.email()).formParam("password", camille.password())
                .post("/staff/sign-in").then().statusCode(403)
                .header("Set-Cookie", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(StaffSessions.COOKIE + "=")));
        // The staff cookie opens neither the API nor the beneficiary's pages.
        given().auth().none().cookie(StaffSessions.COOKIE, cookie).get("/api/v1/cases").then().statusCode(401);
        given().auth().none().redirects().follow(false).cookie(StaffSessions.COOKIE, cookie).get("/my").then().statusCode(401);
        // With the token, the write is done.
        given().auth().none().redirects().follow(false).cookie(StaffSessions.COOKIE, cookie).contentType("application/x-www-form-urlencoded")
                .formParam("_csrf", csrf).post("/staff/sign-out").then().statusCode(303);
        given().auth().none().redirects().follow(false).cookie(StaffSessions.COOKIE, cookie).get("/staff").then().statusCode(303);
    }

    @Test
    void aSessionEndsAfterAnHourWithoutARequest() {
        StaffSignIn.Account camille = StaffSignIn.account("centre-a", Roles.COUNSELLOR);
        StaffSignIn.signIn(driver(), url("/"), camille);
        clock.advance(Duration.ofMinutes(59));
        driver().get(url("/staff"));
        waitForPath("/staff");
        clock.advance(Duration.ofMinutes(61));
        driver().get(url("/staff"));
        waitForPath("/staff/sign-in");
        // Signing in again comes back to the page asked for.
        driver().get(url("/staff/password"));
        waitForPath("/staff/sign-in");
        driver().findElement(By.id("email")).sendKeys(camille.email());
        driver().findElement(By.id("password")).sendKeys(camille.password());
        driver().findElement(By.id("sign-in")).click();
        waitForPath("/staff/password");
    }

    @Test
    void aSignedOutBrowserReachesNoStaffPage() {
        for (String page : new String[] {"/staff", "/staff/password", "/staff/cases", "/staff/admin/users",
                "/staff/admin/keys", "/staff/admin/centre", "/staff/cases/anything"}) {
            given().auth().none().redirects().follow(false).get(page).then().statusCode(org.hamcrest.Matchers.oneOf(303, 404));
        }
        for (String page : new String[] {"/staff", "/staff/password", "/staff/cases?phase=closed"}) {
            given().auth().none().redirects().follow(false).get(page).then().statusCode(303)
                    .header("Location", org.hamcrest.Matchers.containsString("/staff/sign-in?back="));
        }
        given().auth().none().redirects().follow(false).contentType("application/x-www-form-urlencoded").formParam("_csrf", "x")
                .post("/staff/password").then().statusCode(303);
    }
}

package io.bilan.engine.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.engine.TestCallers;
import io.bilan.engine.security.Roles;
import io.bilan.engine.security.StaffSessions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The administration of a centre in a real browser: an admin creates a counsellor, who signs in with the one-time
 * password and chooses their own; gives a new one-time password and disables an account (its session ends); creates
 * an API key shown once and revokes it; sets the centre's identity that syntheses print. A counsellor reaches none of
 * it, and an admin nothing of another centre.
 */
@QuarkusTest
class AdminPagesTest {

    private static final String CENTRE = "centre-admin";
    private static Browser browser;

    @TestHTTPResource("/")
    URL base;

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
        driver().manage().deleteAllCookies();
        driver().get(url("/language?to=en&back=/staff/sign-in"));
    }

    private WebDriver driver() {
        return browser.driver();
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    private String main() {
        return driver().findElement(By.tagName("main")).getText();
    }

    /** Clicks a button that sends a form, and waits for the page that answers it. */
    private void click(String id) {
        org.openqa.selenium.WebElement page = driver().findElement(By.tagName("html"));
        driver().findElement(By.id(id)).click();
        Browser.waitUntilReplaced(driver(), page);
        new WebDriverWait(driver(), Duration.ofSeconds(30)).until(d -> "complete".equals(
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private void type(String id, String text) {
        driver().findElement(By.id(id)).clear();
        driver().findElement(By.id(id)).sendKeys(text);
    }

    @Test
    void anAdminCreatesACounsellorWhoThenSignsIn() throws IOException {
        StaffSignIn.Account admin = StaffSignIn.account(CENTRE, Roles.ADMIN);
        StaffSignIn.signIn(driver(), url("/"), admin);
        driver().findElement(By.linkText("Administration")).click();
        new WebDriverWait(driver(), Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/staff/admin/users"));
        browser.assertAccessible("users");
        browser.screenshot("staff-users-en-desktop", 1280);

        type("name", "Zoé Marchand");
        type("email", "not an address");
        click("create-user");
        assertTrue(main().contains("Enter an email address"), main());
        browser.assertAccessible("users refused");

        String email = "zoe.marchand." + System.nanoTime() + "@centre-admin.test";
        type("email", email);
        click("create-user");
        assertEquals("The account of Zoé Marchand is created", driver().findElement(By.tagName("h1")).getText());
        String oneTime = driver().findElement(By.id("secret")).getText();
        assertTrue(oneTime.matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}"), oneTime);
        browser.assertAccessible("one-time password");
        browser.screenshot("staff-user-created-en-phone", 390);
        driver().get(url("/staff/admin/users"));
        assertTrue(driver().findElement(By.id("users")).getText().contains("Zoé Marchand"));

        driver().findElement(By.id("sign-out")).click();
        new WebDriverWait(driver(), Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("/staff/sign-in"));
        StaffSignIn.Account zoe = new StaffSignIn.Account(null, email, "Zoé Marchand", oneTime, CENTRE);
        StaffSignIn.signIn(driver(), url("/"), zoe);
        new WebDriverWait(driver(), Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("/staff/password"));
        type("current", oneTime);
        type("password", "Zoé's own long password");
        type("confirm", "Zoé's own long password");
        click("save-password");
        assertEquals("Hello, Zoé Marchand", driver().findElement(By.tagName("h1")).getText());
        assertFalse(driver().findElements(By.linkText("Cases")).isEmpty());
        assertTrue(driver().findElements(By.linkText("Administration")).isEmpty());
        driver().get(url("/staff/admin/users"));
        assertEquals("Not for your account", driver().findElement(By.tagName("h1")).getText());
        browser.assertAccessible("not for your account");
    }

    @Test
    void anAdminGivesANewPasswordAndDisablesAnAccount() throws IOException {
        StaffSignIn.Account admin = StaffSignIn.account(CENTRE, Roles.ADMIN);
        StaffSignIn.Account camille = StaffSignIn.account(CENTRE, Roles.COUNSELLOR);
        // Camille is signed in elsewhere, outside this browser.
        String camillesSession = given().auth().none().redirects().follow(false).get("/staff/sign-in").then()
                .extract().cookie("bilan_sign_in");
        String camillesCookie = given().auth().none().redirects().follow(false).cookie("bilan_sign_in", camillesSession)
                .contentType("application/x-www-form-urlencoded").formParam("_csrf", camillesSession)
                .formParam("email", camille.email()).formParam("password", camille.password())
                .post("/staff/sign-in").then().statusCode(303).extract().cookie(StaffSessions.COOKIE);
        given().auth().none().redirects().follow(false).cookie(StaffSessions.COOKIE, camillesCookie).get("/staff")
                .then().statusCode(200);

        StaffSignIn.signIn(driver(), url("/"), admin);
        driver().get(url("/staff/admin/users/" + camille.id()));
        browser.assertAccessible("user");
        browser.screenshot("staff-user-en-desktop", 1280);
        // Roles: none is refused, then admin is added.
        driver().findElement(By.id("role-counsellor")).click();
        click("save-user");
        assertTrue(main().contains("Choose at least one role."), main());
        driver().findElement(By.id("role-counsellor")).click();
        driver().findElement(By.id("role-admin")).click();
        click("save-user");
        assertEquals("The name and roles are saved.", driver().findElement(By.id("notice")).getText());
        assertTrue(main().contains("Counsellor, Admin"), main());

        click("reset-password");
        String oneTime = driver().findElement(By.id("secret")).getText();
        // The session camille had ended with the new password; her old password no longer opens the account.
        given().auth().none().redirects().follow(false).cookie(StaffSessions.COOKIE, camillesCookie).get("/staff")
                .then().statusCode(303);

        driver().get(url("/staff/admin/users/" + camille.id()));
        click("disable");
        assertEquals("The account is disabled.", driver().findElement(By.id("notice")).getText());
        assertEquals("Disabled", driver().findElement(By.id("status")).getText());
        driver().manage().deleteAllCookies();
        StaffSignIn.signInOnly(driver(), url("/"), new StaffSignIn.Account(camille.id(), camille.email(),
                camille.name(), oneTime, CENTRE));
        new WebDriverWait(driver(), Duration.ofSeconds(30)).until(d -> d.getPageSource()
                .contains("This account is disabled. Ask an admin of your centre."));

        // An admin cannot disable themselves, even by sending the form by hand.
        StaffSignIn.signIn(driver(), url("/"), admin);
        driver().get(url("/staff/admin/users/" + admin.id()));
        assertTrue(driver().findElements(By.id("disable")).isEmpty());
        given().auth().none().redirects().follow(false).cookie(StaffSessions.COOKIE, StaffSignIn.sessionCookie(driver()))
                .contentType("application/x-www-form-urlencoded").formParam("_csrf", StaffSignIn.csrf(driver()))
                .formParam("action", "disable").post("/staff/admin/users/" + admin.id()).then().statusCode(422);
    }

    @Test
    void anAdminCreatesAKeyShownOnceAndRevokesIt() throws IOException {
        StaffSignIn.Account admin = StaffSignIn.account(CENTRE, Roles.ADMIN);
        String otherCentresKey = TestCallers.of(Roles.COUNSELLOR, "centre-elsewhere");
        StaffSignIn.signIn(driver(), url("/"), admin);
        driver().get(url("/staff/admin/keys"));
        browser.assertAccessible("keys");
        type("name", "Agenda of the Lyon office");
        click("create-key");
        String key = driver().findElement(By.id("secret")).getText();
        assertTrue(key.startsWith("bilan_"), key);
        browser.assertAccessible("key created");
        given().auth().oauth2(key).get("/api/v1/cases").then().statusCode(200);

        driver().get(url("/staff/admin/keys"));
        String id = key.substring("bilan_".length(), "bilan_".length() + 16);
        assertTrue(driver().findElement(By.id("keys")).getText().contains("Agenda of the Lyon office"));
        assertFalse(driver().findElement(By.id("keys")).getText().contains("centre-elsewhere"),
                "the keys of another centre are not listed");
        browser.screenshot("staff-keys-en-desktop", 1280);
        click("revoke-" + id);
        assertEquals("The key is revoked: it stops working at once.", driver().findElement(By.id("notice")).getText());
        given().auth().oauth2(key).get("/api/v1/cases").then().statusCode(401);

        String cookie = StaffSignIn.sessionCookie(driver());
        String csrf = StaffSignIn.csrf(driver());
        // Another centre's key is not found, and a key reaching every centre cannot be made here.
        String otherId = otherCentresKey.substring("bilan_".length(), "bilan_".length() + 16);
        given().auth().none().cookie(StaffSessions.COOKIE, cookie).contentType("application/x-www-form-urlencoded")
                .formParam("_csrf", csrf).post("/staff/admin/keys/" + otherId + "/revoke").then().statusCode(404);
        given().auth().oauth2(otherCentresKey).get("/api/v1/cases").then().statusCode(200);
        given().auth().none().cookie(StaffSessions.COOKIE, cookie).contentType("application/x-www-form-urlencoded")
                .formParam("_csrf", csrf).formParam("name", "All powerful").formParam("role", Roles.ADMIN)
                .post("/staff/admin/keys").then().statusCode(422);
    }

    @Test
    void anAdminSetsTheCentresIdentityThatSynthesesPrint() throws IOException {
        StaffSignIn.Account admin = StaffSignIn.account(CENTRE, Roles.ADMIN);
        StaffSignIn.Account camille = StaffSignIn.account(CENTRE, Roles.COUNSELLOR);
        StaffSignIn.signIn(driver(), url("/"), admin);
        driver().get(url("/staff/admin/centre"));
        browser.assertAccessible("centre settings");
        // Camille's signature block is offered with her name.
        assertEquals(camille.subject(), driver().findElement(By.cssSelector("input[value='" + camille.subject() + "']"))
                .getAttribute("value"));
        type("name", "Horizons Bilans SARL");
        type("address", "12 rue de la Charité\n69002 Lyon");
        type("declarationNumber", "84 69 12345 69");
        type("certification", "Qualiopi, certificat n° 2026-017");
        String row = driver().findElement(By.cssSelector("input[value='" + camille.subject() + "']")).getAttribute("id")
                .replace("-subject", "");
        type(row + "-function", "Psychologue du travail");
        click("save-centre");
        assertEquals("The settings are saved.", driver().findElement(By.id("notice")).getText());
        browser.screenshot("staff-centre-en-desktop", 1280);

        given().auth().oauth2(TestCallers.staff()).get("/api/v1/centres/" + CENTRE).then().statusCode(200)
                .body("name", equalTo("Horizons Bilans SARL"))
                .body("declarationNumber", equalTo("84 69 12345 69"))
                .body("counsellors.find { it.counsellor == '" + camille.subject() + "' }.function",
                        equalTo("Psychologue du travail"))
                .body("updatedBy", equalTo(admin.subject()));

        // A block without a name is refused, pointing at it; the name is required.
        type(row + "-name", "");
        type("name", "");
        click("save-centre");
        assertTrue(main().contains("Enter the centre's name."), main());
        assertTrue(main().contains("give the counsellor and the name"), main());
        browser.assertAccessible("centre settings refused");
        given().auth().oauth2(TestCallers.staff()).get("/api/v1/centres/" + CENTRE).then()
                .body("name", equalTo("Horizons Bilans SARL"));
    }

    @Test
    void nobodyElseReachesTheAdministration() {
        StaffSignIn.Account counsellor = StaffSignIn.account(CENTRE, Roles.COUNSELLOR);
        StaffSignIn.Account otherAdmin = StaffSignIn.account("centre-elsewhere", Roles.ADMIN);
        StaffSignIn.signIn(driver(), url("/"), counsellor);
        for (String page : new String[] {"/staff/admin/users", "/staff/admin/keys", "/staff/admin/centre"}) {
            given().auth().none().cookie(StaffSessions.COOKIE, StaffSignIn.sessionCookie(driver())).get(page).then()
                    .statusCode(403);
        }
        driver().manage().deleteAllCookies();
        StaffSignIn.signIn(driver(), url("/"), otherAdmin);
        driver().get(url("/staff/admin/users/" + counsellor.id()));
        assertEquals("Not found", driver().findElement(By.tagName("h1")).getText());
        driver().get(url("/staff/admin/users"));
        assertFalse(driver().findElement(By.id("users")).getText().contains(counsellor.email()));
        given().auth().none().cookie(StaffSessions.COOKIE, StaffSignIn.sessionCookie(driver()))
                .contentType("application/x-www-form-urlencoded").formParam("_csrf", StaffSignIn.csrf(driver()))
                .formParam("action", "reset").post("/staff/admin/users/" + counsellor.id()).then().statusCode(404);
    }
}

package io.bilan.engine.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.engine.CatalogReady;
import io.bilan.engine.security.Roles;
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
 * A counsellor opens a case from the cases list, in a real browser: a form refused without a valid beneficiary id
 * says why in the page and keeps what was typed; an accepted one opens the case with the counsellor as its
 * counsellor, goes to its page and lists it. An admin, who runs no case, is not offered the form, and a form sent
 * without the session's CSRF token opens nothing.
 */
@QuarkusTest
class OpenCasePagesTest {

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
    void ready() throws Exception {
        CatalogReady.await();
        browser.driver().manage().deleteAllCookies();
    }

    private WebDriver driver() {
        return browser.driver();
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    @Test
    void aCounsellorOpensACaseFromTheList() throws IOException {
        StaffSignIn.Account camille = StaffSignIn.account("centre-open", Roles.COUNSELLOR);
        StaffSignIn.signIn(driver(), base.toString(), camille);
        driver().get(url("/language?to=en&back=/staff/cases"));
        driver().get(url("/staff/cases"));
        driver().findElement(By.id("open-case")).click();
        browser.assertAccessible("open a case");

        driver().findElement(By.id("beneficiary")).sendKeys("B/2026");
        driver().findElement(By.id("name")).sendKeys("Élodie Martin");
        driver().findElement(By.id("open")).click();
        String summary = new WebDriverWait(driver(), Duration.ofSeconds(30))
                .until(d -> d.findElements(By.id("error-summary")).stream().findFirst().orElse(null)).getText();
        assertTrue(summary.contains("Enter the beneficiary's id"), summary);
        assertEquals("Élodie Martin", driver().findElement(By.id("name")).getAttribute("value"));
        browser.assertAccessible("open a case refused");
        browser.screenshot("staff-open-case-refused-en", 1280);

        driver().findElement(By.id("beneficiary")).clear();
        driver().findElement(By.id("beneficiary")).sendKeys("B-2026-0777");
        driver().findElement(By.id("open")).click();
        new WebDriverWait(driver(), Duration.ofSeconds(30))
                .until(d -> d.getCurrentUrl().matches(".*/staff/cases/[0-9a-f-]{36}$"));

        driver().get(url("/staff/cases?q=B-2026-0777"));
        assertEquals("1 case", driver().findElement(By.id("count")).getText());
        assertTrue(driver().findElement(By.id("cases")).getText().contains("Élodie Martin"));
    }

    @Test
    void anAdminIsNotOfferedTheFormAndAFormWithoutItsTokenOpensNothing() {
        StaffSignIn.Account admin = StaffSignIn.account("centre-open", Roles.ADMIN);
        StaffSignIn.signIn(driver(), base.toString(), admin);
        driver().get(url("/staff/cases"));
        assertTrue(driver().findElements(By.id("open-case")).isEmpty());

        StaffSignIn.Account dominique = StaffSignIn.account("centre-open", Roles.COUNSELLOR);
        driver().manage().deleteAllCookies();
        StaffSignIn.signIn(driver(), base.toString(), dominique);
        driver().get(url("/staff/cases"));
        given().auth().none().cookie("bilan_staff", StaffSignIn.sessionCookie(driver()))
                .contentType("application/x-www-form-urlencoded").formParam("beneficiary", "B-2026-0888")
                .post(url("/staff/cases")).then().statusCode(403);
        driver().get(url("/staff/cases?q=B-2026-0888"));
        assertTrue(driver().findElement(By.id("count")).getText().matches("No case|Aucun dossier"),
                driver().findElement(By.id("count")).getText());
    }
}

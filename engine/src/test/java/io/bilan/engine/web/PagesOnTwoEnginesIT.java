package io.bilan.engine.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.engine.EngineProcess;
import io.bilan.engine.postgres.PostgresProfile;
import java.io.File;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Two packaged engines on one PostgreSQL serve the same person: a draft saved through one is found through the
 * other, and after the first engine is stopped and started again, the draft and the session are still there.
 */
class PagesOnTwoEnginesIT {

    private static final int FIRST = 18194;
    private static final int SECOND = 18195;
    private static EngineProcess engine;
    private static Process first;
    private static Process second;
    private static Browser browser;
    private static String counsellor;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start();
        PostgresProfile.requireReachable();
        engine = new EngineProcess(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", PostgresProfile.URL,
                "QUARKUS_DATASOURCE_USERNAME", PostgresProfile.USER,
                "QUARKUS_DATASOURCE_PASSWORD", System.getenv().getOrDefault("BILAN_TEST_POSTGRES_PASSWORD", ""),
                "BILAN_CATALOG_FOLDERS", new File("../instruments").getAbsolutePath(),
                "BILAN_DATA_DIR", new File("target/pages-it-data").getAbsolutePath()));
        String admin = engine.createAdminKey();
        first = engine.start(FIRST);
        second = engine.start(SECOND);
        counsellor = given().port(FIRST).auth().oauth2(admin).contentType("application/json")
                .body("{\"name\": \"counsellor\", \"roles\": [\"counsellor\"], \"centre\": \"centre-pages\"}")
                .post("/api/v1/api-keys").then().statusCode(201).extract().path("key");
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        for (Process process : new Process[] {first, second}) {
            if (process != null) {
                process.destroy();
            }
        }
    }

    @Test
    void aDraftSavedThroughOneEngineIsFoundThroughTheOtherAndAfterARestart() throws Exception {
        String caseId = given().port(FIRST).auth().oauth2(counsellor).contentType("application/json")
                .body("{\"beneficiary\": \"B-TWO-ENGINES\"}").post("/api/v1/cases").then().statusCode(201)
                .extract().path("id");
        String link = given().port(SECOND).auth().oauth2(counsellor).contentType("application/json")
                .body("{\"instrument\": \"preliminary-interview\"}").post("/api/v1/cases/" + caseId + "/invitations")
                .then().statusCode(201).extract().path("link");

        var driver = browser.driver;
        driver.get("http://localhost:" + FIRST + link);
        driver.findElement(By.cssSelector("form[action^='/i/'] button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("player")).isEmpty());
        String player = driver.getCurrentUrl().replace("http://localhost:" + FIRST, "");
        driver.findElement(By.cssSelector("input[name='a:situation'][value='employed-permanent']")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.findElement(By.id("save-status")).getText()
                .matches("(Saved at|Enregistré à).*"));

        // The same browser on the other engine: the session and the draft live in the database.
        driver.get("http://localhost:" + SECOND + player);
        assertTrue(driver.findElement(By.cssSelector("input[name='a:situation'][value='employed-permanent']")).isSelected());
        driver.findElement(By.cssSelector("input[name='a:initiative'][value='own']")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.findElement(By.id("save-status")).getText()
                .matches("(Saved at|Enregistré à).*"));

        // The first engine stopped and started again: nothing of the session or the draft was in its memory.
        first.destroy();
        assertTrue(first.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        first = engine.start(FIRST);
        driver.get("http://localhost:" + FIRST + player);
        assertTrue(driver.findElement(By.cssSelector("input[name='a:situation'][value='employed-permanent']")).isSelected());
        assertTrue(driver.findElement(By.cssSelector("input[name='a:initiative'][value='own']")).isSelected());
        assertEquals(0, given().port(FIRST).auth().oauth2(counsellor).get("/api/v1/cases/" + caseId + "/administrations")
                .then().statusCode(200).extract().jsonPath().getList("$").size(), "a draft is never a result");
    }
}

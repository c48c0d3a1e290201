package io.bilan.engine.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bilan.engine.CatalogReady;
import io.bilan.engine.TestCallers;
import io.bilan.engine.security.Roles;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The player's ranking moved by dragging with a mouse and with the keyboard alone, and a draft saved while the
 * connection is lost: each time what the server stores is what the page shows. The package with an item of every
 * type is published and a beneficiary invited to answer it.
 */
@QuarkusTest
class PlayerRankingAndConnectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PACKAGE = Path.of("src", "test", "resources", "packages", "every-item-type");
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
    void ready() throws Exception {
        CatalogReady.await();
        counsellor = TestCallers.of(Roles.COUNSELLOR);
        // Published once: the same content again changes nothing (200).
        given().auth().oauth2(TestCallers.staff()).contentType("application/zip").body(zip(PACKAGE))
                .post("/api/v1/instruments").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        browser.driver.manage().deleteAllCookies();
    }

    private WebDriver driver() {
        return browser.driver;
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    private static byte[] zip(Path folder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); var files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(folder.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A case in investigation whose beneficiary opened their invitation to the package: the player is shown. */
    private String answering(String beneficiary) throws InterruptedException {
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
        String link = given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"instrument\": \"every-item-type\"}").post("/api/v1/cases/" + caseId + "/invitations")
                .then().statusCode(201).extract().path("link");
        driver().get(url("/language?to=en&back=/"));
        driver().get(url(link));
        driver().findElement(By.cssSelector("form[action^='/i/'] button")).click();
        waitFor(By.id("player"));
        return caseId;
    }

    private void waitFor(By by) {
        new WebDriverWait(driver(), Duration.ofSeconds(30)).until(d -> !d.findElements(by).isEmpty());
    }

    private void waitForStatus(String start) {
        new WebDriverWait(driver(), Duration.ofSeconds(30))
                .until(d -> d.findElement(By.id("save-status")).getText().startsWith(start));
    }

    /** When the page last saved a draft, as the server answered it (finer than the minutes the page shows). */
    private String lastSaved() {
        return String.valueOf(((org.openqa.selenium.JavascriptExecutor) driver())
                .executeScript("return document.getElementById('player').dataset.savedAt || ''"));
    }

    /**
     * Waits for a draft saved after {@code before}, and for the last change's: the page saves a moment after the last
     * change (under a second), and says "Saving…" until the server answers.
     */
    private void waitForSaveAfter(String before) throws InterruptedException {
        Thread.sleep(1200);
        new WebDriverWait(driver(), Duration.ofSeconds(30)).until(d -> !lastSaved().equals(before)
                && d.findElement(By.id("save-status")).getText().startsWith("Saved at"));
    }

    /** The rows of the ranking as shown, each with the rank its select holds: {@code x=1}. */
    private List<String> ranking() {
        return driver().findElements(By.cssSelector("[data-ranking] .rank-row")).stream()
                .map(row -> row.getAttribute("data-value") + "=" + row.findElement(By.tagName("select")).getAttribute("value"))
                .toList();
    }

    private WebElement row(String value) {
        return driver().findElement(By.cssSelector("[data-ranking] .rank-row[data-value='" + value + "']"));
    }

    /** Every answer of the package's fixture but the ranking, which the test gives itself. */
    private void answerAllButTheRanking() throws IOException {
        JsonNode manifest = JSON.readTree(PACKAGE.resolve("manifest.json").toFile());
        ObjectNode answers = (ObjectNode) JSON.readTree(PACKAGE.resolve("fixtures/every-answer.json").toFile())
                .get("responses").get("answers").deepCopy();
        answers.remove("rank");
        new AnswersInThePage(driver()).fill(manifest, answers);
    }

    /** Submits, and returns the answers stored for the case. */
    private JsonNode submitAndReadStored(String caseId) throws IOException {
        driver().findElement(By.id("submit")).click();
        new WebDriverWait(driver(), Duration.ofSeconds(30))
                .until(d -> d.getCurrentUrl().endsWith("/done") || !d.findElements(By.id("error-summary")).isEmpty());
        assertTrue(driver().getCurrentUrl().endsWith("/done"), () -> driver().findElement(By.tagName("main")).getText());
        long administration = given().auth().oauth2(counsellor).get("/api/v1/cases/" + caseId + "/administrations")
                .then().statusCode(200).extract().jsonPath().getLong("[0].id");
        return JSON.readTree(given().auth().oauth2(counsellor)
                .get("/api/v1/cases/" + caseId + "/administrations/" + administration + "/responses").then()
                .statusCode(200).extract().asString()).get("responses").get("answers");
    }

    @Test
    void aRankingIsReorderedByDraggingWithTheMouse() throws Exception {
        String caseId = answering("B-RANK-1");
        answerAllButTheRanking();
        assertEquals(List.of("x=", "y=", "z="), ranking());

        // Z dragged onto the top half of X: it goes first, and the ranks follow the rows.
        WebElement x = row("x");
        new Actions(driver()).clickAndHold(row("z").findElement(By.className("rank-label")))
                .moveToElement(x, 0, -x.getSize().getHeight() / 4).pause(Duration.ofMillis(100)).release().perform();
        assertEquals(List.of("z=1", "x=2", "y=3"), ranking());
        // Then X dragged below Y.
        String saved = lastSaved();
        WebElement y = row("y");
        new Actions(driver()).clickAndHold(row("x").findElement(By.className("grip")))
                .moveToElement(y, 0, y.getSize().getHeight() / 4).pause(Duration.ofMillis(100)).release().perform();
        assertEquals(List.of("z=1", "y=2", "x=3"), ranking());
        waitForSaveAfter(saved);
        browser.screenshot("player-ranking-dragged-en-phone", 390, By.id("q-rank"));

        driver().navigate().refresh();
        waitFor(By.id("player"));
        assertEquals(List.of("z=1", "y=2", "x=3"), ranking(), "the draft keeps the order");
        assertEquals(JSON.readTree("[\"z\", \"y\", \"x\"]"), submitAndReadStored(caseId).get("rank"));
    }

    @Test
    void aRankingIsReorderedWithTheKeyboardOnly() throws Exception {
        String caseId = answering("B-RANK-2");
        answerAllButTheRanking();
        // From the ranking's first field, Tab reaches Y's "move up" button; Enter moves Y up and keeps the focus on
        // the button, and a second Enter changes nothing: Y is first.
        ((org.openqa.selenium.JavascriptExecutor) driver()).executeScript("arguments[0].focus()",
                row("x").findElement(By.tagName("select")));
        WebElement up = row("y").findElement(By.cssSelector("button[data-move=up]"));
        for (int i = 0; i < 10 && !up.equals(driver().switchTo().activeElement()); i++) {
            driver().switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertEquals(up, driver().switchTo().activeElement(), "Tab reaches the move buttons");
        String saved = lastSaved();
        driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        assertEquals(List.of("y=1", "x=2", "z=3"), ranking());
        driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        assertEquals(List.of("y=1", "x=2", "z=3"), ranking());
        // On through the rows to X's "move down", pressed with the space bar.
        WebElement down = row("x").findElement(By.cssSelector("button[data-move=down]"));
        for (int i = 0; i < 10 && !down.equals(driver().switchTo().activeElement()); i++) {
            driver().switchTo().activeElement().sendKeys(Keys.TAB);
        }
        driver().switchTo().activeElement().sendKeys(Keys.SPACE);
        assertEquals(List.of("y=1", "z=2", "x=3"), ranking());
        waitForSaveAfter(saved);
        driver().navigate().refresh();
        waitFor(By.id("player"));
        assertEquals(List.of("y=1", "z=2", "x=3"), ranking(), "the draft keeps the order");
        assertEquals(JSON.readTree("[\"y\", \"z\", \"x\"]"), submitAndReadStored(caseId).get("rank"));
    }

    @Test
    void aDraftSavedWhileTheConnectionIsLostIsSavedOnceItIsBack() throws Exception {
        String caseId = answering("B-OFFLINE-1");
        String before = lastSaved();
        driver().findElement(By.cssSelector("label[for='q-lik-2']")).click();
        waitForSaveAfter(before);
        String savedOnline = lastSaved();

        var driver = browser.driver;
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", true, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
        try {
            driver().findElement(By.cssSelector("label[for='q-lik-4']")).click();
            waitForStatus("Not saved: no connection");
            browser.screenshot("player-offline-en-phone", 390);
            // Still offline a while later: nothing was saved behind the page's back.
            Thread.sleep(4000);
            assertTrue(driver().findElement(By.id("save-status")).getText().startsWith("Not saved"));
        } finally {
            driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                    "downloadThroughput", -1, "uploadThroughput", -1));
        }
        waitForSaveAfter(savedOnline);

        driver().navigate().refresh();
        waitFor(By.id("player"));
        assertTrue(driver().findElement(By.id("q-lik-4")).isSelected(), "the answer changed offline was saved");
        assertEquals(0, given().auth().oauth2(counsellor).get("/api/v1/cases/" + caseId + "/administrations")
                .then().statusCode(200).extract().jsonPath().getList("$").size(), "a draft is never a result");
    }
}

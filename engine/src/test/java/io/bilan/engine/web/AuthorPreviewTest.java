package io.bilan.engine.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code bilan preview <folder>}: the beneficiary's player on a package being written, here one with an item of
 * every type, answered in the browser; the score report follows the submission, and the page reloads itself when
 * a file of the package changes.
 */
@QuarkusTest
@TestProfile(AuthorPreviewTest.Preview.class)
class AuthorPreviewTest {

    static final Path FOLDER = Path.of("target", "preview-package", "every-item-type");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Browser browser;

    /** The engine as {@code bilan preview} runs it, on a copy of the test package the test may change. */
    public static class Preview implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path source = Path.of("src", "test", "resources", "packages", "every-item-type");
                try (var files = Files.walk(source)) {
                    for (Path file : files.toList()) {
                        Path target = FOLDER.resolve(source.relativize(file).toString());
                        if (Files.isDirectory(file)) {
                            Files.createDirectories(target);
                        } else {
                            Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("bilan.pages.preview-folder", FOLDER.toAbsolutePath().toString());
        }
    }

    @TestHTTPResource("/preview")
    URL preview;

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

    /**
     * The same answers submitted again, once the manifest gives the scale "liking" bands on its raw score (5 by hand,
     * so "High") and declares each {@code respondentView} in turn.
     */
    private void theRespondentSeesWhatThePackageDeclares(String form) throws IOException {
        Path file = FOLDER.resolve("manifest.json");
        String original = Files.readString(file);
        try {
            ObjectNode manifest = (ObjectNode) JSON.readTree(original);
            ((ObjectNode) manifest.at("/scales/0")).set("bands", JSON.readTree("""
                    {"on": "raw", "levels": [
                      {"id": "low", "from": 0, "label": {"fr": "Faible", "en": "Low"},
                       "text": {"fr": "Peu de goût.", "en": "Little liking."}},
                      {"id": "high", "from": 4, "label": {"fr": "Élevé", "en": "High"},
                       "text": {"fr": "Beaucoup de goût.", "en": "Much liking."}}]}"""));

            String scales = submitted(file, manifest.put("respondentView", "scales"), form, "en");
            assertEquals(3, count(scales, "class=\"scale\""), scales);
            assertEquals(3, count(scales, "class=\"bar\""), scales);
            assertTrue(scales.contains("Score: 5 / ") && scales.contains("<strong>High</strong>")
                    && scales.contains("Much liking."), scales);

            // Only the scale with a band, by its band and text: no score, no bar.
            String summary = submitted(file, manifest.put("respondentView", "summary"), form, "en");
            assertEquals(1, count(summary, "class=\"scale\""), summary);
            assertEquals(0, count(summary, "class=\"bar\""), summary);
            assertFalse(summary.contains("Score:"), summary);
            assertTrue(summary.contains("<h3>Liking lists</h3>") && summary.contains("<strong>High</strong>")
                    && summary.contains("Much liking."), summary);
            String resume = submitted(file, manifest, form, "fr");
            assertTrue(resume.contains("<strong>Élevé</strong>") && resume.contains("Beaucoup de goût.")
                    && !resume.contains("Score :"), resume);

            String counsellor = submitted(file, manifest.put("respondentView", "counsellor-only"), form, "en");
            assertEquals(0, count(counsellor, "class=\"scale\""), counsellor);
            assertFalse(counsellor.contains("Much liking."), counsellor);
            assertTrue(counsellor.contains("Your counsellor will go through your results with you"), counsellor);
        } finally {
            Files.writeString(file, original);
        }
    }

    /** The part of the preview's report page that shows what the beneficiary sees. */
    private String submitted(Path file, JsonNode manifest, String form, String lang) throws IOException {
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest));
        String page = given().contentType("application/x-www-form-urlencoded; charset=UTF-8").header("Accept-Language", lang)
                .body(form).post(preview).then().statusCode(200).extract().asString();
        // What the beneficiary sees comes before the whole score report, which the author always gets.
        assertTrue(page.contains("id=\"score-report\""), page);
        return page.substring(0, page.indexOf("id=\"score-report\""));
    }

    private static int count(String page, String part) {
        return page.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void anAuthorAnswersEveryItemTypeSeesTheReportAndThePageFollowsTheFiles() throws Exception {
        var driver = browser.driver;
        driver.get(preview.toString().replace("/preview", "/language?to=en&back=/preview"));
        assertEquals("Every item type", driver.findElement(By.tagName("h1")).getText(),
                () -> driver.findElement(By.tagName("main")).getText());
        browser.assertAccessible("preview");
        browser.screenshot("preview-en-desktop", 1280);
        browser.screenshot("preview-en-phone", 390);
        browser.screenshot("preview-ranking-en-phone", 390, By.id("q-rank"));
        browser.screenshot("preview-forced-en-desktop", 1280, By.id("q-block"));

        // A ranking is reordered with its buttons: the ranks follow the rows.
        WebElement first = driver.findElements(By.cssSelector("[data-ranking] .rank-row")).get(0);
        first.findElement(By.cssSelector("button[data-move=down]")).click();
        List<String> order = driver.findElements(By.cssSelector("[data-ranking] .rank-row")).stream()
                .map(row -> row.getAttribute("data-value") + "=" + row.findElement(By.tagName("select")).getAttribute("value"))
                .toList();
        assertEquals(List.of("y=1", "x=2", "z=3"), order);

        JsonNode manifest = JSON.readTree(FOLDER.resolve("manifest.json").toFile());
        JsonNode answers = JSON.readTree(FOLDER.resolve("fixtures/every-answer.json").toFile()).get("responses").get("answers");
        new AnswersInThePage(driver).fill(manifest, answers);
        browser.assertAccessible("preview with two entries");
        browser.screenshot("preview-group-en-phone", 390, By.id("q-jobs"));
        String form = (String) driver.executeScript("""
                const data = new FormData(document.getElementById('submit').form);
                data.set('action', 'submit');
                return new URLSearchParams(data).toString();""");
        driver.findElement(By.id("submit")).click();
        WebElement report = new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> d.findElements(By.id("score-report")).stream().findFirst().orElse(null));
        browser.assertAccessible("preview report");
        JsonNode scored = JSON.readTree(report.getText());
        // By hand: 3 on the Likert item + 2 for option b; x ranked 2nd of 3 counts 3 + 1 - 2; 4 is right.
        assertEquals(5.0, scored.at("/scales/liking/raw").asDouble());
        assertEquals(2.0, scored.at("/scales/ranked/raw").asDouble());
        assertEquals(1.0, scored.at("/scales/correct/raw").asDouble());
        // A questionnaire that declares no respondentView shows its three scales with their bars.
        assertEquals(3, driver.findElements(By.cssSelector("li.scale")).size());
        assertEquals(3, driver.findElements(By.cssSelector("li.scale .bar")).size());

        theRespondentSeesWhatThePackageDeclares(form);

        // The author edits the package: the open page reloads with it.
        driver.findElement(By.cssSelector("button[value=restart]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("player")).isEmpty());
        Path file = FOLDER.resolve("manifest.json");
        Files.writeString(file, Files.readString(file).replace("\"Every item type\"", "\"Every item type, edited\""));
        Browser.waitThroughReplacedPages(driver,
                d -> d.findElement(By.tagName("h1")).getText().equals("Every item type, edited"));
        assertTrue(driver.findElements(By.cssSelector("input[name='a:lik']:checked")).isEmpty(), "a new draft");
    }
}

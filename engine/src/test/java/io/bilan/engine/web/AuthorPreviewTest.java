package io.bilan.engine.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
        driver.findElement(By.id("submit")).click();
        WebElement report = new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> d.findElements(By.id("score-report")).stream().findFirst().orElse(null));
        browser.assertAccessible("preview report");
        JsonNode scored = JSON.readTree(report.getText());
        // By hand: 3 on the Likert item + 2 for option b; x ranked 2nd of 3 counts 3 + 1 - 2; 4 is right.
        assertEquals(5.0, scored.at("/scales/liking/raw").asDouble());
        assertEquals(2.0, scored.at("/scales/ranked/raw").asDouble());
        assertEquals(1.0, scored.at("/scales/correct/raw").asDouble());

        // The author edits the package: the open page reloads with it.
        driver.findElement(By.cssSelector("button[value=restart]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("player")).isEmpty());
        Path file = FOLDER.resolve("manifest.json");
        Files.writeString(file, Files.readString(file).replace("\"Every item type\"", "\"Every item type, edited\""));
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> d.findElement(By.tagName("h1")).getText().equals("Every item type, edited"));
        assertTrue(driver.findElements(By.cssSelector("input[name='a:lik']:checked")).isEmpty(), "a new draft");
    }
}
